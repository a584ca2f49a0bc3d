package dev.mamori.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Questionnaire;
import java.util.List;

/**
 * Answers and questionnaire files, whatever their text, are either read or refused with an
 * {@link AssessException} whose every problem names the file; nothing else escapes, and what is
 * read can be scored and written back. Fuzzed briefly in the default build (fuzz-assess).
 */
class AssessFuzzTest {

    private static final List<Questionnaire> BUNDLED = Questionnaire.BUNDLED.stream().map(Questionnaire::bundled).toList();

    @FuzzTest(maxDuration = "15s")
    void answersFilesAreReadOrRefusedWithTheirPlace(FuzzedDataProvider data) {
        Questionnaire q = BUNDLED.get(data.consumeInt(0, BUNDLED.size() - 1));
        boolean allowMissing = data.consumeBoolean();
        String text = "questionnaire: " + q.id() + "\nversion: \"" + q.version() + "\"\n" + data.consumeRemainingAsString();
        try {
            var answers = Assessment.read("f.yaml", text, q, allowMissing);
            Assessment.score(answers);
            String written = Assessment.write(q, answers.meta(), answers.answers(), answers.plan(), "ja");
            assertThat(Assessment.read("g.yaml", written, q, true).responses()).isEqualTo(answers.responses());
        } catch (AssessException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isIn("f.yaml", null));
        }
    }
}
