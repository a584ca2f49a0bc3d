package dev.mamori.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a transformation must achieve: every equivalence class holds at least {@code k} records and,
 * for each sensitive column in {@code l}, at least that many distinct values (distinct
 * l-diversity); records of classes that fail are suppressed, and at most
 * {@code suppressionLimit} (a share of all records, 0..1) may be.
 */
public record PrivacyModel(int k, Map<String, Integer> l, double suppressionLimit) {

    public PrivacyModel {
        if (k < 1) {
            throw new RiskException("k は 1 以上にしてください（指定は " + k + "）", "k must be at least 1, was " + k);
        }
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new RiskException("削除の上限はレコードの割合で 0〜1 です（0.05 = 5%）。指定は " + suppressionLimit,
                    "the suppression limit is a share of records from 0 to 1 (0.05 = 5 %), was " + suppressionLimit);
        }
        l.forEach((column, n) -> {
            if (n == null || n < 1) {
                throw new RiskException("列 '" + column + "' の l は 1 以上にしてください（指定は " + n + "）",
                        "l for column '" + column + "' must be at least 1, was " + n);
            }
        });
        l = Collections.unmodifiableMap(new LinkedHashMap<>(l));
    }

    /** k-anonymity with the given suppression limit and no l-diversity. */
    public static PrivacyModel kAnonymity(int k, double suppressionLimit) {
        return new PrivacyModel(k, Map.of(), suppressionLimit);
    }

    /** This model plus distinct l-diversity of {@code column}. */
    public PrivacyModel withL(String column, int distinct) {
        Map<String, Integer> more = new LinkedHashMap<>(l);
        more.put(column, distinct);
        return new PrivacyModel(k, more, suppressionLimit);
    }
}
