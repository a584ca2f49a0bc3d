package dev.mamori.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * 仮名加工情報 one row at a time (施行規則31条), so a table of any length streams through in memory
 * that does not grow with it: each column is deleted, replaced by its transform or kept, and every
 * column that stays is checked cell by cell ({@link ColumnCheck}). Built once per table from the
 * policy and the input's header. Public for mamori-spark, which runs one per partition with the same throw-away key
 * and adds their {@link #checks()}.
 */
public final class Pseudonymizer {

    private final List<String> header;
    private final int[] kept;
    private final Transform[] transforms;
    private final ColumnChecks checks;
    private long rows;

    /**
     * @param key the key for pseudonym, token and fpe columns, or null when the policy has none
     */
    Pseudonymizer(List<String> header, Policy policy, Key key) {
        this(header, policy, key, Key.ephemeral("linking-ids"));
    }

    /**
     * @param key       the key for pseudonym, token and fpe columns, or null when the policy has none
     * @param throwaway the run's throw-away key for random_id ({@link Key#ephemeral}), the same for every part of the run
     */
    public Pseudonymizer(List<String> header, Policy policy, Key key, Key throwaway) {
        if (policy.mode() != Mode.PSEUDONYMOUS) {
            throw new IllegalArgumentException("this policy is for " + policy.mode() + "; pseudonymize needs mode pseudonymous");
        }
        Deidentifier.checkColumns(header, policy);
        this.header = List.copyOf(header);
        List<Integer> keep = new ArrayList<>();
        transforms = new Transform[header.size()];
        checks = ColumnChecks.of(header, policy);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            Policy.Method m = policy.columns().get(name).method();
            if (m == Policy.Method.GENERALIZE) {
                throw new IllegalArgumentException("column '" + name + "': generalize is for 匿名加工情報");
            }
            transforms[c] = m.transform(name, key, throwaway);
            if (m != Policy.Method.DELETE) {
                keep.add(c);
            }
        }
        kept = keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The output's header: the columns that are not deleted. */
    public List<String> outputHeader() {
        List<String> out = new ArrayList<>(kept.length);
        for (int c : kept) {
            out.add(header.get(c));
        }
        return out;
    }

    /** One processed row (missing cells read as empty). */
    public String[] apply(List<String> cells) {
        rows++;
        String[] out = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            int c = kept[i];
            String v = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            checks.accept(c, v);
            out[i] = transforms[c] == null ? v : transforms[c].apply(v);
        }
        return out;
    }

    /** The checks of the kept columns, for a part whose counts are added elsewhere. */
    public ColumnChecks checks() {
        return checks;
    }

    /** After the last row: the checks that need the row count. */
    long finish() {
        checks.finish(rows);
        return rows;
    }
}
