package dev.mamori.risk;

import java.util.List;
import java.util.Map;

/** A {@link RiskReport} as text for people, in Japanese or English: what {@code mamori risk} and {@code mamori spark risk} print. */
public final class RiskText {

    private RiskText() {
    }

    /**
     * @param data the table as the user named it
     * @param qi   its quasi-identifiers
     * @param lang "ja" or "en"
     */
    public static String summary(String data, List<String> qi, RiskReport r, String lang) {
        boolean ja = "ja".equals(lang);
        StringBuilder b = new StringBuilder();
        b.append(data).append(ja ? "  （準識別子: " : "  (quasi-identifiers: ").append(String.join(", ", qi)).append(ja ? "）" : ")")
                .append(System.lineSeparator());
        line(b, String.format("  %s %,d", ja ? "レコード数:" : "records:", r.records()));
        line(b, String.format("  %s %,d", ja ? "同値クラス数:" : "equivalence classes:", r.classes()));
        line(b, String.format("  %s %d", ja ? "最小クラスサイズ (k):" : "smallest class (k):", r.minClassSize()));
        line(b, String.format("  %s %.2f%%", ja ? "一意なレコードの割合:" : "unique records:", 100 * r.uniqueShare()));
        line(b, String.format("  %s %.4f / %.4f", ja ? "検察官リスク（最大 / 平均）:" : "prosecutor risk (highest / average):",
                r.highestProsecutorRisk(), r.averageProsecutorRisk()));
        double threshold = r.riskThreshold();
        line(b, String.format("  %s %,d", ja ? "リスクが閾値 " + threshold + " を超えるレコード:" : "records above risk " + threshold + ":",
                r.recordsAboveThreshold()));
        line(b, "  " + (ja ? "クラスサイズの分布（サイズ: クラス数）:" : "class sizes (size: classes):"));
        int shown = 0;
        for (Map.Entry<Integer, Integer> e : r.classSizes().entrySet()) {
            if (shown++ == 10) {
                line(b, "    …");
                break;
            }
            line(b, String.format("    %6d: %,d", e.getKey(), e.getValue()));
        }
        r.distinctL().forEach((col, l) -> line(b, String.format("  %s %s = %d", ja ? "l-多様性（distinct）" : "distinct l-diversity", col, l)));
        return b.toString();
    }

    /** The lines {@link #summary} is followed by when a population table was given. */
    public static String population(PopulationRisk p, String lang) {
        boolean ja = "ja".equals(lang);
        StringBuilder b = new StringBuilder();
        line(b, String.format("  %s %.4f", ja ? "ジャーナリストリスク（最大）:" : "journalist risk (highest):", p.journalistRisk()));
        line(b, String.format("  %s %.4f", ja ? "マーケターリスク:" : "marketer risk:", p.marketerRisk()));
        if (p.classesNotInPopulation() > 0) {
            line(b, String.format("  %s %,d", ja ? "母集団表にないクラス（標本の大きさで計算）:"
                    : "classes missing from the population table (counted at sample size):", p.classesNotInPopulation()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String s) {
        b.append(s).append(System.lineSeparator());
    }
}
