package dev.mamori.assess;

import dev.mamori.report.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The entry point of self-assessments: open an answers file against its questionnaire,
 * score it (with the improvement plan as a what-if), compare two answer sets, list the changes
 * between two versions of a PIA, write templates, and answer the PIA threshold question.
 */
public final class Assessment {

    private Assessment() {
    }

    /**
     * Reads and checks an answers file. {@code questionnaire} may be null: the file's own
     * {@code questionnaire:} field names a bundled id or a file beside it. With {@code allowMissing}
     * unanswered required questions are scored as unanswered instead of being an error.
     *
     * @throws AssessException with every problem found, each with file, line and question id
     */
    public static Answers open(Path answersFile, Questionnaire questionnaire, boolean allowMissing) throws IOException {
        String text = AnswersReader.readUtf8(answersFile);
        Path base = answersFile.toAbsolutePath().getParent();
        return AnswersReader.read(answersFile.toString(), text, base, questionnaire, allowMissing);
    }

    /** Reads answers from text (the server's uploads, tests). */
    public static Answers read(String name, String text, Questionnaire questionnaire, boolean allowMissing) {
        return AnswersReader.read(name, text, Path.of("."), questionnaire, allowMissing);
    }

    public static ScoreSheet score(Answers answers) {
        return Scores.score(answers);
    }

    /** Compares two answer sets of the same questionnaire (earlier versions mapped through its id table). */
    public static Comparison compare(Answers before, Answers after) {
        if (!before.questionnaire().id().equals(after.questionnaire().id())) {
            String b = before.questionnaire().id();
            String a = after.questionnaire().id();
            throw new AssessException(Problem.of(after.file(), new Message(b + " の回答と " + a + " の回答は比較できません",
                    "cannot compare answers to " + b + " with answers to " + a)));
        }
        return Comparison.of(score(before), score(after));
    }

    /** The change history (変更箇所) from {@code older} to {@code newer}, in the form's wording. */
    public static List<ChangeEntry> changes(Answers older, Answers newer, String lang) {
        if (!older.questionnaire().id().equals(newer.questionnaire().id())) {
            String ids = older.questionnaire().id() + ", " + newer.questionnaire().id();
            throw new AssessException(Problem.of(newer.file(), new Message("別々の設問票の版です（" + ids + "）",
                    "these are versions of different questionnaires (" + ids + ")")));
        }
        return ChangeHistory.between(older, newer, lang);
    }

    /** An answers file with every question as a comment and no answers. */
    public static String template(Questionnaire q, String lang) {
        return AnswersWriter.write(q, null, Map.of(), List.of(), lang);
    }

    /** Answers written back as a file (what {@code mamori assess run} saves). */
    public static String write(Questionnaire q, Answers.Meta meta, Map<String, Answer> answers, List<PlanItem> plan, String lang) {
        return AnswersWriter.write(q, meta, answers, plan, lang);
    }

    /** Whether a question applies to these responses (its applies_when holds, or it has none). */
    public static boolean applies(Question q, Map<String, Response> responses) {
        return Scores.applies(q, responses);
    }

    /** Which assessments a 事務 needs (しきい値判断), by the PPC's rule table in the bundled pia-threshold questionnaire. */
    public static ThresholdAssessment threshold(long persons, long handlers, boolean seriousIncident) {
        return ThresholdAssessment.of(Questionnaire.bundled("pia-threshold"), persons, handlers, seriousIncident);
    }
}
