package dev.mamori.deid;

import java.util.ArrayList;
import java.util.List;

/**
 * 仮名加工情報 one row at a time (施行規則31条), so a table of any length streams through in memory
 * that does not grow with it: each column is deleted, replaced by its transform or kept, and every
 * column that stays is checked cell by cell ({@link ColumnCheck}). Built once per table from the
 * policy and the input's header.
 */
final class Pseudonymizer {

    private final List<String> header;
    private final int[] kept;
    private final Transform[] transforms;
    private final ColumnCheck[] checks;
    private long rows;

    /**
     * @param key the key for pseudonym, token and fpe columns, or null when the policy has none
     */
    Pseudonymizer(List<String> header, Policy policy, Key key) {
        if (policy.mode() != Mode.PSEUDONYMOUS) {
            throw new IllegalArgumentException("this policy is for " + policy.mode() + "; pseudonymize needs mode pseudonymous");
        }
        Deidentifier.checkColumns(header, policy);
        this.header = List.copyOf(header);
        Key throwaway = Key.ephemeral("linking-ids");
        List<Integer> keep = new ArrayList<>();
        transforms = new Transform[header.size()];
        checks = new ColumnCheck[header.size()];
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            Policy.Method m = policy.columns().get(name).method();
            checks[c] = ColumnCheck.of(name, Mode.PSEUDONYMOUS, m);
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
    List<String> outputHeader() {
        List<String> out = new ArrayList<>(kept.length);
        for (int c : kept) {
            out.add(header.get(c));
        }
        return out;
    }

    /** One processed row (missing cells read as empty). */
    String[] apply(List<String> cells) {
        rows++;
        String[] out = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            int c = kept[i];
            String v = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            if (checks[c] != null) {
                checks[c].accept(v);
            }
            out[i] = transforms[c] == null ? v : transforms[c].apply(v);
        }
        return out;
    }

    /** After the last row: the checks that need the row count. */
    long finish() {
        for (ColumnCheck c : checks) {
            if (c != null) {
                c.finish(rows);
            }
        }
        return rows;
    }
}
