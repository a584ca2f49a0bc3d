package dev.mamori.deid;

import java.util.Map;

/**
 * A processing policy (処理方針): what to make (仮名加工情報 or 匿名加工情報), the privacy model,
 * and for every column its role and transform. Written by {@code mamori deid init} as YAML with a
 * reason on each column, reviewed and approved by a person, then applied by {@code mamori deid}.
 * File format: {@link PolicyFile}; schema: docs/policy.schema.json.
 *
 * @param mode             what the output is
 * @param purpose          利用目的 of 仮名加工情報 (法41条4項); may be null for 匿名加工情報
 * @param k                every combination of quasi-identifier values is shared by at least k records
 * @param suppressionLimit the share of records that may be removed, 0..1
 * @param l                distinct l-diversity per sensitive column
 * @param columns          every column of the input, in input order
 */
public record Policy(Mode mode, String purpose, int k, double suppressionLimit, Map<String, Integer> l,
                     Map<String, Column> columns) {

    /** What a column is, for the law and for the privacy model. */
    public enum Role {
        /** 個人識別符号 or a description that identifies a person (氏名, 電話番号, メール): deleted or replaced. */
        IDENTIFIER,
        /** Identifies in combination (生年月日, 住所, 性別): generalised by a hierarchy. */
        QUASI_IDENTIFIER,
        /** 要配慮個人情報 or other sensitive attributes: kept, measured by l-diversity. */
        SENSITIVE,
        /** Neither: kept (free text may be redacted). */
        INSENSITIVE,
        /** An ID that links records (顧客番号): replaced irreversibly (匿名) or by a keyed 仮ID (仮名). */
        LINKING_ID
    }

    /**
     * @param role      the column's role
     * @param transform delete, pseudonym, token, fpe (仮名加工情報 only), mask, random_id, redact, keep, or generalize
     * @param hierarchy for quasi-identifiers: builtin:address, builtin:postal_code, builtin:date_of_birth,
     *                  builtin:age, builtin:sex, or the path of a hierarchy CSV (ARX's format)
     * @param why       the reason the role was proposed (kept as a comment in the file)
     */
    public record Column(Role role, String transform, String hierarchy, String why) {
    }

    /** The privacy model this policy asks for: k-anonymity, the suppression limit, and l per sensitive column. */
    public dev.mamori.risk.PrivacyModel privacyModel() {
        dev.mamori.risk.PrivacyModel m = dev.mamori.risk.PrivacyModel.kAnonymity(k, suppressionLimit);
        for (Map.Entry<String, Integer> e : l.entrySet()) {
            m = m.withL(e.getKey(), e.getValue());
        }
        return m;
    }

    public Policy {
        l = Map.copyOf(l);
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }
}
