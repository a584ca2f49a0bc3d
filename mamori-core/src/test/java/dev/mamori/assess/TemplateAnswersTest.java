package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A fresh template scored as it is: each unanswered question at its own line, in the template's language. */
class TemplateAnswersTest {

    static AssessException refusal(String text) {
        try {
            Assessment.read("t.yaml", text, null, false);
        } catch (AssessException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    /** The 1-based line of {@code "id":} in the template. */
    static int lineOf(String template, String id) {
        List<String> lines = template.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("  \"" + id + "\":")) {
                return i + 1;
            }
        }
        throw new AssertionError("no line for " + id);
    }

    @Test
    void everyUnansweredQuestionIsReportedAtItsOwnKey() {
        Questionnaire q = Questionnaire.bundled("ics-security");
        String template = Assessment.template(q, "ja");
        AssessException e = refusal(template);
        assertThat(e.problems()).hasSize(99).allSatisfy(p -> {
            assertThat(p.unanswered()).isTrue();
            assertThat(p.line()).isEqualTo(lineOf(template, p.questionId()));
            assertThat(p.column()).isEqualTo(3);
        });
        assertThat(e.problems().stream().map(Problem::line).distinct()).hasSize(99);
        assertThat(e.unanswered()).isEqualTo(99);
        assertThat(e.lang()).isEqualTo("ja");
        assertThat(e.message("ja")).contains("t.yaml:" + lineOf(template, "1") + ":3: 設問 1: 必須の設問に回答がありません")
                .doesNotContain("required");
        assertThat(e.message("en")).contains("question 1: required, not answered");
    }

    @Test
    void aQuestionLeftOutOfTheFileIsReportedAtAnswers() {
        AssessException e = refusal("questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n  persons: p_300k_plus\n  handlers: lt500\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.questionId()).isEqualTo("incident");
            assertThat(p.line()).isEqualTo(4); // the answers mapping, where it would go
            assertThat(p.unanswered()).isTrue();
        });
        assertThat(e.lang()).isNull();
    }

    @Test
    void theTemplateRecordsItsLanguageAndReadsBack() {
        Questionnaire q = Questionnaire.bundled("pia-threshold");
        String en = Assessment.template(q, "en");
        assertThat(en).contains("  lang: \"en\"").contains("choices: ").doesNotContain("選択肢: ");
        assertThat(Assessment.template(q, "ja")).contains("  lang: \"ja\"").contains("選択肢: ").doesNotContain("choices: ");
        assertThat(refusal(en).lang()).isEqualTo("en");
        Answers a = Assessment.read("t.yaml", en, null, true);
        assertThat(a.meta().lang()).isEqualTo("en");
        assertThat(a.answers()).isEmpty();
    }

    @Test
    void aCountIsAnAnswerToAQuestionWhoseChoicesAreRanges() {
        for (String written : List.of("350000", "\"350,000\"", "３５０，０００", "35万")) {
            Answers a = Assessment.read("a.yaml", "questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n  persons: " + written
                    + "\n  handlers: \"1,200\"\n  incident: none\n", null, false);
            assertThat(a.answers().get("persons").choiceKey()).as(written).isEqualTo("p_300k_plus");
            assertThat(a.answers().get("handlers").choiceKey()).isEqualTo("ge500");
        }
        AssessException e = refusal("questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n  persons: \"35,0000\"\n"
                + "  handlers: lt500\n  incident: none\n");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("is not a choice"));
    }

    @Test
    void numberQuestionsTakeSeparatorsFullWidthDigitsAndMan() {
        Questionnaire q = QuestionnaireReader.read("n.yaml", """
                schema: mamori-questionnaire/1
                id: counts
                version: "1"
                title: {ja: 件数, en: Counts}
                areas:
                  - id: A
                    ja: 件数
                    questions:
                      - {id: staff, type: number, ja: 職員数}
                """);
        for (String written : List.of("\"1,200\"", "１２００", "1.2千", "0.12万")) {
            Answers a = Assessment.read("a.yaml", "questionnaire: counts\nversion: \"1\"\nanswers:\n  staff: " + written + "\n", q, false);
            assertThat(a.answers()).as(written).containsKey("staff");
        }
        assertThatThrownBy(() -> Assessment.read("a.yaml", "questionnaire: counts\nversion: \"1\"\nanswers:\n  staff: many\n", q, false))
                .isInstanceOfSatisfying(AssessException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.in("ja")).contains("「many」は数値ではありません").contains("35万");
                    assertThat(p.in("en")).contains("\"many\" is not a number");
                }));
    }

    @Test
    void everyProblemIsInOneLanguagePerLine() {
        AssessException e = refusal("questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n  persons: p_300k_plus\n"
                + "  handlrs: lt500\n  incident: {answer: none, coment: x}\n");
        for (Problem p : e.problems()) {
            assertThat(p.in("ja")).as(p.in("ja")).doesNotContainPattern("\\b(did you mean|unknown field|question|allowed)\\b");
            assertThat(p.in("en")).as(p.in("en")).doesNotContainPattern("[ぁ-んァ-ヶ]");
        }
        assertThat(e.message("ja")).contains("handlers のことですか？").contains("回答に不明な項目「coment」があります");
        assertThat(e.getMessage()).contains("did you mean handlers?").contains("unknown field \"coment\" in an answer");
    }

    @Test
    void aBundledIdThatDoesNotExistIsRefusedInBothLanguages() {
        assertThatThrownBy(() -> Questionnaire.bundled("ics-secrity")).isInstanceOfSatisfying(AssessException.class, e -> {
            assertThat(e.message("ja")).contains("同梱の設問票に「ics-secrity」はありません").contains("ics-security のことですか？");
            assertThat(e.message("en")).contains("no bundled questionnaire \"ics-secrity\"");
        });
    }
}
