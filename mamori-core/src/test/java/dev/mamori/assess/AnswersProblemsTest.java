package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad answers files are reported with file, line, column and question id, and a suggestion where one exists. */
class AnswersProblemsTest {

    static List<Problem> problems(String text) {
        try {
            Assessment.read("a.yaml", text, null, false);
        } catch (AssessException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + text);
    }

    static final String HEAD = "questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n";

    @Test
    void anUnknownQuestionIdSuggestsTheNearest() {
        List<Problem> p = problems(HEAD + "  persons: p_300k_plus\n  handlrs: lt500\n  incident: none\n");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(5);
            assertThat(x.questionId()).isEqualTo("handlrs");
            assertThat(x.suggestion()).isEqualTo("did you mean handlers?");
            assertThat(x.toString()).startsWith("a.yaml:5:");
        });
    }

    @Test
    void aChoiceNotInTheSetListsTheChoices() {
        List<Problem> p = problems(HEAD + "  persons: p_300k\n  handlers: lt500\n  incident: none\n");
        assertThat(p).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(4);
            assertThat(x.column()).isEqualTo(12);
            assertThat(x.questionId()).isEqualTo("persons");
            assertThat(x.suggestion()).contains("p_300k_plus (300,000 or more)");
            assertThat(x.in("ja")).contains("「p_300k」はこの設問の選択肢ではありません").contains("p_300k_plus (30万人以上)");
        });
    }

    @Test
    void labelsAreAcceptedForKeys() {
        Answers a = Assessment.read("a.yaml", HEAD + "  persons: 30万人以上\n  handlers: 500人未満\n  incident: 発生なし\n", null, false);
        assertThat(a.answers().get("persons").choiceKey()).isEqualTo("p_300k_plus");
    }

    @Test
    void aMissingRequiredAnswerIsNamed() {
        List<Problem> p = problems(HEAD + "  persons: p_300k_plus\n  incident: none\n");
        assertThat(p).extracting(Problem::questionId).containsExactly("handlers");
        assertThat(p.get(0).message()).contains("required");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Problem> p = problems(HEAD + "  persons: lots\n  handlers: many\n  incident: none\n  colour: blue\n");
        assertThat(p).extracting(Problem::questionId).containsExactlyInAnyOrder("persons", "handlers", "colour");
    }

    @Test
    void anotherQuestionnaireOrVersionIsRefused() {
        Questionnaire ics = Questionnaire.bundled("ics-security");
        assertThatThrownBy(() -> Assessment.read("a.yaml", HEAD, ics, false))
                .hasMessageContaining("a.yaml:1:").hasMessageContaining("for questionnaire pia-threshold, not ics-security");
        assertThatThrownBy(() -> Assessment.read("a.yaml", "questionnaire: pia-threshold\nversion: \"2019\"\nanswers: {}\n", null, false))
                .hasMessageContaining("a.yaml:2:").hasMessageContaining("version 2019").hasMessageContaining("version 2024.10");
        assertThatThrownBy(() -> Assessment.read("a.yaml", "questionnaire: ics-securty\nversion: \"1.0\"\n", null, false))
                .isInstanceOf(AssessException.class).hasMessageContaining("did you mean ics-security?");
    }

    @Test
    void anAnswerToAQuestionThatDoesNotApplyIsReported() {
        String text = "questionnaire: pia-basic\nversion: \"2024.10\"\nanswers:\n  network_scope: [not_connected_acquire]\n"
                + "  network_acquisition: special\n";
        List<Problem> p = problems(text);
        assertThat(p).filteredOn(x -> "network_acquisition".equals(x.questionId())).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("does not apply"));
    }

    @Test
    void planItemsAreChecked() {
        String text = HEAD + "  persons: p_300k_plus\n  handlers: lt500\n  incident: none\n"
                + "plan:\n  - {question: persns, action: x}\n";
        assertThat(problems(text)).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(8);
            assertThat(x.suggestion()).isEqualTo("did you mean persons?");
        });
        String ics = "questionnaire: ics-security\nversion: \"1.0\"\nanswers:\n  \"1\": \"no\"\nplan:\n"
                + "  - {question: \"1\", expected: maybe, difficulty: low}\n  - {question: \"2\", difficulty: 難しい}\n";
        List<Problem> p;
        try {
            Assessment.read("p.yaml", ics, null, true);
            throw new AssertionError();
        } catch (AssessException e) {
            p = e.problems();
        }
        assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("\"maybe\" is not a choice"))
                .anySatisfy(m -> assertThat(m).contains("difficulty must be"));
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> Assessment.read("b.yaml", HEAD + "  persons: [p_300k_plus\n  handlers: lt500\n", null, false))
                .isInstanceOf(AssessException.class).hasMessageStartingWith("b.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Assessment.read("b.yaml", HEAD + "  persons: p_300k_plus\n  persons: p_lt_1k\n", null, false))
                .hasMessageContaining("b.yaml:5:").hasMessageContaining("given twice");
    }

    @Test
    void aTemplateReadsBackAsAnEmptyAnswersFile() {
        for (String id : Questionnaire.BUNDLED) {
            Questionnaire q = Questionnaire.bundled(id);
            Answers a = Assessment.read(id + ".yaml", Assessment.template(q, "ja"), null, true);
            assertThat(a.answers()).as(id).isEmpty();
            assertThatThrownBy(() -> Assessment.read(id + ".yaml", Assessment.template(q, "en"), null, false))
                    .as(id).isInstanceOf(AssessException.class).hasMessageContaining("required, not answered");
        }
    }

    @Test
    void writtenAnswersReadBackTheSame() {
        Answers a = Assessment.read("a.yaml", "questionnaire: pia-basic\nversion: \"2024.10\"\nanswers:\n"
                + "  office_summary: \"一行目\\n二行目 \\\"引用\\\" # not a comment\"\n  audit: [self_check, internal_audit]\n"
                + "  acquisition: {answer: issues, comment: \"台帳: 未整備\", evidence: 監査報告書}\n", null, true);
        String written = Assessment.write(a.questionnaire(), a.meta(), a.answers(), a.plan(), "ja");
        Answers back = Assessment.read("b.yaml", written, null, true);
        assertThat(back.responses()).isEqualTo(a.responses());
        assertThat(back.answers().get("acquisition").comment()).isEqualTo("台帳: 未整備");
        assertThat(back.answers().get("acquisition").evidence()).isEqualTo("監査報告書");
    }

    @Test
    void unknownFieldsInSeveralAnswersAreAllReported() {
        List<Problem> p = problems(HEAD + "  persons: {answer: p_300k_plus, coment: x}\n  handlers: {answr: lt500}\n  incident: none\n");
        assertThat(p).extracting(Problem::questionId).containsExactlyInAnyOrder("persons", "handlers");
        assertThat(p).extracting(Problem::suggestion).containsExactlyInAnyOrder(
                "did you mean comment? allowed: answer, comment, evidence", "did you mean answer? allowed: answer, comment, evidence");
    }

    @Test
    void aStringAliasedEverywhereCannotBlowUpTheReports() {
        // issue 9: one long string referenced by an alias on every line made a 1.19 GB HTML from a 3 MB file
        StringBuilder y = new StringBuilder("questionnaire: pia-threshold\nversion: \"2024.10\"\nmeta:\n  organisation: &big \""
                + "長".repeat(200_000) + "\"\nanswers:\n  persons: {answer: p_300k_plus, comment: *big}\n"
                + "  handlers: {answer: lt500, comment: *big}\n  incident: {answer: none, comment: *big}\nplan:\n");
        for (int i = 0; i < 50; i++) {
            y.append("  - {question: persons, action: *big}\n");
        }
        List<Problem> p = problems(y.toString());
        assertThat(p).singleElement().satisfies(x -> assertThat(x.message()).contains("aliases"));
    }
}
