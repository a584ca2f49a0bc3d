package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.CellSuppression;
import dev.mamori.risk.PublishedTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The example survey's responses (examples/survey/internet-use-2007.csv): generated here, for two countries, from
 * made-up shares (no real survey's figures; Japan with more older users, as seed 002 remarks, Korea with more fibre).
 * The committed file must be what this generator writes ({@code main} writes it again), and its tables are checked:
 * small cells are hidden and cannot be recovered from the totals.
 */
class SurveyExampleTest {

    static final Path FILE = Path.of("../examples/survey/internet-use-2007.csv");

    /** Shares of each choice, by country: JP, KR. */
    private static final Map<String, double[][]> SHARES = new LinkedHashMap<>();

    static {
        SHARES.put("sex", new double[][] {{48, 50, 2}, {47, 52, 1}});
        SHARES.put("age", new double[][] {{8, 17, 23, 22, 17, 13}, {14, 27, 26, 19, 10, 4}});
        SHARES.put("line", new double[][] {{38, 34, 10, 14, 2, 2}, {62, 18, 12, 6, 0.4, 1.6}});
    }

    private static final List<String> SEX = List.of("female", "male", "other");
    private static final List<String> AGE = List.of("10s", "20s", "30s", "40s", "50s", "60plus");
    private static final List<String> LINE = List.of("ftth", "dsl", "catv", "mobile", "dialup", "unknown");
    private static final List<String> PLACE = List.of("home", "work", "school", "cafe", "mobile");
    private static final List<String> TIME = List.of("morning", "daytime", "evening", "night");
    private static final List<String> PURPOSE = List.of("email", "news", "shopping", "banking", "sns", "games", "work");

    static String generate() {
        SplittableRandom random = new SplittableRandom(2007);
        StringBuilder b = new StringBuilder("country,sex,age,place,line,time,purpose\r\n");
        String[] countries = {"JP", "KR"};
        int[] sizes = {640, 560};
        for (int c = 0; c < countries.length; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                String age = pick(random, AGE, SHARES.get("age")[c]);
                boolean young = age.equals("10s") || age.equals("20s");
                List<String> place = some(random, PLACE, new double[] {0.93, young ? 0.25 : 0.55, young ? 0.45 : 0.02, c == 1 ? 0.22 : 0.03, c == 0 ? 0.45 : 0.35});
                List<String> time = some(random, TIME, new double[] {0.2, 0.45, 0.8, young ? 0.45 : 0.15});
                List<String> purpose = some(random, PURPOSE, new double[] {0.9, 0.85, 0.55, c == 1 ? 0.5 : 0.3, young ? 0.7 : 0.3, young ? 0.6 : 0.2, 0.4});
                b.append(countries[c]).append(',').append(pick(random, SEX, SHARES.get("sex")[c])).append(',').append(age).append(',')
                        .append(String.join(";", place)).append(',').append(pick(random, LINE, SHARES.get("line")[c])).append(',')
                        .append(String.join(";", time)).append(',').append(String.join(";", purpose)).append("\r\n");
            }
        }
        return b.toString();
    }

    private static String pick(SplittableRandom random, List<String> keys, double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return keys.get(i);
            }
        }
        return keys.get(keys.size() - 1);
    }

    private static List<String> some(SplittableRandom random, List<String> keys, double[] chances) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (random.nextDouble() < chances[i]) {
                out.add(keys.get(i));
            }
        }
        return out.isEmpty() ? List.of(keys.get(0)) : out;
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedResponsesAreTheGeneratorsOutput() throws IOException {
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(generate());
    }

    @Test
    void aTableOfTheExampleHidesItsSmallCellsBeyondRecovery() throws IOException {
        Questionnaire q = Questionnaire.bundled("internet-use-survey");
        List<SurveyTables.Respondent> rs = new ArrayList<>();
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        List<String> head = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, Response> answers = new LinkedHashMap<>();
            for (int i = 0; i < head.size(); i++) {
                Question question = q.question(head.get(i)).orElseThrow();
                answers.put(question.id(), question.type() == Question.Type.MULTI ? new Response.Checked(List.of(cells[i].split(";")))
                        : new Response.Chosen(cells[i]));
            }
            rs.add(new SurveyTables.Respondent("1", answers));
        }
        assertThat(rs).hasSize(1200);
        PublishedTable t = SurveyTables.table(rs, SurveyTables.question(q.question("country").orElseThrow(), "ja"),
                SurveyTables.question(q.question("line").orElseThrow(), "ja"), 10, "ja");
        assertThat(t.rows()).containsExactly("日本", "韓国", "中国", "台湾", "その他");
        assertThat(t.result().primary()).isPositive();
        assertThat(CellSuppression.recoverable(t.result().suppressed())).isEmpty();
        // Korea's dial-up users are few: hidden, and so is whatever would give them back
        assertThat(t.entry(1, 4)).isEqualTo("x");
        assertThat(t.body("ja").get(1).stream().filter("x"::equals).count()).isGreaterThanOrEqualTo(2);
        // a multiple choice counts answers: the place table's total is more than the respondents
        PublishedTable place = SurveyTables.table(rs, SurveyTables.question(q.question("country").orElseThrow(), "ja"),
                SurveyTables.question(q.question("place").orElseThrow(), "ja"), 10, "ja");
        assertThat(place.result().value(place.rows().size(), place.columns().size())).isGreaterThan(1200);
        // a margin is suppressed the same way in every table that shows it: country in country × line and country × sex
        PublishedTable bySex = SurveyTables.table(rs, SurveyTables.question(q.question("country").orElseThrow(), "ja"),
                SurveyTables.question(q.question("sex").orElseThrow(), "ja"), 10, "ja");
        for (int r = 0; r <= t.rows().size(); r++) {
            assertThat(bySex.entry(r, bySex.columns().size())).as("country margin %d", r).isEqualTo(t.entry(r, t.columns().size()));
        }
        assertThat(CellSuppression.recoverable(bySex.result().suppressed())).isEmpty();
        // asked the other way round, the same table transposed
        PublishedTable turned = SurveyTables.table(rs, SurveyTables.question(q.question("line").orElseThrow(), "ja"),
                SurveyTables.question(q.question("country").orElseThrow(), "ja"), 10, "ja");
        assertThat(turned.entry(4, 1)).isEqualTo(t.entry(1, 4));
        assertThat(turned.rows()).isEqualTo(t.columns());
    }

    @Test
    void byRoundEachRoundIsSuppressedAsItsOwnAndThePooledTotalsAreNotPublished() {
        Questionnaire q = Questionnaire.bundled("internet-use-survey");
        Question line = q.question("line").orElseThrow();
        List<SurveyTables.Respondent> rs = new ArrayList<>();
        // round A: 50 ftth, 60 dsl; round B: 3 ftth, 70 dsl (the review's example: B's 3 must not come back)
        for (int[] n : new int[][] {{1, 50, 0}, {1, 60, 1}, {2, 3, 0}, {2, 70, 1}}) {
            for (int i = 0; i < n[1]; i++) {
                rs.add(new SurveyTables.Respondent(Integer.toString(n[0]), Map.of("line", new Response.Chosen(n[2] == 0 ? "ftth" : "dsl"))));
            }
        }
        PublishedTable t = SurveyTables.table(rs, SurveyTables.groups("回", List.of("1", "2"), List.of("A", "B")),
                SurveyTables.question(line, "ja"), 10, "ja");
        assertThat(t.rows()).containsExactly("A", "B");
        assertThat(t.entry(0, 0)).isEqualTo("50");
        assertThat(t.entry(1, 0)).isEqualTo("x");
        assertThat(t.entry(1, 1)).isEqualTo("x");
        // the pooled column totals are hidden; each round's total is published, as its own tables publish it
        assertThat(t.entry(2, 0)).isEqualTo("x");
        assertThat(t.entry(2, 1)).isEqualTo("x");
        assertThat(t.entry(1, t.columns().size())).isEqualTo("73");
        // the same whichever dimension is asked for as rows
        PublishedTable turned = SurveyTables.table(rs, SurveyTables.question(line, "ja"), SurveyTables.groups("回", List.of("1", "2"), List.of("A", "B")),
                10, "ja");
        assertThat(turned.entry(0, 1)).isEqualTo("x");
        assertThat(turned.columns()).containsExactly("A", "B");
    }
}
