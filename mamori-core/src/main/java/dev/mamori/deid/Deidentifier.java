package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LegalCategory;
import dev.mamori.detect.PiiType;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies an approved {@link Policy} to a table and proves the result. Anonymous mode (匿名加工情報,
 * 施行規則34条): identifiers deleted (1号・2号), linking IDs replaced by values that cannot be
 * restored (3号: a pseudonym under a key that is thrown away), quasi-identifiers generalised to the
 * least-loss transformation meeting the privacy model with outliers suppressed (4号), kept columns
 * checked for identifiers; the output's own risk is measured, and a result that fails the model is
 * refused rather than returned.
 */
public final class Deidentifier {

    /** The processed table and the figures that prove it. */
    public record Result(Dataset data, SearchResult search, RiskReport before, RiskReport after, int suppressed) {
    }

    private Deidentifier() {
    }

    /**
     * @param baseDir where hierarchy files named relatively in the policy are (the policy's folder)
     */
    public static Result anonymize(Dataset data, Policy policy, Path baseDir) {
        if (policy.mode() != Mode.ANONYMOUS) {
            throw new IllegalArgumentException("this policy is for " + policy.mode() + "; anonymize needs mode anonymous");
        }
        checkColumns(data, policy);
        List<Hierarchy> hierarchies = new ArrayList<>();
        Set<String> deleted = new HashSet<>();
        List<String> qi = new ArrayList<>();
        Key throwaway = Key.ephemeral("linking-ids");
        List<String[]> rows = new ArrayList<>(data.rows().size());
        data.rows().forEach(r -> rows.add(r.clone()));
        for (Map.Entry<String, Policy.Column> e : policy.columns().entrySet()) {
            String name = e.getKey();
            Policy.Column c = e.getValue();
            int col = data.column(name);
            switch (c.transform()) {
                case "delete" -> deleted.add(name);
                case "generalize" -> {
                    hierarchies.add(Hierarchies.resolve(name, c.hierarchy(), data, col, baseDir));
                    qi.add(name);
                }
                case "random_id" -> apply(rows, col, new KeyedPseudonym(throwaway, "R-"));
                case "redact" -> apply(rows, col, new RedactText());
                case "mask" -> apply(rows, col, new Mask());
                case "keep" -> checkKept(data, name, col);
                default -> throw new IllegalArgumentException("column '" + name + "': transform " + c.transform()
                        + " keeps a way back to the person; 匿名加工情報 must not be restorable (施行規則34条"
                        + (c.role() == Policy.Role.LINKING_ID ? "3号); use random_id" : "); use delete, random_id, redact or generalize"));
            }
        }
        if (qi.isEmpty()) {
            throw new IllegalArgumentException("no quasi-identifier: name at least one column with role quasi_identifier");
        }
        PrivacyModel model = policy.privacyModel();
        Dataset transformed = new Dataset(data.columns(), rows);
        List<String> sensitive = List.copyOf(policy.l().keySet());
        RiskReport before = RiskAnalyzer.analyze(data, qi, sensitive, 1.0 / policy.k());
        SearchResult best = LatticeSearch.of(transformed, hierarchies).search(model);
        Anonymization.Result r = Anonymization.apply(transformed, hierarchies, best.levels(), model, deleted);
        RiskReport after = RiskAnalyzer.analyze(r.data(), qi, sensitive, 1.0 / policy.k());
        boolean lHolds = sensitive.stream().allMatch(s -> after.distinctL().get(s) >= policy.l().get(s));
        if (r.suppressed() != best.suppressed() || after.minClassSize() < policy.k() || !lHolds) {
            throw new IllegalStateException("the processed table does not meet the model (smallest class "
                    + after.minClassSize() + "); nothing is returned");
        }
        return new Result(r.data(), best, before, after, r.suppressed());
    }

    /**
     * Pseudonymous mode (仮名加工情報, 施行規則31条): descriptions that identify a person deleted or
     * replaced by a 仮ID (1号), every 個人識別符号 deleted or replaced by a 仮ID that has no
     * regularity to restore it without the key (2号; a reversible token is refused), items whose
     * misuse could cause financial damage deleted (3号). The key comes from the key store and stays
     * there: it is 削除情報等 (法41条2項) and never travels with the data.
     *
     * @param key the key for pseudonym and token columns, or null when the policy has none
     */
    public static Result pseudonymize(Dataset data, Policy policy, Key key) {
        if (policy.mode() != Mode.PSEUDONYMOUS) {
            throw new IllegalArgumentException("this policy is for " + policy.mode() + "; pseudonymize needs mode pseudonymous");
        }
        checkColumns(data, policy);
        Set<String> deleted = new HashSet<>();
        List<String[]> rows = new ArrayList<>(data.rows().size());
        data.rows().forEach(r -> rows.add(r.clone()));
        for (Map.Entry<String, Policy.Column> e : policy.columns().entrySet()) {
            String name = e.getKey();
            String t = e.getValue().transform();
            int col = data.column(name);
            if (!t.equals("delete")) {
                checkPseudonymous(data, name, col, t);
            }
            switch (t) {
                case "delete" -> deleted.add(name);
                case "pseudonym" -> apply(rows, col, new KeyedPseudonym(need(key, name), "P-"));
                case "token" -> apply(rows, col, new Tokenize(need(key, name)));
                case "fpe" -> apply(rows, col, new FormatPreserving(need(key, name)));
                case "mask" -> apply(rows, col, new Mask());
                case "random_id" -> apply(rows, col, new KeyedPseudonym(Key.ephemeral("linking-ids"), "R-"));
                case "redact" -> apply(rows, col, new RedactText());
                case "keep" -> {
                }
                default -> throw new IllegalArgumentException("column '" + name + "': " + t + " is for 匿名加工情報; in 仮名加工情報 "
                        + "use delete, pseudonym, token, fpe, mask, random_id, redact or keep");
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            if (!deleted.contains(data.columns().get(c))) {
                kept.add(c);
            }
        }
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            String[] o = new String[kept.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = r[kept.get(i)];
            }
            out.add(o);
        }
        return new Result(new Dataset(kept.stream().map(data.columns()::get).toList(), out), null, null, null, 0);
    }

    private static Key need(Key key, String column) {
        if (key == null) {
            throw new IllegalArgumentException("column '" + column + "' needs a key: name one from the key store (mamori keys new NAME)");
        }
        return key;
    }

    /** What 施行規則31条 forbids to keep, or to replace reversibly, in a column that is not deleted. */
    private static void checkPseudonymous(Dataset data, String name, int col, String transform) {
        Map<PiiType, Integer> cells = cellsByType(data, name, col);
        for (Map.Entry<PiiType, Integer> e : cells.entrySet()) {
            PiiType t = e.getKey();
            if (e.getValue() < 2 && e.getValue() < data.rows().size()) {
                continue;
            }
            String why = null;
            if (t == PiiType.CREDIT_CARD || t == PiiType.BANK_ACCOUNT) {
                why = "items whose misuse could cause financial damage must be deleted (施行規則31条3号)";
            } else if (t.category() == LegalCategory.IDENTIFICATION_CODE && !transform.equals("pseudonym") && !transform.equals("random_id")) {
                why = "個人識別符号 must be deleted or replaced without a way back (施行規則31条2号); use delete or pseudonym";
            } else if ((t == PiiType.PERSON || t == PiiType.EMAIL || t == PiiType.PHONE) && transform.equals("keep")) {
                why = "descriptions that identify a person must be deleted or replaced (施行規則31条1号); use delete or pseudonym";
            }
            if (why != null) {
                throw new IllegalArgumentException("column '" + name + "' holds " + t + " in " + e.getValue() + " cells: " + why);
            }
        }
    }

    /** How many of the column's cells hold each type of personal information. */
    private static Map<PiiType, Integer> cellsByType(Dataset data, String name, int col) {
        Detector detector = Detector.all();
        Map<PiiType, Integer> cells = new EnumMap<>(PiiType.class);
        for (String[] row : data.rows()) {
            for (Finding f : detector.detect(row[col], detector.contextFor(name))) {
                cells.merge(f.type(), 1, Integer::sum);
            }
        }
        return cells;
    }

    private static void apply(List<String[]> rows, int col, Transform t) {
        for (String[] r : rows) {
            r[col] = t.apply(r[col]);
        }
    }

    static void checkColumns(Dataset data, Policy policy) {
        Set<String> named = new LinkedHashSet<>(policy.columns().keySet());
        for (String n : named) {
            data.column(n); // an unknown name lists the columns that exist
        }
        List<String> unnamed = data.columns().stream().filter(c -> !named.contains(c)).toList();
        if (!unnamed.isEmpty()) {
            throw new IllegalArgumentException("every column needs a role; the policy does not name " + unnamed);
        }
    }

    /** 施行規則34条1号・2号: no 個人識別符号 and no description that identifies a person may stay in a kept column. */
    static void checkKept(Dataset data, String name, int col) {
        Map<PiiType, Integer> cells = cellsByType(data, name, col);
        for (Map.Entry<PiiType, Integer> e : cells.entrySet()) {
            PiiType t = e.getKey();
            boolean identifying = t.category() == LegalCategory.IDENTIFICATION_CODE || t == PiiType.PERSON
                    || t == PiiType.EMAIL || t == PiiType.PHONE || t == PiiType.ADDRESS || t == PiiType.CREDIT_CARD
                    || t == PiiType.BANK_ACCOUNT;
            if (identifying && (e.getValue() >= 2 || e.getValue() == data.rows().size())) {
                throw new IllegalArgumentException("column '" + name + "' holds " + t + " in " + e.getValue() + " cells: 匿名加工情報 "
                        + "may not keep 個人識別符号 or descriptions that identify a person (施行規則34条1号・2号); delete it, or "
                        + "make it a quasi-identifier with a hierarchy");
            }
        }
    }
}
