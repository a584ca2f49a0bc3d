package dev.mamori.deid;

import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.LegalCategory;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.TableReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a {@link Policy} from a scan's column classification ({@code mamori scan}): each column's
 * role and transform, with the reason, for a person to review. It follows the processing
 * standards: 施行規則31条 for 仮名加工情報 (1号 descriptions that identify, 2号 個人識別符号, 3号 items
 * whose misuse causes financial damage), 34条 for 匿名加工情報 (1〜3号 the same and linking IDs,
 * 4号 outliers by generalisation and suppression).
 */
public final class PolicyProposal {

    private static final Set<PiiType> IDENTIFYING = Set.of(PiiType.PERSON, PiiType.EMAIL, PiiType.PHONE);
    private static final Set<PiiType> FINANCIAL = Set.of(PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT);

    private PolicyProposal() {
    }

    /** A policy for the first table of the scanned file. */
    public static Policy propose(FileReport report, Mode mode, int k) {
        if (report.tables().isEmpty()) {
            throw new IllegalArgumentException(report.file() + ": not a table; a policy names the columns of a table");
        }
        TableReport t = report.tables().get(0);
        Map<String, Policy.Column> columns = new LinkedHashMap<>();
        Map<String, Integer> l = new LinkedHashMap<>();
        for (ColumnReport c : t.columns()) {
            Policy.Column col = propose(c, mode);
            columns.put(c.header(), col);
            if (col.role() == Policy.Role.SENSITIVE && mode == Mode.ANONYMOUS) {
                l.put(c.header(), 2);
            }
        }
        return new Policy(mode, mode == Mode.PSEUDONYMOUS ? "（利用目的を記入してください）" : null, k,
                mode == Mode.ANONYMOUS ? 0.05 : 0, l, columns);
    }

    static Policy.Column propose(ColumnReport c, Mode mode) {
        boolean anonymous = mode == Mode.ANONYMOUS;
        String h = c.header().toLowerCase(Locale.ROOT);
        for (PiiType t : c.types()) {
            if (t.category() == LegalCategory.IDENTIFICATION_CODE) {
                return new Policy.Column(Policy.Role.IDENTIFIER, Policy.Method.DELETE, null,
                        share(c, t) + " → 個人識別符号: 削除 (施行規則" + (anonymous ? "34条2号" : "31条2号") + ")");
            }
        }
        for (PiiType t : c.types()) {
            if (FINANCIAL.contains(t)) {
                return new Policy.Column(Policy.Role.IDENTIFIER, Policy.Method.DELETE, null,
                        share(c, t) + " → 不正利用で財産的被害が生じうる記述: 削除 (施行規則" + (anonymous ? "34条1号" : "31条3号") + ")");
            }
            if (IDENTIFYING.contains(t)) {
                return new Policy.Column(Policy.Role.IDENTIFIER, anonymous ? Policy.Method.DELETE : Policy.Method.PSEUDONYM, null,
                        share(c, t) + " → 特定の個人を識別できる記述等: " + (anonymous ? "削除 (施行規則34条1号)" : "仮IDに置換 (施行規則31条1号)"));
            }
        }
        for (PiiType t : c.types()) {
            String builtin = switch (t) {
                case ADDRESS -> "builtin:address";
                case POSTAL_CODE -> "builtin:postal_code";
                case DATE_OF_BIRTH -> "builtin:date_of_birth";
                case LOCATION -> h.contains("緯度") || h.startsWith("lat") ? "builtin:mesh_latitude"
                        : h.contains("経度") || h.startsWith("lon") || h.startsWith("lng") ? "builtin:mesh_longitude" : "builtin:mesh";
                default -> null;
            };
            if (builtin != null && !anonymous) {
                return new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.KEEP, builtin,
                        share(c, t) + " → 準識別子: 仮名加工情報では保持 (匿名加工情報にするなら一般化)");
            }
            if (builtin != null) {
                return new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, builtin,
                        share(c, t) + " → 準識別子: 階層で一般化 (施行規則34条1号・4号)");
            }
        }
        if (h.contains("性別") || h.equals("sex") || h.equals("gender")) {
            return new Policy.Column(Policy.Role.QUASI_IDENTIFIER, anonymous ? Policy.Method.GENERALIZE : Policy.Method.KEEP, "builtin:sex", "見出し「" + c.header() + "」 → 準識別子");
        }
        if (h.contains("年齢") || h.equals("age")) {
            return new Policy.Column(Policy.Role.QUASI_IDENTIFIER, anonymous ? Policy.Method.GENERALIZE : Policy.Method.KEEP, "builtin:age",
                    "見出し「" + c.header() + "」 → 準識別子 (高齢はトップコーディング, 施行規則34条4号)");
        }
        for (PiiType t : c.types()) {
            if (t.category() == LegalCategory.SPECIAL_CARE_REQUIRED) {
                return new Policy.Column(Policy.Role.SENSITIVE, Policy.Method.KEEP, null, share(c, t) + " → 要配慮個人情報: 保持し l-多様性で保護");
            }
        }
        if (h.endsWith("id") || h.contains("番号") || h.contains("コード") || h.endsWith("no")) {
            return new Policy.Column(Policy.Role.LINKING_ID, anonymous ? Policy.Method.RANDOM_ID : Policy.Method.PSEUDONYM, null,
                    "見出し「" + c.header() + "」 → 連結符号: " + (anonymous ? "復元できない乱数に置換 (施行規則34条3号)" : "仮IDに置換"));
        }
        if (!c.hits().isEmpty()) {
            return new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.REDACT, null,
                    "自由記述に個人情報の混入あり (" + c.hits().keySet() + ") → 該当箇所を伏せる");
        }
        return new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, "個人情報は検出されず → そのまま");
    }

    private static String share(ColumnReport c, PiiType t) {
        return String.format("%s %.0f%%", t.name(), 100 * c.share(t));
    }
}
