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
 * @see PolicyFile for the rules a policy file must follow
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
     * How a column is processed: the {@code transform} of a policy file (written in lower case).
     * {@link #TOKEN} and {@link #FPE} can be reversed with the key, so they serve 仮名加工情報 only.
     */
    public enum Method {
        /** Removed from the output. */
        DELETE,
        /** A keyed 仮ID (HMAC-SHA-256): linkable, not reversible ({@link KeyedPseudonym}). */
        PSEUDONYM,
        /** A reversible token (AES-SIV) the key holder can turn back ({@link Tokenize}). */
        TOKEN,
        /** Format-preserving encryption of digits (FF1), reversible by the key holder ({@link FormatPreserving}). */
        FPE,
        /** Masked but for the first and last characters ({@link Mask}). */
        MASK,
        /** A random ID under a key that is thrown away: not reversible, not repeatable (施行規則34条3号). */
        RANDOM_ID,
        /** Personal information inside free text replaced ({@link RedactText}). */
        REDACT,
        /** Left as it is (kept columns are scanned for identifiers). */
        KEEP,
        /** Generalised by a hierarchy to the level the search chooses (匿名加工情報). */
        GENERALIZE;

        /** As written in a policy file. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The key holder can restore the value. */
        public boolean reversible() {
            return this == TOKEN || this == FPE;
        }

        /** Needs a key from the key store. */
        public boolean keyed() {
            return this == PSEUDONYM || this == TOKEN || this == FPE;
        }

        /**
         * The transform a cell of a column processed this way goes through: the one place a policy's
         * {@code transform} becomes a {@link Transform}. Null for {@link #DELETE}, {@link #KEEP} and
         * {@link #GENERALIZE}, which work on the column (or, for generalisation, on the table) instead.
         *
         * @param column    the column, for the message when a key is missing
         * @param key       the key from the key store (pseudonym, token, fpe), or null
         * @param throwaway the run's throw-away key for random_id
         */
        public Transform transform(String column, Key key, Key throwaway) {
            if (keyed() && key == null) {
                throw new dev.mamori.report.Message.Problem(
                        "列「" + column + "」には鍵が必要です: --key NAME で鍵ストアの鍵を指定してください（作成: mamori keys new NAME）",
                        "column '" + column + "' needs a key: give --key NAME (a key in the key store; make one with: mamori keys new NAME)");
            }
            return switch (this) {
                case PSEUDONYM -> new KeyedPseudonym(key, "P-");
                case TOKEN -> new Tokenize(key);
                case FPE -> new FormatPreserving(key);
                case MASK -> new Mask();
                case RANDOM_ID -> new KeyedPseudonym(throwaway, "R-");
                case REDACT -> new RedactText();
                case DELETE, KEEP, GENERALIZE -> null;
            };
        }
    }

    /**
     * @param role      the column's role
     * @param method    how it is processed
     * @param hierarchy for quasi-identifiers: builtin:address, builtin:postal_code, builtin:date_of_birth,
     *                  builtin:age, builtin:sex, builtin:mesh, builtin:mesh_latitude, builtin:mesh_longitude, or the
     *                  path of a hierarchy CSV (ARX's format)
     * @param why       the reason the role was proposed (kept as a comment in the file)
     */
    public record Column(Role role, Method method, String hierarchy, String why) {
        public Column {
            java.util.Objects.requireNonNull(role, "role");
            java.util.Objects.requireNonNull(method, "method");
        }
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
