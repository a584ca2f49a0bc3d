package dev.mamori.assess;

import dev.mamori.report.Message;

import dev.mamori.yaml.YamlException;
import dev.mamori.yaml.YamlNode;
import dev.mamori.yaml.Suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and checks a questionnaire file; every mistake is reported with its line and column. */
final class QuestionnaireReader {

    static final String SCHEMA = "mamori-questionnaire/1";

    private static final Set<String> ROOT = Set.of("schema", "id", "version", "title", "description", "source", "kind",
            "answer_sets", "defaults", "rating", "areas", "computed", "checks", "previous_versions");
    private static final Set<String> AREA = Set.of("include", "id", "ja", "en", "max", "source", "questions", "areas");
    private static final Set<String> QUESTION = Set.of("id", "ja", "en", "guidance", "source", "weight", "answer_set", "choices",
            "required", "hint", "type", "applies_when", "ref", "on_change");
    private static final Set<String> CHOICE = Set.of("key", "ja", "en", "value", "deficiency", "na", "from", "below");

    private final String file;
    private final Map<String, AnswerSet> sets = new LinkedHashMap<>();
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<String, YamlNode> conditionNodes = new HashMap<>();
    private final Map<String, AnswerSet> computedSets = new HashMap<>();
    private String defaultSet;
    private double defaultWeight = 1;
    private boolean defaultRequired = true;

    private QuestionnaireReader(String file) {
        this.file = file;
    }

    static Questionnaire read(String file, String text) {
        try {
            return new QuestionnaireReader(file).read(YamlNode.parse(file, text));
        } catch (YamlException e) {
            throw new AssessException(e);
        }
    }

    private Questionnaire read(YamlNode root) {
        if (!root.isMap()) {
            throw root.error(new Message("設問票のファイルは YAML の対応付け（schema, id, version, areas, …）です", "a questionnaire file is a YAML mapping (schema, id, version, areas, …)"));
        }
        root.only(ROOT, new Message("設問票", "a questionnaire"));
        String schema = root.text("schema");
        if (!SCHEMA.equals(schema)) {
            throw root.get("schema").error(new Message("schema は「" + SCHEMA + "」です（「" + schema + "」ではなく）", "schema must be \"" + SCHEMA + "\" (found " + schema + ")"));
        }
        String id = root.required("id");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw root.get("id").error(new Message("id は英小文字・数字・ハイフンで書きます", "id must be lower-case letters, digits and hyphens"));
        }
        String version = root.required("version");
        for (Map.Entry<String, YamlNode> e : root.get("answer_sets").entries()) {
            sets.put(e.getKey(), answerSet(e.getKey(), e.getValue().get("choices")));
        }
        YamlNode defaults = root.get("defaults");
        defaultSet = defaults.text("answer_set");
        if (defaultSet != null && !sets.containsKey(defaultSet)) {
            throw defaults.get("answer_set").error(new Message("回答の選択肢セット「" + defaultSet + "」がありません", "no answer set \"" + defaultSet + "\""));
        }
        Double w = defaults.number("weight");
        defaultWeight = w == null ? 1 : w;
        defaultRequired = defaults.flag("required", true);
        List<Area> areas = new ArrayList<>();
        Set<String> areaIds = new java.util.HashSet<>();
        List<YamlNode> computedNodes = new ArrayList<>();
        for (YamlNode a : root.get("areas").items()) {
            if (a.get("include").missing()) {
                areas.add(area(a, areaIds));
            } else {
                areas.addAll(include(a, areaIds, computedNodes));
            }
        }
        if (questions.isEmpty()) {
            throw root.error(new Message("設問票には areas の下に設問が 1 つ以上必要です", "a questionnaire needs at least one question under areas"));
        }
        for (Question q : questions.values()) { // before computed items exist: applies_when reads answers only
            if (q.appliesWhen() != null) {
                checkCondition(q.appliesWhen(), conditionNodes.get(q.id()), q.id());
            }
        }
        computedNodes.addAll(root.get("computed").items());
        List<Computed> computed = new ArrayList<>();
        for (YamlNode c : computedNodes) {
            computed.add(computed(c));
        }
        List<Check> checks = new ArrayList<>();
        for (YamlNode c : root.get("checks").items()) {
            c.only(Set.of("id", "when", "ja", "en", "source"), new Message("確認項目（checks）", "a check"));
            String checkId = c.required("id");
            Condition when = condition(c.get("when"));
            checkCondition(when, c.get("when"), checkId);
            checks.add(new Check(checkId, when, Label.of(c), c.text("source")));
        }
        return new Questionnaire(id, version, Label.of(root, "title"), Label.of(root, "description"), Label.of(root, "source"),
                root.text("kind") == null ? "scored" : root.text("kind"), areas, computed, checks, rating(root.get("rating")),
                previousVersions(root.get("previous_versions")), file);
    }

    /**
     * {@code - include: ID} in an areas list splices in a bundled questionnaire's answer sets, areas
     * and computed items, so a rule table (the PIA threshold) is written once and used by two forms.
     */
    private List<Area> include(YamlNode at, Set<String> areaIds, List<YamlNode> computedNodes) {
        String id = at.text("include");
        if (!Questionnaire.BUNDLED.contains(id)) {
            throw new AssessException(Problem.at(at, null, new Message("取り込めるのは同梱の設問票だけです（「" + id + "」ではなく）",
                    "can only include a bundled questionnaire, not \"" + id + "\""), Suggest.didYouMean(id, Questionnaire.BUNDLED)));
        }
        YamlNode inc = YamlNode.parse(id + ".yaml (bundled)", Questionnaire.bundledText(id));
        for (Map.Entry<String, YamlNode> e : inc.get("answer_sets").entries()) {
            if (sets.containsKey(e.getKey())) {
                throw at.error(new Message("選択肢セット " + e.getKey() + " がここと取り込んだ " + id + " の両方で定義されています",
                        "answer set " + e.getKey() + " is defined both here and in included " + id));
            }
            sets.put(e.getKey(), answerSet(e.getKey(), e.getValue().get("choices")));
        }
        List<Area> out = new ArrayList<>();
        for (YamlNode a : inc.get("areas").items()) {
            out.add(area(a, areaIds));
        }
        computedNodes.addAll(inc.get("computed").items());
        return out;
    }

    private AnswerSet answerSet(String id, YamlNode choices) {
        List<Choice> out = new ArrayList<>();
        Set<String> keys = new java.util.HashSet<>();
        for (YamlNode c : choices.items()) {
            c.only(CHOICE, new Message("選択肢", "a choice"));
            String key = c.required("key");
            if (!keys.add(key)) {
                throw c.error(new Message("選択肢「" + key + "」が選択肢セット " + id + " に 2 回あります", "choice \"" + key + "\" is given twice in answer set " + id));
            }
            boolean na = c.flag("na", false);
            Double value = c.number("value");
            if (na && value != null) {
                throw c.error(new Message("該当なし（na）の選択肢に value は付けません", "a 該当なし (na) choice has no value"));
            }
            out.add(new Choice(key, Label.of(c), value, c.flag("deficiency", false), na, c.number("from"), c.number("below")));
        }
        if (out.isEmpty()) {
            throw choices.error(new Message("選択肢セット " + id + " に選択肢がありません", "answer set " + id + " has no choices"));
        }
        return new AnswerSet(id, out);
    }

    private Area area(YamlNode a, Set<String> areaIds) {
        a.only(AREA, new Message("分野", "an area"));
        String id = a.required("id");
        if (!areaIds.add(id)) {
            throw a.get("id").error(new Message("分野の id「" + id + "」が 2 回使われています", "area id \"" + id + "\" is used twice"));
        }
        List<Question> qs = new ArrayList<>();
        for (YamlNode q : a.get("questions").items()) {
            qs.add(question(q, id));
        }
        List<Area> subs = new ArrayList<>();
        for (YamlNode s : a.get("areas").items()) {
            subs.add(area(s, areaIds));
        }
        Area area = new Area(id, Label.of(a), a.number("max"), a.text("source"), qs, subs);
        if (area.declaredMax() != null) {
            double sum = area.allQuestions().stream().mapToDouble(Question::maxScore).sum();
            if (Math.abs(sum - area.declaredMax()) > 1e-9) {
                String declared = Render.number(area.declaredMax());
                String added = Render.number(sum);
                throw a.get("max").error(new Message("分野 " + id + " の満点は " + declared + " ですが、設問の合計（重み × 最高値）は " + added + " です",
                        "area " + id + " declares max " + declared + " but its questions add up to " + added + " (weight × highest value)"));
            }
        }
        return area;
    }

    private Question question(YamlNode q, String areaId) {
        q.only(QUESTION, new Message("設問", "a question"));
        String id = q.required("id");
        if (questions.containsKey(id)) {
            throw q.get("id").error(new Message("設問の id「" + id + "」が 2 回使われています", "question id \"" + id + "\" is used twice"));
        }
        String typeText = q.text("type");
        Question.Type type;
        try {
            type = typeText == null ? Question.Type.CHOICE : Question.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AssessException(Problem.at(q.get("type"), id, new Message("不明な type「" + typeText + "」です", "unknown type \"" + typeText + "\""),
                    new Message("choice・multi・text・date・number のいずれか", "choice, multi, text, date or number")));
        }
        AnswerSet set = null;
        if (type == Question.Type.CHOICE || type == Question.Type.MULTI) {
            if (!q.get("choices").missing()) {
                set = answerSet(id, q.get("choices"));
            } else {
                String name = q.text("answer_set") != null ? q.text("answer_set") : defaultSet;
                set = sets.get(name);
                if (set == null) {
                    throw new AssessException(Problem.at(q, id, name == null
                            ? new Message("選択肢セットがありません（answer_set、choices または defaults.answer_set を書きます）",
                                    "no answer set (give answer_set, choices or defaults.answer_set)")
                            : new Message("選択肢セット「" + name + "」がありません", "no answer set \"" + name + "\""),
                            Suggest.didYouMean(name == null ? "" : name, sets.keySet())));
                }
            }
        }
        Double weight = q.number("weight");
        if (weight != null && weight < 0) {
            throw q.get("weight").error(new Message("weight は負にできません", "weight must not be negative"));
        }
        Question.Hint hint = null;
        YamlNode h = q.get("hint");
        if (!h.missing()) {
            Difficulty d = h.text("difficulty") == null ? null : Difficulty.parse(h.text("difficulty"));
            if (h.text("difficulty") != null && d == null) {
                throw new AssessException(Problem.at(h.get("difficulty"), id, new Message("difficulty は low・medium・high（低・中・高）のいずれかです",
                        "difficulty must be low, medium or high (低・中・高)"), null));
            }
            hint = new Question.Hint(Label.of(h), d);
        }
        Condition when = null;
        if (!q.get("applies_when").missing()) {
            when = condition(q.get("applies_when"));
            conditionNodes.put(id, q.get("applies_when"));
        }
        String onChange = q.text("on_change");
        Question.Timing timing;
        try {
            timing = onChange == null ? Question.Timing.AFTER : Question.Timing.valueOf(onChange.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AssessException(Problem.at(q.get("on_change"), id, new Message("on_change は before・after・with_revision・ignore のいずれかです",
                    "on_change must be before, after, with_revision or ignore"), null));
        }
        Question question = new Question(id, areaId, type, Label.of(q), Label.of(q, "guidance"), q.text("source"),
                type == Question.Type.CHOICE ? (weight == null ? defaultWeight : weight) : 0, set,
                q.flag("required", defaultRequired), hint, when, q.text("ref"), timing, q.line());
        questions.put(id, question);
        return question;
    }

    private Condition condition(YamlNode c) {
        if (!c.isMap()) {
            String forms = "{q: ID, in: [KEY, …]}, {q: ID, has: KEY}, {all: […]}, {any: […]}, {not: …}";
            throw c.error(new Message("条件は対応付けで書きます: " + forms, "a condition is a mapping: " + forms));
        }
        if (!c.get("all").missing()) {
            return new Condition.All(c.get("all").items().stream().map(this::condition).toList());
        }
        if (!c.get("any").missing()) {
            return new Condition.Any(c.get("any").items().stream().map(this::condition).toList());
        }
        if (!c.get("not").missing()) {
            return new Condition.Not(condition(c.get("not")));
        }
        String q = c.required("q");
        if (!c.get("in").missing()) {
            YamlNode in = c.get("in");
            List<String> keys = in.isList() ? in.items().stream().map(YamlNode::text).toList() : List.of(in.text());
            return new Condition.In(q, keys);
        }
        if (!c.get("has").missing()) {
            return new Condition.Has(q, c.text("has"));
        }
        if (c.flag("answered", false)) {
            return new Condition.Answered(q);
        }
        throw c.error(new Message("設問 " + q + " の条件には in:、has: または answered: true が必要です", "a condition on question " + q + " needs in:, has: or answered: true"));
    }

    /** Conditions may only name existing questions and, for in/has, keys of that question's set. */
    private void checkCondition(Condition cond, YamlNode where, String owner) {
        if (cond instanceof Condition.All a) {
            a.all().forEach(x -> checkCondition(x, where, owner));
        } else if (cond instanceof Condition.Any a) {
            a.any().forEach(x -> checkCondition(x, where, owner));
        } else if (cond instanceof Condition.Not n) {
            checkCondition(n.not(), where, owner);
        } else if (cond instanceof Condition.In in) {
            in.keys().forEach(k -> checkKey(in.question(), k, where, owner));
        } else if (cond instanceof Condition.Has has) {
            checkKey(has.question(), has.key(), where, owner);
        } else if (cond instanceof Condition.Answered a) {
            checkKey(a.question(), null, where, owner);
        }
    }

    private void checkKey(String question, String key, YamlNode where, String owner) {
        AnswerSet computedSet = computedSets.get(question);
        if (computedSet != null && !question.equals(owner)) {
            if (key != null && computedSet.find(key).isEmpty()) {
                String results = String.join(", ", computedSet.keys());
                throw new AssessException(Problem.at(where, owner, new Message("算出項目 " + question + " に結果「" + key + "」はありません",
                        "computed item " + question + " has no result \"" + key + "\""), new Message("結果: " + results, "results: " + results)));
            }
            return;
        }
        Question q = questions.get(question);
        if (q == null || question.equals(owner)) {
            throw new AssessException(Problem.at(where, owner, q == null
                    ? new Message("条件の設問「" + question + "」がありません", "the condition names no such question \"" + question + "\"")
                    : new Message("条件が自分自身の設問を参照しています", "the condition names its own question"),
                    Suggest.didYouMean(question, questions.keySet())));
        }
        if (key != null && (q.answerSet() == null || q.answerSet().find(key).isEmpty())) {
            String keys = q.answerSet() == null ? null : String.join(", ", q.answerSet().keys());
            throw new AssessException(Problem.at(where, owner, new Message("設問 " + question + " に選択肢「" + key + "」はありません",
                    "question " + question + " has no choice \"" + key + "\""), keys == null ? null : new Message("選択肢: " + keys, "choices: " + keys)));
        }
    }

    private Computed computed(YamlNode c) {
        String id = c.required("id");
        String setName = c.required("answer_set");
        AnswerSet set = sets.get(setName);
        if (set == null) {
            throw c.get("answer_set").error(new Message("選択肢セット「" + setName + "」がありません", "no answer set \"" + setName + "\""));
        }
        List<Computed.Rule> rules = new ArrayList<>();
        for (YamlNode r : c.get("rules").items()) {
            String result = r.required("result");
            if (set.find(result).isEmpty()) {
                String keys = String.join(", ", set.keys());
                throw new AssessException(Problem.at(r.get("result"), id, new Message("「" + result + "」は " + setName + " の選択肢ではありません",
                        "\"" + result + "\" is not a choice of " + setName), new Message("選択肢: " + keys, "choices: " + keys)));
            }
            Condition when;
            if (r.flag("otherwise", false)) {
                when = new Condition.Always();
            } else {
                when = condition(r.get("when"));
                checkCondition(when, r.get("when"), id);
            }
            rules.add(new Computed.Rule(when, result));
        }
        if (rules.isEmpty()) {
            throw c.error(new Message("算出項目 " + id + " に規則（rules）がありません", "computed item " + id + " has no rules"));
        }
        computedSets.put(id, set);
        String inc = c.text("on_increase");
        Question.Timing onIncrease;
        try {
            onIncrease = inc == null ? Question.Timing.AFTER : Question.Timing.valueOf(inc.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AssessException(Problem.at(c.get("on_increase"), id, new Message("on_increase は before か after です", "on_increase must be before or after"), null));
        }
        return new Computed(id, Label.of(c), c.text("ref"), set, onIncrease, rules);
    }

    private List<RatingBand> rating(YamlNode r) {
        List<RatingBand> out = new ArrayList<>();
        double last = Double.MAX_VALUE;
        for (YamlNode b : r.items()) {
            Double min = b.number("min");
            if (min == null || min >= last) {
                throw b.error(new Message("評価の段階（rating）には min を、高い段階から順に書きます", "rating bands need min, from the highest band down"));
            }
            last = min;
            out.add(new RatingBand(min, b.required("key"), Label.of(b), b.text("color")));
        }
        return out;
    }

    private Map<String, Map<String, String>> previousVersions(YamlNode p) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (YamlNode v : p.items()) {
            Map<String, String> ids = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : v.get("ids").entries()) {
                ids.put(e.getKey(), e.getValue().text());
                if (!questions.containsKey(e.getValue().text())) {
                    throw e.getValue().error(new Message("以前の版の対応表が " + e.getKey() + " を存在しない設問 " + e.getValue().text() + " に対応付けています",
                            "previous version maps " + e.getKey() + " to unknown question " + e.getValue().text()));
                }
            }
            out.put(v.required("version"), ids);
        }
        return out;
    }
}
