package dev.mamori.deid;

import dev.mamori.report.Message;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of 匿名加工情報 that needs only the counts of the input's distinct combinations of counted values
 * (quasi-identifiers, then the l-diverse columns): the hierarchies, the lattice search, the classes that pass, the
 * combinations kept, and the risk before and after, checked against the model. How the counts were made — two passes
 * over a file ({@link TwoPassAnonymizer}) or a distributed aggregation (mamori-spark) — does not change the answer.
 */
public final class CountedAnonymization {

    /**
     * What to do with each combination, and the figures that prove it.
     *
     * @param quasiIdentifiers the generalised columns, in the policy's order
     * @param sensitive        the l-diverse columns
     * @param search           the chosen transformation
     * @param before           the risk of the input
     * @param after            the risk of the output
     * @param records          records counted
     * @param kept             records the output keeps
     * @param keep             for each combination (in the order given), whether its records are kept
     * @param warnings         quasi-identifiers left with one value for every record
     */
    public record Plan(List<String> quasiIdentifiers, List<String> sensitive, SearchResult search, RiskReport before, RiskReport after,
                       long records, long kept, boolean[] keep, List<Generalisation.Warning> warnings, List<Hierarchy> hierarchies) {

        /** The value of quasi-identifier {@code j} (its index in {@link #quasiIdentifiers}) at the chosen level. */
        public String generalise(int j, String value) {
            Hierarchy h = hierarchies.get(j);
            return h.generalize(value, search.levels().get(h.column()));
        }
    }

    private CountedAnonymization() {
    }

    /** The quasi-identifiers of an anonymous policy (generalised columns), in its order. */
    public static List<String> quasiIdentifiers(Policy policy) {
        if (policy.mode() != Mode.ANONYMOUS) {
            throw new IllegalArgumentException("counted anonymization makes 匿名加工情報 only");
        }
        List<String> qi = new ArrayList<>();
        policy.columns().forEach((c, col) -> {
            if (col.method() == Policy.Method.GENERALIZE) {
                qi.add(c);
            }
        });
        if (qi.isEmpty()) {
            throw new Message.Problem("準識別子がありません: 少なくとも 1 列を role quasi_identifier にしてください",
                    "no quasi-identifier: name at least one column with role quasi_identifier");
        }
        return qi;
    }

    /**
     * Every column of the input is named in the policy, every column the policy names is in the input, and no name is
     * there twice.
     *
     * @throws dev.mamori.report.Message.Problem naming what is missing
     */
    public static void checkColumns(List<String> header, Policy policy) {
        Deidentifier.checkColumns(header, policy);
    }

    /** The columns whose combinations are counted: the quasi-identifiers, then the l-diverse columns. */
    public static List<String> counted(Policy policy) {
        List<String> counted = new ArrayList<>(quasiIdentifiers(policy));
        counted.addAll(policy.l().keySet());
        return counted;
    }

    /**
     * @param distinct each distinct combination of the {@link #counted} columns' values (empty for a missing cell)
     * @param weights  the records of each combination
     * @param baseDir  where hierarchy files named relatively in the policy are (the policy's folder), or null
     * @throws IllegalStateException when the result fails the model (a bug: nothing may be written)
     */
    public static Plan plan(Policy policy, Path baseDir, List<String[]> distinct, int[] weights) {
        List<String> qi = quasiIdentifiers(policy);
        List<String> sensitive = List.copyOf(policy.l().keySet());
        List<String> counted = counted(policy);
        Dataset table = new Dataset(counted, distinct);
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (String c : qi) {
            hierarchies.add(Hierarchies.resolve(c, policy.columns().get(c).hierarchy(), table, table.column(c), baseDir));
        }
        PrivacyModel model = policy.privacyModel();
        LatticeSearch search = LatticeSearch.of(table, weights, hierarchies);
        SearchResult best = search.search(model);
        LatticeSearch.Outcome outcome = search.outcome(best.levels(), model, 1.0 / policy.k());
        boolean[] keep = outcome.kept();
        long records = 0;
        long kept = 0;
        for (int i = 0; i < keep.length; i++) {
            records += weights[i];
            kept += keep[i] ? weights[i] : 0;
        }
        RiskReport before = outcome.before();
        RiskReport after = outcome.after();
        boolean lHolds = sensitive.stream().allMatch(c -> after.distinctL().get(c) >= policy.l().get(c));
        if (records - kept != best.suppressed() || after.minClassSize() < policy.k() || !lHolds) {
            throw new IllegalStateException("the processed table does not meet the model (smallest class "
                    + after.minClassSize() + "); nothing is written");
        }
        return new Plan(qi, sensitive, best, before, after, records, kept, keep,
                Generalisation.warnings(table, hierarchies, best, search, model), List.copyOf(hierarchies));
    }
}
