package dev.mamori.deid;

import dev.mamori.detect.PiiType;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What was done to one column, for the {@link ProcessingRecord}: its role and the processing in
 * words, e.g. {@code 削除}, {@code 一般化(レベル2)},
 * {@code 仮ID(HMAC-SHA-256, key 'customers' v2 fingerprint ab12cd34)}. A key is named by name, version
 * and fingerprint only: the key itself is 削除情報等 / 加工方法等情報 (法41条2項, 43条2項) and never
 * enters a record.
 *
 * @param column the column's header
 * @param role   its role in the policy (IDENTIFIER, QUASI_IDENTIFIER, SENSITIVE, INSENSITIVE, LINKING_ID)
 * @param method the policy's transform as written in a policy file (delete, fpe, …), for machines (relink)
 * @param action the processing, in Japanese, for people
 * @param key    the key used, or {@code null}
 */
public record ColumnAction(String column, String role, String method, String action, KeyReference key) {

    /**
     * A key named without its material: name, version and fingerprint. The fingerprint (the first 32 bits
     * of the key's SHA-256) is the key check value: relink compares it with the key it is given and
     * refuses a different key before it writes anything.
     */
    public record KeyReference(String name, int version, String fingerprint) {

        public static KeyReference of(Key key) {
            return new KeyReference(key.name(), key.version(), key.fingerprint());
        }

        @Override
        public String toString() {
            return "key '" + name + "' v" + version + " fingerprint " + fingerprint;
        }
    }

    public ColumnAction {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(action, "action");
    }

    /** The column processed by {@code transform}. */
    public static ColumnAction of(String column, String role, Transform transform) {
        KeyReference key = keyOf(transform);
        return new ColumnAction(column, role, methodOf(transform), describe(transform, key), key);
    }

    /** The column generalised to a level of its hierarchy (施行規則34条5号). */
    public static ColumnAction generalised(String column, String role, int level) {
        return new ColumnAction(column, role, "generalize", "一般化(レベル" + level + ")", null);
    }

    /** The column left as it was. */
    public static ColumnAction kept(String column, String role) {
        return new ColumnAction(column, role, "keep", "加工なし", null);
    }

    /**
     * What a policy's column became in a run.
     *
     * @param level the generalisation level chosen for a generalised column (else ignored)
     * @param key   the key of pseudonym, token and fpe columns (else ignored)
     */
    public static ColumnAction of(String column, Policy.Column c, Integer level, Key key) {
        String role = c.role().name().toLowerCase(java.util.Locale.ROOT);
        return switch (c.method()) {
            case GENERALIZE -> generalised(column, role, level == null ? 0 : level);
            case RANDOM_ID -> new ColumnAction(column, role, "random_id", "復元できないIDに置換（鍵は実行後に破棄）", null);
            case KEEP -> kept(column, role);
            case DELETE -> of(column, role, new Delete());
            default -> of(column, role, c.method().transform(column, key, null));
        };
    }

    private static String methodOf(Transform t) {
        if (t instanceof Delete) {
            return "delete";
        } else if (t instanceof Mask) {
            return "mask";
        } else if (t instanceof KeyedPseudonym) {
            return "pseudonym";
        } else if (t instanceof Tokenize) {
            return "token";
        } else if (t instanceof FormatPreserving) {
            return "fpe";
        } else if (t instanceof RedactText) {
            return "redact";
        } else if (t instanceof TopBottomCode) {
            return "top_bottom_code";
        } else if (t instanceof DateCoarsen) {
            return "date_coarsen";
        }
        return "numeric_band";
    }

    private static KeyReference keyOf(Transform t) {
        if (t instanceof KeyedPseudonym k) {
            return KeyReference.of(k.key());
        } else if (t instanceof Tokenize k) {
            return KeyReference.of(k.key());
        } else if (t instanceof FormatPreserving k) {
            return KeyReference.of(k.key());
        }
        return null;
    }

    private static String describe(Transform t, KeyReference key) {
        if (t instanceof Delete) {
            return "削除";
        } else if (t instanceof Mask m) {
            return "マスキング(先頭" + m.keepFirst() + "文字・末尾" + m.keepLast() + "文字を残す)";
        } else if (t instanceof KeyedPseudonym) {
            return "仮ID(HMAC-SHA-256, " + key + ")";
        } else if (t instanceof Tokenize) {
            return "トークン化(AES-SIV, " + key + ")";
        } else if (t instanceof FormatPreserving) {
            return "形式保持暗号化(FF1, " + key + ")";
        } else if (t instanceof TopBottomCode c) {
            return "トップ・ボトムコーディング(" + (c.bottom() == null ? "" : "下限" + Numbers.plain(c.bottom()))
                    + (c.bottom() != null && c.top() != null ? ", " : "")
                    + (c.top() == null ? "" : "上限" + Numbers.plain(c.top())) + ")";
        } else if (t instanceof DateCoarsen d) {
            return "日付の粗化(" + d.level() + ")";
        } else if (t instanceof NumericBand b) {
            return "数値の階級化(幅" + b.width() + ")";
        } else if (t instanceof RedactText r) {
            return "文中の個人情報の置換(" + r.types().stream().map(PiiType::japanese).collect(Collectors.joining("・")) + ")";
        }
        throw new IllegalArgumentException("no description for " + t.getClass().getSimpleName());
    }
}
