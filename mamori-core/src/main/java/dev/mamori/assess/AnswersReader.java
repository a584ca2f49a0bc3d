package dev.mamori.assess;

import dev.mamori.yaml.YamlException;
import dev.mamori.yaml.YamlNode;
import dev.mamori.yaml.Suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an answers file and checks it against its questionnaire, collecting every problem (with
 * file, line, column and question id) before giving up, so one run shows all there is to fix.
 */
final class AnswersReader {

    private static final Set<String> ROOT = Set.of("questionnaire", "version", "meta", "answers", "plan");
    private static final Set<String> ANSWER = Set.of("answer", "comment", "evidence");
    private static final Set<String> PLAN = Set.of("question", "action", "owner", "due", "difficulty", "expected");
    /** A date question, whose rule a plan item's due date follows too. */
    private static final Question DATE_QUESTION = new Question("due", "", Question.Type.DATE, Label.EMPTY, Label.EMPTY, null, 0,
            null, false, null, null, null, Question.Timing.AFTER, 0);

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    private AnswersReader(String file) {
        this.file = file;
    }

    /** A questionnaire or answers file's UTF-8 text; anything else is an {@link AssessException} with the place. */
    static String readUtf8(Path file) throws java.io.IOException {
        try {
            return YamlNode.readUtf8(file);
        } catch (YamlException e) {
            throw new AssessException(e);
        }
    }

    static Answers read(String file, String text, Path baseDir, Questionnaire given, boolean allowMissing) {
        try {
            return new AnswersReader(file).read(YamlNode.parse(file, text), baseDir, given, allowMissing);
        } catch (YamlException e) {
            throw new AssessException(e);
        }
    }

    private Answers read(YamlNode root, Path baseDir, Questionnaire given, boolean allowMissing) {
        if (!root.isMap()) {
            throw root.error("an answers file is a YAML mapping (questionnaire, version, meta, answers, plan); "
                    + "mamori assess template ID writes one to start from");
        }
        root.only(ROOT, "an answers file");
        Questionnaire q = resolve(root, baseDir, given);
        String version = root.required("version");
        Map<String, String> idMap = Map.of();
        if (!version.equals(q.version())) {
            if (!q.previousVersions().containsKey(version)) {
                throw root.get("version").error("these answers are for version " + version + " of " + q.id()
                        + ", but the questionnaire is version " + q.version()
                        + (q.previousVersions().isEmpty() ? "" : " (it also accepts " + String.join(", ", q.previousVersions().keySet()) + ")"));
            }
            idMap = q.previousVersions().get(version);
        }
        YamlNode meta = root.get("meta");
        YamlNode revision = meta.get("revision");
        Answers.Meta m = new Answers.Meta(meta.text("organisation"), meta.text("system"), meta.text("date"), meta.text("assessor"),
                revision.text("reason"), revision.text("after_reason"));
        Map<String, Question> questions = q.questions();
        Map<String, Answer> answers = new LinkedHashMap<>();
        Set<String> reported = new java.util.HashSet<>(); // already has a problem: no "not answered" on top
        for (Map.Entry<String, YamlNode> e : root.get("answers").entries()) {
            String id = idMap.getOrDefault(e.getKey(), e.getKey());
            Question question = questions.get(id);
            if (question == null) {
                String near = Suggest.nearest(e.getKey(), questions.keySet());
                problems.add(Problem.at(e.getValue(), e.getKey(), "no such question in " + q.id() + " " + q.version(),
                        near == null ? null : "did you mean " + near + "?"));
                reported.add(near);
                continue;
            }
            int before = problems.size();
            Answer a = answer(question, e.getKey(), e.getValue());
            if (a != null) {
                answers.put(id, a);
            } else if (problems.size() > before) {
                reported.add(id);
            }
        }
        Map<String, Response> responses = new LinkedHashMap<>();
        answers.forEach((id, a) -> responses.put(id, a.response()));
        for (Question question : questions.values()) {
            boolean applies = question.appliesWhen() == null || question.appliesWhen().test(responses);
            Answer a = answers.get(question.id());
            if (a != null && !applies) {
                problems.add(new Problem(file, a.line(), a.column(), question.id(), "answered, but the question does not apply "
                        + "to these answers (applies_when)", "remove the answer or check the answers it depends on"));
            } else if (a == null && applies && question.required() && !allowMissing && !reported.contains(question.id())) {
                YamlNode where = root.get("answers");
                problems.add(Problem.at(where, question.id(), "required, not answered",
                        question.answerSet() == null ? null : "choices: " + choices(question.answerSet())));
            }
        }
        List<PlanItem> plan = new ArrayList<>();
        for (YamlNode p : root.get("plan").items()) {
            PlanItem item = planItem(p, questions, idMap, answers);
            if (item != null) {
                plan.add(item);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssessException(problems);
        }
        return new Answers(file, q, version, m, answers, plan);
    }

    private Questionnaire resolve(YamlNode root, Path baseDir, Questionnaire given) {
        String ref = root.required("questionnaire");
        if (given != null) {
            String declaredId = ref.endsWith(".yaml") || ref.endsWith(".yml") ? null : ref;
            if (declaredId != null && !declaredId.equals(given.id())) {
                throw root.get("questionnaire").error("these answers are for questionnaire " + declaredId + ", not " + given.id());
            }
            return given;
        }
        if (ref.endsWith(".yaml") || ref.endsWith(".yml")) {
            try {
                return Questionnaire.load(baseDir.resolve(ref));
            } catch (IOException e) {
                throw root.get("questionnaire").error("cannot read questionnaire " + ref + ": " + e.getMessage());
            }
        }
        if (!Questionnaire.BUNDLED.contains(ref)) {
            throw new AssessException(Problem.at(root.get("questionnaire"), null, "no bundled questionnaire \"" + ref + "\"",
                    Suggest.didYouMean(ref, Questionnaire.BUNDLED) != null ? Suggest.didYouMean(ref, Questionnaire.BUNDLED)
                            : "bundled: " + String.join(", ", Questionnaire.BUNDLED) + "; or give a file path"));
        }
        try {
            return Questionnaire.bundled(ref);
        } catch (UncheckedIOException e) {
            throw root.get("questionnaire").error("cannot read bundled questionnaire " + ref);
        }
    }

    private Answer answer(Question q, String writtenId, YamlNode node) {
        YamlNode value = node;
        String comment = null;
        String evidence = null;
        if (node.isMap()) {
            try {
                node.only(ANSWER, "an answer");
            } catch (YamlException e) {
                problems.add(Problem.of(e, writtenId));
                return null;
            }
            value = node.get("answer");
            comment = node.text("comment");
            evidence = node.text("evidence");
        }
        if (value.missing()) {
            if (comment == null && evidence == null) {
                return null; // an empty answer (as in a fresh template) is no answer
            }
            problems.add(Problem.at(node, writtenId, "a comment without an answer", null));
            return null;
        }
        Response r = switch (q.type()) {
            case CHOICE -> {
                String key = choiceKey(q, writtenId, value);
                yield key == null ? null : new Response.Chosen(key);
            }
            case MULTI -> {
                List<String> keys = new ArrayList<>();
                for (YamlNode item : value.isList() ? value.items() : List.of(value)) {
                    String key = choiceKey(q, writtenId, item);
                    if (key != null) {
                        keys.add(key);
                    }
                }
                yield new Response.Checked(keys);
            }
            case DATE -> {
                String t = value.text();
                if (!q.accepts(t)) {
                    problems.add(Problem.at(value, writtenId, "\"" + t + "\" is not a date", "write 2023-12-21 or 令和5年12月21日"));
                    yield null;
                }
                yield new Response.Written(t.trim());
            }
            case NUMBER -> {
                String t = value.text();
                if (!q.accepts(t)) {
                    problems.add(Problem.at(value, writtenId, "\"" + t + "\" is not a number", null));
                    yield null;
                }
                yield new Response.Written(t);
            }
            case TEXT -> value.isScalar() ? new Response.Written(value.text()) : null;
        };
        if (r == null) {
            if (q.type() == Question.Type.TEXT) {
                problems.add(Problem.at(value, writtenId, "expected text", null));
            }
            return null;
        }
        return new Answer(q.id(), r, comment, evidence, node.line(), node.column());
    }

    /** The choice key for what was written: a key, or a choice's Japanese or English label. */
    private String choiceKey(Question q, String writtenId, YamlNode value) {
        if (!value.isScalar()) {
            problems.add(Problem.at(value, writtenId, "expected one choice", "choices: " + choices(q.answerSet())));
            return null;
        }
        String t = value.text().trim();
        for (Choice c : q.answerSet().choices()) {
            if (c.key().equals(t) || c.label().ja().equals(t) || c.label().en().equalsIgnoreCase(t)) {
                return c.key();
            }
        }
        String near = Suggest.didYouMean(t, q.answerSet().keys());
        problems.add(Problem.at(value, writtenId, "\"" + t + "\" is not a choice of this question",
                (near == null ? "" : near + " ") + "choices: " + choices(q.answerSet())));
        return null;
    }

    private static String choices(AnswerSet set) {
        List<String> out = new ArrayList<>();
        set.choices().forEach(c -> out.add(c.key() + (c.label().ja().isEmpty() ? "" : " (" + c.label().ja() + ")")));
        return String.join(", ", out);
    }

    private PlanItem planItem(YamlNode p, Map<String, Question> questions, Map<String, String> idMap, Map<String, Answer> answers) {
        try {
            p.only(PLAN, "a plan item");
        } catch (YamlException e) {
            problems.add(Problem.of(e, null));
            return null;
        }
        String written = p.text("question");
        if (written == null) {
            problems.add(Problem.at(p, null, "a plan item needs question:", null));
            return null;
        }
        String id = idMap.getOrDefault(written, written);
        Question q = questions.get(id);
        if (q == null) {
            problems.add(Problem.at(p.get("question"), written, "plan item for no such question", Suggest.didYouMean(written, questions.keySet())));
            return null;
        }
        if (q.type() != Question.Type.CHOICE) {
            problems.add(Problem.at(p.get("question"), written, "plan items are for choice questions", null));
            return null;
        }
        String expected = p.get("expected").missing() ? best(q) : choiceKey(q, written, p.get("expected"));
        if (expected == null) {
            return null;
        }
        Answer current = answers.get(id);
        if (current != null && expected.equals(current.choiceKey())) {
            problems.add(Problem.at(p, written, "the plan expects \"" + expected + "\", which is already the answer", "remove the plan item"));
            return null;
        }
        Difficulty d = null;
        if (p.text("difficulty") != null) {
            d = Difficulty.parse(p.text("difficulty"));
            if (d == null) {
                problems.add(Problem.at(p.get("difficulty"), written, "difficulty must be low, medium or high (低・中・高)", null));
            }
        } else if (q.hint() != null) {
            d = q.hint().difficulty();
        }
        String due = p.text("due");
        if (due != null && !DATE_QUESTION.accepts(due)) {
            problems.add(Problem.at(p.get("due"), written, "\"" + due + "\" is not a date", "write 2027-03-31 or 令和9年3月31日"));
        }
        return new PlanItem(id, p.text("action"), p.text("owner"), due, d, expected, p.line());
    }

    /** The highest-valued choice: what a plan item expects when it does not say. */
    private static String best(Question q) {
        Choice best = null;
        for (Choice c : q.answerSet().choices()) {
            if (c.value() != null && (best == null || c.value() > best.value())) {
                best = c;
            }
        }
        return best == null ? null : best.key();
    }

}
