package dev.mamori.assess;

import dev.mamori.report.Message;
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
        YamlNode root;
        try {
            root = YamlNode.parse(file, text);
        } catch (YamlException e) {
            throw new AssessException(e);
        }
        String lang = declaredLang(root);
        try {
            return new AnswersReader(file).read(root, baseDir, given, allowMissing, lang);
        } catch (YamlException e) {
            throw new AssessException(List.of(Problem.of(e, null)), lang);
        } catch (AssessException e) {
            throw e.lang() != null || lang == null ? e : new AssessException(e.problems(), lang);
        }
    }

    /** meta.lang ("ja" or "en"), the language the file was written in, or null when it does not say (or says something else). */
    private static String declaredLang(YamlNode root) {
        try {
            String l = root.isMap() && root.get("meta").isMap() ? root.get("meta").text("lang") : null;
            return l == null ? null : l.strip().toLowerCase(Locale.ROOT).startsWith("ja") ? "ja"
                    : l.strip().toLowerCase(Locale.ROOT).startsWith("en") ? "en" : null;
        } catch (YamlException e) {
            return null; // a malformed meta is reported where it is read
        }
    }

    private Answers read(YamlNode root, Path baseDir, Questionnaire given, boolean allowMissing, String lang) {
        if (!root.isMap()) {
            throw root.error(new Message("回答ファイルは YAML の対応付け（questionnaire, version, meta, answers, plan）です",
                    "an answers file is a YAML mapping (questionnaire, version, meta, answers, plan)"),
                    new Message("mamori assess template ID でひな形を作れます", "mamori assess template ID writes one to start from"));
        }
        root.only(ROOT, new Message("回答ファイル", "an answers file"));
        Questionnaire q = resolve(root, baseDir, given);
        String version = root.required("version");
        Map<String, String> idMap = Map.of();
        if (!version.equals(q.version())) {
            if (!q.previousVersions().containsKey(version)) {
                String also = String.join(", ", q.previousVersions().keySet());
                throw root.get("version").error(new Message("この回答は " + q.id() + " の版 " + version + " に対するものですが、設問票は版 "
                        + q.version() + " です" + (also.isEmpty() ? "" : "（" + also + " も受け付けます）"),
                        "these answers are for version " + version + " of " + q.id() + ", but the questionnaire is version " + q.version()
                        + (also.isEmpty() ? "" : " (it also accepts " + also + ")")));
            }
            idMap = q.previousVersions().get(version);
        }
        YamlNode meta = root.get("meta");
        YamlNode revision = meta.get("revision");
        Answers.Meta m = new Answers.Meta(meta.text("organisation"), meta.text("system"), meta.text("date"), meta.text("assessor"),
                revision.text("reason"), revision.text("after_reason"), lang);
        Map<String, Question> questions = q.questions();
        Map<String, Answer> answers = new LinkedHashMap<>();
        Set<String> reported = new java.util.HashSet<>(); // already has a problem: no "not answered" on top
        YamlNode answersNode = root.get("answers");
        Map<String, YamlNode> written = new java.util.HashMap<>(); // where each question's key is, answered or not
        for (Map.Entry<String, YamlNode> e : answersNode.entries()) {
            String id = idMap.getOrDefault(e.getKey(), e.getKey());
            Question question = questions.get(id);
            if (question == null) {
                String near = Suggest.nearest(e.getKey(), questions.keySet());
                problems.add(Problem.at(e.getValue(), e.getKey(), new Message(q.id() + " " + q.version() + " にこの設問はありません",
                        "no such question in " + q.id() + " " + q.version()), Suggest.didYouMean(e.getKey(), questions.keySet())));
                reported.add(near);
                continue;
            }
            written.put(id, answersNode.keyOf(e.getKey()));
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
                problems.add(new Problem(file, a.line(), a.column(), question.id(),
                        new Message("回答がありますが、この回答ではこの設問は対象外です（applies_when）",
                                "answered, but the question does not apply to these answers (applies_when)"),
                        new Message("回答を消すか、条件の設問の回答を確かめてください", "remove the answer or check the answers it depends on"), false));
            } else if (a == null && applies && question.required() && !allowMissing && !reported.contains(question.id())) {
                // at the question's own key when it is written (a template writes every one), else at answers:
                YamlNode where = written.getOrDefault(question.id(), answersNode);
                problems.add(new Problem(file, where.line(), where.column(), question.id(), new Message("必須の設問に回答がありません",
                        "required, not answered"), question.answerSet() == null ? null
                        : new Message("選択肢: " + choices(question.answerSet(), "ja"), "choices: " + choices(question.answerSet(), "en")), true));
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
            throw new AssessException(problems, lang);
        }
        return new Answers(file, q, version, m, answers, plan);
    }

    private Questionnaire resolve(YamlNode root, Path baseDir, Questionnaire given) {
        String ref = root.required("questionnaire");
        if (given != null) {
            String declaredId = ref.endsWith(".yaml") || ref.endsWith(".yml") ? null : ref;
            if (declaredId != null && !declaredId.equals(given.id())) {
                throw root.get("questionnaire").error(new Message("この回答は設問票 " + declaredId + " に対するもので、" + given.id() + " ではありません",
                        "these answers are for questionnaire " + declaredId + ", not " + given.id()));
            }
            return given;
        }
        if (ref.endsWith(".yaml") || ref.endsWith(".yml")) {
            try {
                return Questionnaire.load(baseDir.resolve(ref));
            } catch (IOException e) {
                throw root.get("questionnaire").error(new Message("設問票 " + ref + " を読めません: " + e.getMessage(),
                        "cannot read questionnaire " + ref + ": " + e.getMessage()));
            }
        }
        if (!Questionnaire.BUNDLED.contains(ref)) {
            Message near = Suggest.didYouMean(ref, Questionnaire.BUNDLED);
            String all = String.join(", ", Questionnaire.BUNDLED);
            throw new AssessException(Problem.at(root.get("questionnaire"), null, new Message("同梱の設問票に「" + ref + "」はありません",
                    "no bundled questionnaire \"" + ref + "\""), near != null ? near
                    : new Message("同梱: " + all + "。またはファイルのパスを書きます", "bundled: " + all + "; or give a file path")));
        }
        try {
            return Questionnaire.bundled(ref);
        } catch (UncheckedIOException e) {
            throw root.get("questionnaire").error(new Message("同梱の設問票 " + ref + " を読めません", "cannot read bundled questionnaire " + ref));
        }
    }

    private Answer answer(Question q, String writtenId, YamlNode node) {
        YamlNode value = node;
        String comment = null;
        String evidence = null;
        if (node.isMap()) {
            try {
                node.only(ANSWER, new Message("回答", "an answer"));
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
            problems.add(Problem.at(node, writtenId, new Message("コメントだけで回答がありません", "a comment without an answer"), null));
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
                    problems.add(Problem.at(value, writtenId, new Message("「" + t + "」は日付ではありません", "\"" + t + "\" is not a date"),
                            new Message("2023-12-21 または 令和5年12月21日 と書きます", "write 2023-12-21 or 令和5年12月21日")));
                    yield null;
                }
                yield new Response.Written(t.trim());
            }
            case NUMBER -> {
                String t = value.text();
                if (!q.accepts(t)) {
                    problems.add(Problem.at(value, writtenId, new Message("「" + t + "」は数値ではありません", "\"" + t + "\" is not a number"),
                            new Message("350000、350,000 または 35万 と書きます", "write 350000, 350,000 or 35万")));
                    yield null;
                }
                yield new Response.Written(t);
            }
            case TEXT -> value.isScalar() ? new Response.Written(value.text()) : null;
        };
        if (r == null) {
            if (q.type() == Question.Type.TEXT) {
                problems.add(Problem.at(value, writtenId, new Message("ここには文章を書きます", "expected text"), null));
            }
            return null;
        }
        return new Answer(q.id(), r, comment, evidence, node.line(), node.column());
    }

    /**
     * The choice key for what was written: a key, or a choice's Japanese or English label; for choices that
     * stand for ranges of numbers (対象人数), also a number in that range (350,000, 35万).
     */
    private String choiceKey(Question q, String writtenId, YamlNode value) {
        if (!value.isScalar()) {
            problems.add(Problem.at(value, writtenId, new Message("選択肢を 1 つ書きます", "expected one choice"),
                    new Message("選択肢: " + choices(q.answerSet(), "ja"), "choices: " + choices(q.answerSet(), "en"))));
            return null;
        }
        String t = value.text().trim();
        for (Choice c : q.answerSet().choices()) {
            if (c.key().equals(t) || c.label().ja().equals(t) || c.label().en().equalsIgnoreCase(t)) {
                return c.key();
            }
        }
        java.math.BigDecimal n = Numbers.parse(t);
        if (n != null) {
            for (Choice c : q.answerSet().choices()) {
                if ((c.from() != null || c.below() != null) && c.covers(n.doubleValue())) {
                    return c.key();
                }
            }
        }
        Message near = Suggest.didYouMean(t, q.answerSet().keys());
        problems.add(Problem.at(value, writtenId, new Message("「" + t + "」はこの設問の選択肢ではありません", "\"" + t + "\" is not a choice of this question"),
                new Message((near == null ? "" : near.ja() + " ") + "選択肢: " + choices(q.answerSet(), "ja"),
                        (near == null ? "" : near.en() + " ") + "choices: " + choices(q.answerSet(), "en"))));
        return null;
    }

    /** "p_300k_plus (30万人以上), …": each key with its label in {@code lang}. */
    private static String choices(AnswerSet set, String lang) {
        List<String> out = new ArrayList<>();
        set.choices().forEach(c -> out.add(c.key() + (c.label().in(lang).isEmpty() ? "" : " (" + c.label().in(lang) + ")")));
        return String.join(", ", out);
    }

    private PlanItem planItem(YamlNode p, Map<String, Question> questions, Map<String, String> idMap, Map<String, Answer> answers) {
        try {
            p.only(PLAN, new Message("改善計画の項目", "a plan item"));
        } catch (YamlException e) {
            problems.add(Problem.of(e, null));
            return null;
        }
        String written = p.text("question");
        if (written == null) {
            problems.add(Problem.at(p, null, new Message("改善計画の項目には question: が必要です", "a plan item needs question:"), null));
            return null;
        }
        String id = idMap.getOrDefault(written, written);
        Question q = questions.get(id);
        if (q == null) {
            problems.add(Problem.at(p.get("question"), written, new Message("改善計画の項目の設問がありません", "plan item for no such question"),
                    Suggest.didYouMean(written, questions.keySet())));
            return null;
        }
        if (q.type() != Question.Type.CHOICE) {
            problems.add(Problem.at(p.get("question"), written, new Message("改善計画は選択式の設問に立てます", "plan items are for choice questions"), null));
            return null;
        }
        String expected = p.get("expected").missing() ? best(q) : choiceKey(q, written, p.get("expected"));
        if (expected == null) {
            return null;
        }
        Answer current = answers.get(id);
        if (current != null && expected.equals(current.choiceKey())) {
            problems.add(Problem.at(p, written, new Message("計画の目標「" + expected + "」はすでに今の回答です",
                    "the plan expects \"" + expected + "\", which is already the answer"), new Message("この項目を消してください", "remove the plan item")));
            return null;
        }
        Difficulty d = null;
        if (p.text("difficulty") != null) {
            d = Difficulty.parse(p.text("difficulty"));
            if (d == null) {
                problems.add(Problem.at(p.get("difficulty"), written, new Message("difficulty は low・medium・high（低・中・高）のいずれかです",
                        "difficulty must be low, medium or high (低・中・高)"), null));
            }
        } else if (q.hint() != null) {
            d = q.hint().difficulty();
        }
        String due = p.text("due");
        if (due != null && !DATE_QUESTION.accepts(due)) {
            problems.add(Problem.at(p.get("due"), written, new Message("「" + due + "」は日付ではありません", "\"" + due + "\" is not a date"),
                    new Message("2027-03-31 または 令和9年3月31日 と書きます", "write 2027-03-31 or 令和9年3月31日")));
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
