package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every bundled questionnaire loads and keeps the schema's promises; bad questionnaire files are refused with their line. */
class QuestionnaireFilesTest {

    @Test
    void bundledQuestionnairesLoad() {
        for (String id : Questionnaire.BUNDLED) {
            Questionnaire q = Questionnaire.bundled(id);
            assertThat(q.id()).isEqualTo(id);
            assertThat(q.title().ja()).isNotBlank();
            assertThat(q.title().en()).isNotBlank();
            assertThat(q.questions().values()).allSatisfy(x -> assertThat(x.text().ja()).as(id + " " + x.id()).isNotBlank());
        }
    }

    @Test
    void everyQuestionnaireFileIsInTheIndex() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/dev/mamori/assess/questionnaires"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).map(n -> n.replace(".yaml", "")))
                    .containsExactlyInAnyOrderElementsOf(Questionnaire.BUNDLED);
        }
    }

    @Test
    void theAppiChecklistCitesAnArticleForEveryQuestion() {
        Questionnaire q = Questionnaire.bundled("appi-checklist");
        assertThat(q.questions().values().stream().filter(Question::scored).count()).isBetween(35L, 60L);
        Pattern article = Pattern.compile("\\d+条");
        assertThat(q.questions().values()).allSatisfy(x -> assertThat(x.source()).as(x.id()).matches(s -> article.matcher(s).find()));
        assertThat(q.questions().values()).filteredOn(Question::scored).allSatisfy(x -> assertThat(x.hint()).as(x.id()).isNotNull());
    }

    @Test
    void theBasicAssessmentIncludesTheThresholdRuleOnce() {
        Questionnaire basic = Questionnaire.bundled("pia-basic");
        assertThat(basic.areas()).extracting(Area::id).containsExactly("cover", "I", "II", "IV");
        assertThat(basic.computed()).extracting(Computed::id).containsExactly("threshold_result");
    }

    static final String HEAD = "schema: mamori-questionnaire/1\nid: t\nversion: \"1\"\ntitle: {ja: t, en: t}\n"
            + "answer_sets:\n  yn:\n    choices: [{key: \"yes\", ja: はい, value: 1}, {key: \"no\", ja: いいえ, value: 0}]\n"
            + "defaults: {answer_set: yn}\n";

    @Test
    void aWrongMaximumIsRefusedWithItsLine() {
        String text = HEAD + "areas:\n  - id: a\n    ja: A\n    max: 3\n    questions:\n      - {id: q1, ja: Q1, weight: 2}\n";
        assertThatThrownBy(() -> QuestionnaireReader.read("t.yaml", text)).hasMessageContaining("t.yaml:12:")
                .hasMessageContaining("declares max 3 but its questions add up to 2");
    }

    @Test
    void mistakesInAQuestionnaireAreNamed() {
        String dup = HEAD + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1}\n      - {id: q1, ja: Q2}\n";
        assertThatThrownBy(() -> QuestionnaireReader.read("t.yaml", dup)).hasMessageContaining("question id \"q1\" is used twice");
        String cond = HEAD + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1}\n"
                + "      - {id: q2, ja: Q2, applies_when: {q: q1, in: [maybe]}}\n";
        assertThatThrownBy(() -> QuestionnaireReader.read("t.yaml", cond)).hasMessageContaining("question q1 has no choice \"maybe\"");
        String typo = HEAD + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1, wieght: 2}\n";
        assertThatThrownBy(() -> QuestionnaireReader.read("t.yaml", typo)).hasMessageContaining("did you mean weight?");
    }

    @Test
    void twoVersionsWithDifferentAreasCompareByAreaId() {
        String v1 = HEAD.replace("version: \"1\"", "version: \"1\"") + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1}\n"
                + "  - id: b\n    ja: B\n    questions:\n      - {id: q2, ja: Q2}\n";
        String v2 = HEAD + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1}\n      - {id: q3, ja: Q3}\n";
        Questionnaire q1 = QuestionnaireReader.read("v1.yaml", v1);
        Questionnaire q2 = QuestionnaireReader.read("v2.yaml", v2);
        Answers before = Assessment.read("b.yaml", "questionnaire: t\nversion: \"1\"\nanswers: {q1: \"no\", q2: \"yes\"}\n", q1, false);
        Answers after = Assessment.read("a.yaml", "questionnaire: t\nversion: \"1\"\nanswers: {q1: \"yes\", q3: \"yes\"}\n", q2, false);
        Comparison c = Assessment.compare(before, after);
        assertThat(c.areas()).extracting(Comparison.AreaDelta::id).containsExactly("a", "b");
        assertThat(c.areas().get(0).delta()).isEqualTo(2);
        assertThat(c.areas().get(1).after().score()).isZero();
        assertThat(c.changed()).extracting(x -> x.question().id()).containsExactlyInAnyOrder("q1", "q2", "q3");
    }

    @Test
    void aBadOnIncreaseIsNamed() {
        String text = HEAD + "areas:\n  - id: a\n    ja: A\n    questions:\n      - {id: q1, ja: Q1}\n"
                + "computed:\n  - {id: c, answer_set: yn, on_increase: bogus, rules: [{otherwise: true, result: \"yes\"}]}\n";
        assertThatThrownBy(() -> QuestionnaireReader.read("t.yaml", text)).isInstanceOf(AssessException.class)
                .hasMessageContaining("on_increase must be before or after");
    }
}
