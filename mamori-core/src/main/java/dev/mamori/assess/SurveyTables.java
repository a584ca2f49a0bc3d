package dev.mamori.assess;

import dev.mamori.risk.CellSuppression;
import dev.mamori.risk.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cross tables of a survey's answers, by respondent attributes (country, 性別, 年代 …) or by round, as they may be
 * published ({@link PublishedTable}: cells under k suppressed, with complementary suppression). A respondent who
 * checked several choices of a multiple-choice question counts once in each: such a table counts answers, not people.
 *
 * <p>Tables of one survey share their margins: the row totals of q1 × q2 are q1's distribution, which q1 × q3 shows
 * too. Suppressed one way in one table and another way in the next, the two together would give hidden entries back.
 * So a margin that equals a question's distribution is suppressed as that distribution alone is
 * ({@link CellSuppression#oneWay}), the same in every table, and the cells are suppressed around it; and a table is
 * computed in one orientation whichever way it is asked for.
 */
public final class SurveyTables {

    private SurveyTables() {
    }

    /** One response: the group it was collected in (a survey's id) and its answers. */
    public record Respondent(String group, Map<String, Response> answers) {
        public Respondent {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * A way to split respondents into categories.
     *
     * @param id     what it is (a question id, or the groups'), for the table's orientation
     * @param title  the dimension's name in the table
     * @param keys   the categories in order
     * @param labels their names, in the same order
     * @param of     a respondent's categories (none: no answer)
     * @param groups whether the categories are the surveys the respondents answered
     */
    public record Dimension(String id, String title, List<String> keys, List<String> labels, Function<Respondent, List<String>> of,
                            boolean groups) {
        public Dimension {
            keys = List.copyOf(keys);
            labels = List.copyOf(labels);
        }
    }

    /** A choice or multiple-choice question, its choices as categories. */
    public static Dimension question(Question q, String lang) {
        if (q.answerSet() == null) {
            throw new IllegalArgumentException("question " + q.id() + " has no choices to count");
        }
        List<String> keys = q.answerSet().choices().stream().map(Choice::key).toList();
        List<String> labels = q.answerSet().choices().stream().map(c -> c.label().in(lang)).toList();
        return new Dimension(q.id(), q.text().in(lang), keys, labels, r -> {
            Response a = r.answers().get(q.id());
            if (a instanceof Response.Chosen c) {
                return List.of(c.key());
            }
            return a instanceof Response.Checked c ? c.keys() : List.of();
        }, false);
    }

    /** The groups (surveys) the respondents were collected in, by key, with their names (rounds, countries). */
    public static Dimension groups(String title, List<String> keys, List<String> labels) {
        return new Dimension("", title, keys, labels, r -> List.of(r.group()), true);
    }

    /**
     * The table of {@code rows} by {@code columns}. Respondents with no answer on a dimension count under "無回答"
     * (a category added only when someone gave no answer). With the groups as one dimension, each group's row is its own
     * distribution suppressed as that survey publishes it, and the totals pooled over the groups are not published.
     *
     * @throws IllegalArgumentException when a dimension has fewer than two categories, both are the same, or no
     *                                  suppression hides the small cells consistently with the other tables
     */
    public static PublishedTable table(List<Respondent> respondents, Dimension rows, Dimension columns, int k, String lang) {
        if (rows.id().equals(columns.id())) {
            throw new IllegalArgumentException("a dimension against itself");
        }
        boolean swap = columns.groups() || !rows.groups() && rows.id().compareTo(columns.id()) > 0;
        if (swap) {
            return transposed(table(respondents, columns, rows, k, lang));
        }
        String none = "en".equals(lang) ? "(no answer)" : "無回答";
        List<String> rowLabels = labels(respondents, rows, none);
        List<String> colLabels = labels(respondents, columns, none);
        if (rowLabels.size() < 2 || colLabels.size() < 2) {
            throw new IllegalArgumentException("a table needs two rows and two columns for its small cells to be hidden from its totals");
        }
        long[][] counts = new long[rowLabels.size()][colLabels.size()];
        for (Respondent r : respondents) {
            for (int i : indexes(rows, r)) {
                for (int j : indexes(columns, r)) {
                    counts[i][j]++;
                }
            }
        }
        return rows.groups() ? byGroup(rows.title(), columns.title(), rowLabels, colLabels, counts, k)
                : linked(respondents, rows, columns, rowLabels, colLabels, counts, k);
    }

    /** Two questions: the margins that are a question's distribution suppressed as that distribution is, the cells around them. */
    private static PublishedTable linked(List<Respondent> respondents, Dimension rows, Dimension columns, List<String> rowLabels,
                                         List<String> colLabels, long[][] counts, int k) {
        int nr = rowLabels.size();
        int nc = colLabels.size();
        boolean[][] hidden = new boolean[nr + 1][nc + 1];
        boolean[][] published = new boolean[nr + 1][nc + 1];
        long[] rowOne = distribution(respondents, rows, nr);
        long[] colOne = distribution(respondents, columns, nc);
        long[] rowTotals = new long[nr];
        long[] colTotals = new long[nc];
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                rowTotals[i] += counts[i][j];
                colTotals[j] += counts[i][j];
            }
        }
        if (java.util.Arrays.equals(rowTotals, rowOne)) {
            boolean[] h = CellSuppression.oneWay(rowOne, k);
            for (int i = 0; i < nr; i++) {
                hidden[i][nc] = h[i];
                published[i][nc] = !h[i];
            }
            published[nr][nc] = true;
        }
        if (java.util.Arrays.equals(colTotals, colOne)) {
            boolean[] h = CellSuppression.oneWay(colOne, k);
            for (int j = 0; j < nc; j++) {
                hidden[nr][j] = h[j];
                published[nr][j] = !h[j];
            }
            published[nr][nc] = true;
        }
        return new PublishedTable(rows.title(), columns.title(), rowLabels, colLabels, k, CellSuppression.suppress(counts, k, hidden, published));
    }

    /**
     * Groups by a question: each group's row is that survey's distribution, suppressed one way as the survey's own tables
     * publish it; the column totals, pooled over surveys, are not published (two such tables over different sets of
     * surveys would differ by a survey's hidden cells).
     */
    private static PublishedTable byGroup(String rowTitle, String columnTitle, List<String> rowLabels, List<String> colLabels, long[][] counts,
                                          int k) {
        int nr = rowLabels.size();
        int nc = colLabels.size();
        long[][] x = new long[nr + 1][nc + 1];
        boolean[][] s = new boolean[nr + 1][nc + 1];
        int primary = 0;
        int complementary = 0;
        for (int i = 0; i < nr; i++) {
            boolean[] h = CellSuppression.oneWay(counts[i], k);
            for (int j = 0; j < nc; j++) {
                x[i][j] = counts[i][j];
                x[i][nc] += counts[i][j];
                x[nr][j] += counts[i][j];
                x[nr][nc] += counts[i][j];
                s[i][j] = h[j];
                if (h[j] && counts[i][j] > 0 && counts[i][j] < k) {
                    primary++;
                } else if (h[j]) {
                    complementary++;
                }
            }
        }
        for (int j = 0; j < nc; j++) {
            s[nr][j] = true;
            complementary++;
        }
        return new PublishedTable(rowTitle, columnTitle, rowLabels, colLabels, k, new CellSuppression.Result(x, s, primary, complementary));
    }

    private static PublishedTable transposed(PublishedTable t) {
        long[][] x = t.result().table();
        boolean[][] s = t.result().suppressed();
        long[][] tx = new long[x[0].length][x.length];
        boolean[][] ts = new boolean[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                tx[j][i] = x[i][j];
                ts[j][i] = s[i][j];
            }
        }
        return new PublishedTable(t.columnTitle(), t.rowTitle(), t.columns(), t.rows(), t.k(),
                new CellSuppression.Result(tx, ts, t.result().primary(), t.result().complementary()));
    }

    private static List<String> labels(List<Respondent> respondents, Dimension d, String none) {
        List<String> out = new ArrayList<>(d.labels());
        if (respondents.stream().anyMatch(r -> indexes(d, r).contains(d.keys().size()))) {
            out.add(none);
        }
        return out;
    }

    /** How many respondents are in each category (the last, 無回答, when present): the question's own distribution. */
    private static long[] distribution(List<Respondent> respondents, Dimension d, int size) {
        long[] out = new long[size];
        for (Respondent r : respondents) {
            for (int i : indexes(d, r)) {
                out[i]++;
            }
        }
        return out;
    }

    /** The positions of a respondent's categories; the position after the last category (無回答) when there is none. */
    private static List<Integer> indexes(Dimension d, Respondent r) {
        List<String> keys = d.of().apply(r);
        List<Integer> out = new ArrayList<>();
        for (String k : keys) {
            int i = d.keys().indexOf(k);
            if (i >= 0 && !out.contains(i)) {
                out.add(i);
            }
        }
        return out.isEmpty() ? List.of(d.keys().size()) : out;
    }
}
