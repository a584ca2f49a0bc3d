package dev.mamori.mail;

import static dev.mamori.report.Html.esc;

import dev.mamori.report.BarChart;
import dev.mamori.report.CsvCells;
import dev.mamori.report.Html;
import dev.mamori.report.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The statistics of a run as people use them: the per-country table in the usual layout (CSV,
 * XLSX, HTML with a bar chart of the shares), the top ASNs and relays, and a summary of what could
 * not be traced and why.
 */
public final class SpamReport {

    /**
     * What the run read and how far it got; {@code reasons} counts the untraced messages by reason;
     * {@code byRegistry} says the table's rows are registries rather than countries; {@code registry} is the
     * registry data attributed with (its date and the RIRs missing from it).
     */
    public record Summary(long messages, long traced, Map<Message, Long> reasons, String trust, long problems, boolean byRegistry,
            RegistryData registry) {
    }

    /** The heading of the table's first column. */
    public static String keyHeading(boolean byRegistry, String lang) {
        return byRegistry ? t(lang, "登録機関（RIR）", "registry") : t(lang, "国・地域", "country or registry");
    }

    private SpamReport() {
    }

    static String t(String lang, String ja, String en) {
        return "en".equals(lang) ? en : ja;
    }

    /**
     * The table as CSV (UTF-8): a header row with the periods and 合計, one row per country, the total row, then
     * a row with the date of the registry data and, when RIRs are missing, a row with the warning; no cell is one
     * a spreadsheet would run as a formula ({@link CsvCells#line}).
     */
    public static String csv(SpamStatistics.Table table, boolean byRegistry, String lang, RegistryData registry) {
        StringBuilder b = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(keyHeading(byRegistry, lang));
        head.addAll(table.periods());
        head.add(t(lang, "合計", "total"));
        b.append(CsvCells.line(head));
        for (SpamStatistics.Row r : table.rows()) {
            b.append(CsvCells.line(cells(r.label(), r)));
        }
        b.append(CsvCells.line(cells(t(lang, "合計", "total"), table.total())));
        b.append(CsvCells.line(List.of(t(lang, "登録データの時点", "registry data as of"), registry.asOf() == null ? "" : registry.asOf())));
        if (registry.warning() != null) {
            b.append(CsvCells.line(List.of(t(lang, "警告", "warning"), registry.warning().in(lang))));
        }
        return b.toString();
    }

    private static List<String> cells(String label, SpamStatistics.Row r) {
        List<String> c = new ArrayList<>();
        c.add(label);
        r.counts().forEach(n -> c.add(Long.toString(n)));
        c.add(Long.toString(r.total()));
        return c;
    }

    /** One self-contained HTML page: summary, the table, the chart of shares, top ASNs and relays. */
    public static String html(Summary s, SpamStatistics.Table table, List<SpamStatistics.Ranked> asns,
            List<SpamStatistics.Ranked> relays, String lang) {
        StringBuilder b = new StringBuilder();
        String title = t(lang, "迷惑メールの送信元（国・地域別）", "Spam by country of the nearest external relay");
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        b.append("<table class=\"meta\"><tbody>");
        meta(b, t(lang, "メッセージ数", "Messages"), String.format("%,d", s.messages()));
        meta(b, t(lang, "送信元を特定", "Traced"), String.format("%,d", s.traced()));
        s.reasons().forEach((why, n) -> meta(b, t(lang, "特定できず: ", "Not traced: ") + why.in(lang), String.format("%,d", n)));
        if (s.problems() > 0) {
            meta(b, t(lang, "読めなかった入力", "Unreadable inputs"), String.format("%,d", s.problems()));
        }
        meta(b, t(lang, "自組織の中継（信頼）", "Our relays (trusted)"), s.trust());
        meta(b, t(lang, "登録データ", "Registry data"), s.registry().asOfText().in(lang));
        b.append("</tbody></table>\n");
        if (s.registry().warning() != null) {
            b.append("<p class=\"warning\"><strong>").append(esc(t(lang, "警告: ", "Warning: "))).append("</strong>")
                    .append(esc(s.registry().warning().in(lang))).append("</p>\n");
        }
        b.append("<h2>").append(esc(s.byRegistry() ? t(lang, "登録機関別の件数", "Messages by registry")
                : t(lang, "国・地域別の件数", "Messages by country"))).append("</h2>\n<table><thead><tr><th>")
                .append(esc(keyHeading(s.byRegistry(), lang))).append("</th>");
        table.periods().forEach(p -> b.append("<th class=\"num\">").append(esc(p)).append("</th>"));
        b.append("<th class=\"num\">").append(esc(t(lang, "合計", "Total"))).append("</th><th class=\"num\">")
                .append(esc(t(lang, "割合", "Share"))).append("</th></tr></thead><tbody>\n");
        long all = Math.max(1, table.total().total());
        for (SpamStatistics.Row r : table.rows()) {
            row(b, r.label(), r, all, false);
        }
        row(b, t(lang, "合計", "Total"), table.total(), all, true);
        b.append("</tbody></table>\n");
        BarChart chart = new BarChart(s.byRegistry() ? t(lang, "登録機関別の割合", "Share by registry") : t(lang, "国・地域別の割合", "Share by country"),
                table.rows().stream().map(SpamStatistics.Row::label).toList());
        List<Double> shares = table.rows().stream().map(r -> 100.0 * r.total() / all).toList();
        double largest = shares.stream().mapToDouble(Double::doubleValue).max().orElse(100);
        chart.max(Math.min(100, Math.max(10, Math.ceil(largest / 10) * 10))); // the scale ends just past the largest share
        chart.series(t(lang, "割合", "share"), "#1565c0", shares);
        b.append("<figure>").append(chart.svg()).append("</figure>\n");
        ranked(b, t(lang, "送信元の多い AS", "Top autonomous systems"), t(lang, "AS", "AS"), t(lang, "組織", "Organisation"), asns, lang);
        ranked(b, t(lang, "送信元に最も近い中継（上位）", "Top nearest external relays"), t(lang, "IP アドレス", "IP address"),
                t(lang, "国・地域", "Country"), relays, lang);
        return Html.page(lang, title, b.toString());
    }

    private static void meta(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private static void row(StringBuilder b, String label, SpamStatistics.Row r, long all, boolean total) {
        b.append(total ? "<tr class=\"total\"><th>" : "<tr><td>").append(esc(label)).append(total ? "</th>" : "</td>");
        r.counts().forEach(n -> b.append("<td class=\"num\">").append(String.format("%,d", n)).append("</td>"));
        b.append("<td class=\"num\">").append(String.format("%,d", r.total())).append("</td><td class=\"num\">")
                .append(String.format("%.1f%%", 100.0 * r.total() / all)).append("</td></tr>\n");
    }

    private static void ranked(StringBuilder b, String title, String keyHead, String labelHead, List<SpamStatistics.Ranked> items,
            String lang) {
        if (items.isEmpty()) {
            return;
        }
        b.append("<h2>").append(esc(title)).append("</h2>\n<table><thead><tr><th>").append(esc(keyHead)).append("</th><th>")
                .append(esc(labelHead)).append("</th><th class=\"num\">").append(esc(t(lang, "件数", "Messages")))
                .append("</th></tr></thead><tbody>\n");
        for (SpamStatistics.Ranked r : items) {
            b.append("<tr><td>").append(esc(r.key())).append("</td><td>").append(esc(r.label())).append("</td><td class=\"num\">")
                    .append(String.format("%,d", r.count())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /**
     * A workbook: the country table (with the date of the registry data and any warning below it), the top ASNs,
     * the top relays (values only, people edit these).
     */
    public static void xlsx(SpamStatistics.Table table, List<SpamStatistics.Ranked> asns, List<SpamStatistics.Ranked> relays,
            boolean byRegistry, RegistryData registry, String lang, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sh = wb.createSheet(byRegistry ? t(lang, "登録機関別", "By registry") : t(lang, "国・地域別", "By country"));
            Row h = sh.createRow(0);
            h.createCell(0).setCellValue(keyHeading(byRegistry, lang));
            for (int i = 0; i < table.periods().size(); i++) {
                h.createCell(i + 1).setCellValue(table.periods().get(i));
            }
            h.createCell(table.periods().size() + 1).setCellValue(t(lang, "合計", "Total"));
            int r = 1;
            for (SpamStatistics.Row row : table.rows()) {
                write(sh.createRow(r++), row.label(), row);
            }
            write(sh.createRow(r++), t(lang, "合計", "Total"), table.total());
            r++;
            Row asOf = sh.createRow(r++);
            asOf.createCell(0).setCellValue(t(lang, "登録データの時点", "Registry data as of"));
            asOf.createCell(1).setCellValue(registry.asOf() == null ? "" : registry.asOf());
            if (registry.warning() != null) {
                Row w = sh.createRow(r);
                w.createCell(0).setCellValue(t(lang, "警告", "Warning"));
                w.createCell(1).setCellValue(registry.warning().in(lang));
            }
            sh.createFreezePane(1, 1);
            sh.setColumnWidth(0, 24 * 256);
            rankedSheet(wb.createSheet("AS"), asns, "AS", t(lang, "組織", "Organisation"), lang);
            rankedSheet(wb.createSheet(t(lang, "中継", "Relays")), relays, t(lang, "IP アドレス", "IP address"), t(lang, "国・地域", "Country"), lang);
            wb.write(out);
        }
    }

    private static void write(Row row, String label, SpamStatistics.Row r) {
        row.createCell(0).setCellValue(label);
        for (int i = 0; i < r.counts().size(); i++) {
            row.createCell(i + 1).setCellValue(r.counts().get(i));
        }
        row.createCell(r.counts().size() + 1).setCellValue(r.total());
    }

    private static void rankedSheet(Sheet sh, List<SpamStatistics.Ranked> items, String keyHead, String labelHead, String lang) {
        Row h = sh.createRow(0);
        h.createCell(0).setCellValue(keyHead);
        h.createCell(1).setCellValue(labelHead);
        h.createCell(2).setCellValue(t(lang, "件数", "Messages"));
        int r = 1;
        for (SpamStatistics.Ranked i : items) {
            Row row = sh.createRow(r++);
            row.createCell(0).setCellValue(i.key());
            row.createCell(1).setCellValue(i.label());
            row.createCell(2).setCellValue(i.count());
        }
        sh.setColumnWidth(0, 20 * 256);
        sh.setColumnWidth(1, 40 * 256);
        sh.createFreezePane(0, 1);
    }
}
