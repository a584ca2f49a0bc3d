package dev.mamori.cli.risk;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Version;

import dev.mamori.risk.RiskReport;
import java.util.List;
import java.util.Map;

/** The risk report as one self-contained HTML page with an SVG chart of records by class size. */
final class RiskHtml {

    private record Bucket(String label, int from, int to) {
    }

    private static final List<Bucket> BUCKETS = List.of(new Bucket("1", 1, 1), new Bucket("2", 2, 2), new Bucket("3", 3, 3),
            new Bucket("4", 4, 4), new Bucket("5", 5, 5), new Bucket("6–10", 6, 10), new Bucket("11–20", 11, 20),
            new Bucket("21–50", 21, 50), new Bucket("51–100", 51, 100), new Bucket("101+", 101, Integer.MAX_VALUE));

    private RiskHtml() {
    }

    static String render(String file, List<String> qi, RiskReport r, Lang lang) {
        long[] records = new long[BUCKETS.size()];
        for (Map.Entry<Integer, Integer> e : r.classSizes().entrySet()) {
            for (int b = 0; b < BUCKETS.size(); b++) {
                if (e.getKey() >= BUCKETS.get(b).from && e.getKey() <= BUCKETS.get(b).to) {
                    records[b] += (long) e.getKey() * e.getValue();
                }
            }
        }
        long max = 1;
        for (long n : records) {
            max = Math.max(max, n);
        }
        StringBuilder svg = new StringBuilder("<svg viewBox=\"0 0 640 260\" width=\"640\" height=\"260\" role=\"img\">");
        int w = 52;
        for (int b = 0; b < records.length; b++) {
            int h = (int) Math.round(200.0 * records[b] / max);
            int x = 40 + b * 60;
            String color = BUCKETS.get(b).to < 5 ? "#c0392b" : "#2e86c1";
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%,d</title></rect>",
                    x, 220 - h, w, h, color, records[b]));
            svg.append(String.format("<text x=\"%d\" y=\"238\" font-size=\"12\" text-anchor=\"middle\">%s</text>", x + w / 2,
                    BUCKETS.get(b).label));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%,d</text>", x + w / 2,
                    215 - h, records[b]));
        }
        svg.append(String.format("<text x=\"320\" y=\"256\" font-size=\"12\" text-anchor=\"middle\">%s</text></svg>",
                lang.t("同値クラスの大きさ（赤: k < 5）", "equivalence class size (red: k < 5)")));
        String rows = row(lang.t("レコード数", "records"), String.format("%,d", r.records()))
                + row(lang.t("同値クラス数", "equivalence classes"), String.format("%,d", r.classes()))
                + row(lang.t("最小クラスサイズ (k)", "smallest class (k)"), Integer.toString(r.minClassSize()))
                + row(lang.t("一意なレコードの割合", "unique records"), String.format("%.2f%%", 100 * r.uniqueShare()))
                + row(lang.t("検察官リスク（最大 / 平均）", "prosecutor risk (highest / average)"),
                String.format("%.4f / %.4f", r.highestProsecutorRisk(), r.averageProsecutorRisk()))
                + row(lang.t("リスクが閾値を超えるレコード", "records above the risk threshold") + " (" + r.riskThreshold() + ")",
                String.format("%,d", r.recordsAboveThreshold()));
        StringBuilder l = new StringBuilder();
        r.distinctL().forEach((c, n) -> l.append(row(lang.t("l-多様性（distinct）: ", "distinct l-diversity: ") + esc(c), Integer.toString(n))));
        return "<!DOCTYPE html><html lang=\"" + lang.name() + "\"><head><meta charset=\"utf-8\"><title>"
                + lang.t("再識別リスク", "Re-identification risk") + " — " + esc(file) + "</title>"
                + "<style>body{font-family:'Hiragino Sans','Noto Sans CJK JP','Noto Sans JP','Yu Gothic',Meiryo,sans-serif;margin:2em;max-width:760px}table{border-collapse:collapse}"
                + "td{border-bottom:1px solid #ddd;padding:4px 12px}td:last-child{text-align:right}</style></head><body>"
                + "<h1>" + lang.t("再識別リスク", "Re-identification risk") + "</h1><p>" + esc(file) + "<br>"
                + lang.t("準識別子: ", "Quasi-identifiers: ") + esc(String.join(", ", qi)) + "</p><table>" + rows + l + "</table>"
                + "<h2>" + lang.t("クラスの大きさ別のレコード数", "Records by class size") + "</h2>" + svg
                + "<p><small>Mamori " + esc(Version.get()) + "</small></p></body></html>\n";
    }

    private static String row(String k, String v) {
        return "<tr><td>" + k + "</td><td>" + v + "</td></tr>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
