package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 004 in Mamori: the SSAT-shaped questionnaire's maxima and the WG's model-system result, before and after its plan. */
class IcsExampleTest {

    /** The seed's table: area (maximum) score. */
    static final Map<String, double[]> SEED = new LinkedHashMap<>();

    static {
        SEED.put("1", new double[] {10, 1.5});
        SEED.put("1a", new double[] {10, 3});
        SEED.put("2", new double[] {5, 1});
        SEED.put("3.1", new double[] {26.5, 12});
        SEED.put("3.2", new double[] {14.5, 6.5});
        SEED.put("3.3", new double[] {9, 0.5});
        SEED.put("3.4", new double[] {3, 0});
        SEED.put("3.5", new double[] {3, 2});
        SEED.put("3.6", new double[] {6, 3});
        SEED.put("4", new double[] {5, 3});
        SEED.put("5", new double[] {5, 1});
        SEED.put("6", new double[] {16, 4});
        SEED.put("7", new double[] {4, 1});
        SEED.put("8", new double[] {5, 1});
    }

    @Test
    void theQuestionnaireHasTheSeedsShape() {
        Questionnaire q = Questionnaire.bundled("ics-security");
        assertThat(q.questions()).hasSize(99);
        assertThat(q.areas()).extracting(Area::id).containsExactly("1", "1a", "2", "3", "4", "5", "6", "7", "8");
        for (Area a : q.allAreas()) {
            if (SEED.containsKey(a.id())) {
                assertThat(a.declaredMax()).as(a.id()).isEqualTo(SEED.get(a.id())[0]);
                assertThat(a.allQuestions().stream().mapToDouble(Question::maxScore).sum()).as(a.id()).isEqualTo(SEED.get(a.id())[0]);
            }
        }
        assertThat(q.allAreas()).filteredOn(a -> a.id().equals("3.1")).singleElement()
                .satisfies(a -> assertThat(a.name().ja()).isEqualTo("周囲防御"));
        assertThat(q.questions().values()).allSatisfy(question -> {
            assertThat(question.text().ja()).isNotBlank();
            assertThat(question.text().en()).isNotBlank();
            assertThat(question.source()).isNotBlank();
            assertThat(question.hint()).isNotNull();
            assertThat(question.hint().difficulty()).isNotNull();
        });
    }

    @Test
    void theModelSystemScoresAsTheSeedAndThePlanTakesYesFrom20To54() throws IOException {
        ScoreSheet s = Assessment.score(Assessment.open(Path.of("..", "examples", "assess", "ics-model-system.yaml"), null, false));
        for (AreaScore a : s.areas()) {
            if (SEED.containsKey(a.id())) {
                assertThat(a.max()).as(a.id() + " max").isEqualTo(SEED.get(a.id())[0]);
                assertThat(a.score()).as(a.id() + " score").isEqualTo(SEED.get(a.id())[1]);
            }
        }
        assertThat(s.total().score()).isEqualTo(39.5);
        assertThat(s.total().max()).isEqualTo(122);
        assertThat(s.total().counts()).containsEntry("yes", 20);
        assertThat(s.answers().plan()).hasSize(34);
        assertThat(s.total().plannedCounts()).containsEntry("yes", 54);
        assertThat(s.total().plannedScore()).isGreaterThan(s.total().score());
        assertThat(s.total().rating().key()).isNotEqualTo(s.total().plannedRating().key());
    }

    @Test
    void notApplicableLeavesTheScoreAndTheMaximum() {
        String text = "questionnaire: ics-security\nversion: \"1.0\"\nanswers:\n  \"1\": na\n  \"2\": \"yes\"\n";
        ScoreSheet s = Assessment.score(Assessment.read("partial.yaml", text, null, true));
        AreaScore area1 = s.areas().get(0);
        double w1 = Questionnaire.bundled("ics-security").question("1").orElseThrow().weight();
        assertThat(area1.max()).isEqualTo(10 - w1);
        assertThat(area1.nominalMax()).isEqualTo(10);
        assertThat(area1.counts()).containsEntry("na", 1).containsEntry("yes", 1).containsEntry("unanswered", 5);
    }
}
