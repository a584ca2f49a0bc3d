package dev.mamori.assess;

import dev.mamori.risk.PublishedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cross tables of a survey's answers, by respondent attributes (country, 性別, 年代 …) or by round, as they may be
 * published ({@link PublishedTable}: cells under k suppressed, with complementary suppression). A respondent who
 * checked several choices of a multiple-choice question counts once in each: such a table counts answers, not people.
 */
public final class SurveyTables {

    private SurveyTables() {
    }

    /** One response: the group it was collected in (a round or a survey) and its answers. */
    public record Respondent(String group, Map<String, Response> answers) {
        public Respondent {
            answers = Map.copyOf(answers);
        }
    }

    /**
     * A way to split respondents into categories.
     *
     * @param title  the dimension's name in the table
     * @param keys   the categories in order
     * @param labels their names, in the same order
     * @param of     a respondent's categories (none: no answer)
     */
    public record Dimension(String title, List<String> keys, List<String> labels, Function<Respondent, List<String>> of) {
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
        return new Dimension(q.text().in(lang), keys, labels, r -> {
            Response a = r.answers().get(q.id());
            if (a instanceof Response.Chosen c) {
                return List.of(c.key());
            }
            return a instanceof Response.Checked c ? c.keys() : List.of();
        });
    }

    /** The groups the respondents were collected in (rounds, or surveys of several countries), in the order given. */
    public static Dimension groups(String title, List<String> groups) {
        return new Dimension(title, groups, groups, r -> List.of(r.group()));
    }

    /**
     * The table of {@code rows} by {@code columns}. Respondents with no answer on a dimension count under "無回答"
     * (a category added only when someone gave no answer).
     *
     * @throws IllegalArgumentException when a dimension has fewer than two categories with answers
     */
    public static PublishedTable table(List<Respondent> respondents, Dimension rows, Dimension columns, int k, String lang) {
        String none = "en".equals(lang) ? "(no answer)" : "無回答";
        boolean rowNone = respondents.stream().anyMatch(r -> indexes(rows, r).contains(rows.keys().size()));
        boolean colNone = respondents.stream().anyMatch(r -> indexes(columns, r).contains(columns.keys().size()));
        List<String> rowLabels = new ArrayList<>(rows.labels());
        List<String> colLabels = new ArrayList<>(columns.labels());
        if (rowNone) {
            rowLabels.add(none);
        }
        if (colNone) {
            colLabels.add(none);
        }
        long[][] counts = new long[rowLabels.size()][colLabels.size()];
        for (Respondent r : respondents) {
            for (int i : indexes(rows, r)) {
                for (int j : indexes(columns, r)) {
                    counts[i][j]++;
                }
            }
        }
        return PublishedTable.of(rows.title(), columns.title(), rowLabels, colLabels, counts, k);
    }

    /** The positions of a respondent's categories; the position after the last category (無回答) when there is none. */
    private static List<Integer> indexes(Dimension d, Respondent r) {
        List<String> keys = d.of().apply(r);
        if (keys.isEmpty()) {
            return List.of(d.keys().size());
        }
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
