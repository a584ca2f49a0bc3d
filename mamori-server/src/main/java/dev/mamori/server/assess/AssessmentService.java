package dev.mamori.server.assess;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.assess.Answer;
import dev.mamori.assess.Answers;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Difficulty;
import dev.mamori.assess.PlanItem;
import dev.mamori.assess.Problem;
import dev.mamori.assess.Question;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Response;
import dev.mamori.report.Message;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.web.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments answered in the browser. The working answers are saved one question at a time; a submitted round is
 * frozen as the answers file of the command line ({@link Assessment#write}), read back by the same reader
 * ({@link Assessment#read}), so the server's scores, comparisons and change histories are the CLI's.
 */
@Service
public class AssessmentService {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    static final int MAX_TEXT = Question.MAX_TEXT;

    /** Where the questionnaire of a new assessment comes from: {@code bundled:ID} or {@code file:N}. */
    public record Source(String value, String label) {
    }

    /** One assessment's working copy, as saved. */
    public record Working(AssessmentStore.Header header, Questionnaire questionnaire, Map<String, AssessmentStore.SavedAnswer> saved,
                          Map<String, Response> responses, Map<String, AssessmentStore.SavedPlan> plan,
                          List<AssessmentStore.Evidence> evidence) {

        public boolean applies(Question q) {
            return Assessment.applies(q, responses);
        }

        public List<AssessmentStore.Evidence> evidenceOf(String questionId) {
            return evidence.stream().filter(e -> e.questionId().equals(questionId)).toList();
        }

        /** The working copy as the core's answers, to score a draft (answers with only a comment are left out). */
        public Answers answers(String lang) {
            Map<String, Answer> out = new LinkedHashMap<>();
            for (Question q : questionnaire.questions().values()) {
                Response r = responses.get(q.id());
                if (r != null) {
                    AssessmentStore.SavedAnswer s = saved.get(q.id());
                    String files = evidenceOf(q.id()).stream().map(AssessmentStore.Evidence::fileName).collect(Collectors.joining(", "));
                    out.put(q.id(), new Answer(q.id(), r, s.comment(), files.isEmpty() ? null : files, 0, 0));
                }
            }
            List<PlanItem> items = plan.values().stream()
                    .map(p -> new PlanItem(p.questionId(), p.action(), p.owner(), p.dueOn() == null ? null : p.dueOn().toString(),
                            p.difficulty() == null ? null : Difficulty.valueOf(p.difficulty()), p.expected(), 0))
                    .toList();
            return new Answers("assessment " + header.id(), questionnaire, questionnaire.version(), meta(null, null, lang), out, items);
        }

        Answers.Meta meta(String assessor, String reason, String lang) {
            return new Answers.Meta(header.organisation(), header.systemName(), LocalDate.now(JAPAN).toString(), assessor, reason, null, lang);
        }
    }

    /**
     * What saving one answer gave: the problem with it (null: saved), whether it was someone else's later save, and the
     * working copy before and after (the same when nothing was saved).
     */
    public record Saved(Message problem, boolean conflict, Working before, Working working) {
    }

    private final AssessmentStore store;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final Map<Long, Questionnaire> uploaded = new ConcurrentHashMap<>();

    AssessmentService(AssessmentStore store, AuditLog audit, ObjectMapper json, JdbcClient jdbc) {
        this.store = store;
        this.audit = audit;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** The questionnaires a new assessment may use: the bundled ones, then those uploaded. */
    public List<Source> sources(String lang) {
        List<Source> out = new ArrayList<>();
        for (String id : Questionnaire.BUNDLED) {
            Questionnaire q = Questionnaire.bundled(id);
            out.add(new Source("bundled:" + id, q.title().in(lang) + "（" + id + " " + q.version() + "）"));
        }
        for (AssessmentStore.UploadedQuestionnaire u : store.uploaded()) {
            out.add(new Source("file:" + u.id(), u.title() + "（" + u.questionnaire() + " " + u.version() + "）"));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public List<AssessmentStore.Header> list() {
        return store.list();
    }

    @Transactional(readOnly = true)
    public List<AssessmentStore.Header> forDataset(long datasetId) {
        return store.forDataset(datasetId);
    }

    @Transactional(readOnly = true)
    public List<AssessmentStore.UploadedQuestionnaire> uploaded() {
        return store.uploaded();
    }

    @Transactional(readOnly = true)
    public List<AssessmentStore.DueItem> due(LocalDate until, int limit) {
        return store.due(until, limit);
    }

    /** A questionnaire chosen from {@link #sources}: bundled ({@code fileId} null) or uploaded. */
    public record Picked(Questionnaire questionnaire, Long fileId) {
    }

    /** The questionnaire a source value of {@link #sources} names, if it names one. */
    public Optional<Picked> choose(String source) {
        if (source != null && source.startsWith("bundled:") && Questionnaire.BUNDLED.contains(source.substring(8))) {
            return Optional.of(new Picked(Questionnaire.bundled(source.substring(8)), null));
        }
        if (source != null && source.matches("file:\\d{1,18}")) {
            long fileId = Long.parseLong(source.substring(5));
            return uploadedQuestionnaire(fileId).map(q -> new Picked(q, fileId));
        }
        return Optional.empty();
    }

    /** The questionnaire of that id, bundled ({@code fileId} null) or uploaded. */
    public Questionnaire questionnaire(String id, Long fileId) {
        if (fileId == null) {
            return Questionnaire.bundled(id);
        }
        return uploadedQuestionnaire(fileId).orElseThrow(() -> new NotFoundException("questionnaire file", fileId));
    }

    /** Creates an assessment; the map's keys are the form's fields whose values are wrong, with why. */
    @Transactional
    public long create(String source, String title, String organisation, String system, Long datasetId, String by,
                       Map<String, Message> problems) {
        Optional<Picked> chosen = choose(source);
        Questionnaire q = chosen.map(Picked::questionnaire).orElse(null);
        Long fileId = chosen.map(Picked::fileId).orElse(null);
        if (q == null) {
            problems.put("source", new Message("設問票を選んでください", "choose a questionnaire"));
        }
        if (title == null || title.isBlank()) {
            problems.put("title", new Message("名称を入力してください", "give the assessment a name"));
        }
        if (datasetId != null && jdbc.sql("select count(*) from dataset where id = ?").param(datasetId).query(Long.class).single() == 0) {
            problems.put("dataset", new Message("その番号の台帳の項目はありません", "no dataset has that number"));
        }
        for (var f : Map.of("title", String.valueOf(title), "organisation", String.valueOf(organisation), "system", String.valueOf(system)).entrySet()) {
            if (f.getValue().length() > 400) {
                problems.put(f.getKey(), new Message("400 文字までです", "at most 400 characters"));
            }
        }
        if (!problems.isEmpty()) {
            return 0;
        }
        long id = store.create(q.id(), fileId, title.strip(), blank(organisation), blank(system), datasetId, by);
        audit.record(AuditLog.Action.CREATE, "assessment", id, q.id() + " " + q.version());
        return id;
    }

    @Transactional(readOnly = true)
    public Working working(long id) {
        AssessmentStore.Header h = store.get(id).orElseThrow(() -> new NotFoundException("assessment", id));
        Questionnaire q = questionnaire(h);
        Map<String, AssessmentStore.SavedAnswer> saved = store.answers(id);
        Map<String, Response> responses = new LinkedHashMap<>();
        Map<String, Question> questions = q.questions();
        for (Question question : questions.values()) {
            AssessmentStore.SavedAnswer s = saved.get(question.id());
            if (s != null && s.responseJson() != null) {
                responses.put(question.id(), ResponseJson.read(json, s.responseJson()));
            }
        }
        // an answer to a question that no longer applies stays saved (it counts again when the question applies again)
        // but is not part of the answers: it is hidden on the page, left out of scores and of a submitted round
        boolean dropped = true;
        while (dropped) {
            dropped = responses.keySet().removeIf(qid -> !Assessment.applies(questions.get(qid), responses));
        }
        return new Working(h, q, saved, responses, store.plan(id), store.evidence(id));
    }

    /**
     * Saves one question's answer and comment as the form sends them: {@code values} are the chosen keys (one for a
     * choice, any for a multiple choice) or the written text; none or blank removes the answer. {@code seen} is when the
     * answer the page showed was saved ("" for none; null: not checked): a later save by someone else is not overwritten.
     */
    @Transactional
    public Saved saveAnswer(long id, String questionId, List<String> values, String comment, String seen, String by) {
        Working w = working(id);
        Question q = w.questionnaire().question(questionId).orElseThrow(() -> new NotFoundException("question", questionId));
        // several people answer one assessment: an answer saved by someone else since this page was loaded is not overwritten
        AssessmentStore.SavedAnswer current = w.saved().get(questionId);
        String now = current == null ? "" : current.updatedAt().toString();
        if (seen != null && !seen.equals(now) && current != null && !current.updatedBy().equals(by)) {
            String at = java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(current.updatedAt().atZone(JAPAN));
            return new Saved(new Message(current.updatedBy() + " さんが " + at + " に変更したため保存していません。再読み込みして確かめてください",
                    current.updatedBy() + " changed this answer at " + at + ": not saved. Reload the page to see it"), true, w, w);
        }
        Question.Given given = q.read(values);
        Response r = given.response();
        Message problem = given.problem();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (problem == null && note != null && note.length() > MAX_TEXT) {
            problem = new Message("コメントは " + MAX_TEXT + " 文字までです", "a comment has at most " + MAX_TEXT + " characters");
        }
        if (problem != null) {
            return new Saved(problem, false, w, w);
        }
        store.saveAnswer(id, questionId, r == null ? null : ResponseJson.write(json, r), note, by);
        store.touch(id, by);
        audit.record(AuditLog.Action.UPDATE, "assessment", id, "answer " + questionId);
        return new Saved(null, false, w, working(id));
    }

    /** Saves one question's improvement plan item (a blank action removes it); the map gets what is wrong, by field. */
    @Transactional
    public void savePlan(long id, String questionId, String action, String owner, String due, String difficulty, String expected, String by,
                         Map<String, Message> problems) {
        Working w = working(id);
        Question q = w.questionnaire().question(questionId).orElseThrow(() -> new NotFoundException("question", questionId));
        if (action == null || action.isBlank()) {
            store.savePlan(id, questionId, null, by);
            store.touch(id, by);
            audit.record(AuditLog.Action.UPDATE, "assessment", id, "plan " + questionId + " removed");
            return;
        }
        LocalDate dueOn = null;
        if (due != null && !due.isBlank()) {
            try {
                dueOn = LocalDate.parse(due.strip());
            } catch (DateTimeParseException e) {
                problems.put("due", new Message("日付ではありません（2026-06-30）", "not a date (2026-06-30)"));
            }
        }
        String level = difficulty == null || difficulty.isBlank() ? null : difficulty.strip().toUpperCase(Locale.ROOT);
        if (level != null && java.util.Arrays.stream(Difficulty.values()).noneMatch(d -> d.name().equals(level))) {
            problems.put("difficulty", new Message("難易度を選んでください", "choose a difficulty"));
        }
        if (!q.scored() || expected == null || q.answerSet().find(expected).isEmpty()) {
            problems.put("expected", new Message("改善後の回答を選んでください", "choose the answer expected after the improvement"));
        }
        for (var f : Map.of("action", action, "owner", owner == null ? "" : owner).entrySet()) {
            if (f.getValue().length() > ("action".equals(f.getKey()) ? 2000 : 200)) {
                problems.put(f.getKey(), new Message("長すぎます", "too long"));
            }
        }
        if (!problems.isEmpty()) {
            return;
        }
        store.savePlan(id, questionId, new AssessmentStore.SavedPlan(questionId, action.strip(), blankToNull(owner), dueOn, level, expected), by);
        store.touch(id, by);
        audit.record(AuditLog.Action.UPDATE, "assessment", id, "plan " + questionId);
    }

    @Transactional
    public long addEvidence(long id, String questionId, String fileName, String contentType, byte[] data, String by) {
        Working w = working(id);
        w.questionnaire().question(questionId).orElseThrow(() -> new NotFoundException("question", questionId));
        String base = fileName == null ? "" : fileName.replace('\\', '/').replace("\0", "");
        base = base.substring(base.lastIndexOf('/') + 1);
        String name = base.isBlank() ? "evidence" : base;
        if (name.length() > 300) {
            name = name.substring(name.length() - 300);
        }
        String type = contentType == null || contentType.isBlank() || contentType.length() > 200 ? "application/octet-stream" : contentType;
        long e = store.addEvidence(id, questionId, name, type,
                data, sha256(data), by);
        store.touch(id, by);
        audit.record(AuditLog.Action.CREATE, "assessment_evidence", e, "assessment " + id + ", question " + questionId + ", " + data.length + " bytes");
        return e;
    }

    @Transactional
    public Optional<byte[]> evidence(long id, long evidenceId) {
        Optional<byte[]> data = store.evidenceData(id, evidenceId);
        data.ifPresent(d -> audit.record(AuditLog.Action.READ, "assessment_evidence", evidenceId, "assessment " + id));
        return data;
    }

    /**
     * Submits the working copy as the next round: written as an answers file, read back with every required question
     * answered, and kept unchanged from then on.
     *
     * @throws AssessException with every problem (unanswered questions, comments without an answer) when it cannot be
     *                         submitted; nothing is saved then
     */
    @Transactional
    public int submit(long id, String reason, String lang, String by) {
        Working w = working(id);
        List<Problem> problems = new ArrayList<>();
        w.saved().values().stream().filter(s -> s.responseJson() == null && w.questionnaire().question(s.questionId()).filter(w::applies).isPresent())
                .forEach(s -> problems.add(new Problem(null, 0, 0, s.questionId(),
                        new Message("コメントだけで回答がありません", "a comment without an answer"), null, false)));
        Answers a = w.answers(lang);
        String yaml = Assessment.write(w.questionnaire(), w.meta(by, blankToNull(reason), lang), a.answers(), a.plan(), lang);
        try {
            Assessment.read(fileName(id, 0), yaml, w.questionnaire(), false);
        } catch (AssessException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new AssessException(problems);
        }
        int revision = store.addRevision(id, yaml, blankToNull(reason), by);
        store.touch(id, by);
        audit.record(AuditLog.Action.CREATE, "assessment_revision", id + "/" + revision, w.questionnaire().id());
        return revision;
    }

    @Transactional(readOnly = true)
    public List<AssessmentStore.Revision> revisions(long id) {
        return store.revisions(id);
    }

    /** A submitted round as the answers file it was frozen as. */
    @Transactional(readOnly = true)
    public String revisionYaml(long id, int revision) {
        return store.revisionYaml(id, revision).orElseThrow(() -> new NotFoundException("revision", id + "/" + revision));
    }

    /** A submitted round, read as the command line reads it. */
    @Transactional(readOnly = true)
    public Answers revision(long id, int revision) {
        AssessmentStore.Header h = store.get(id).orElseThrow(() -> new NotFoundException("assessment", id));
        return Assessment.read(fileName(id, revision), revisionYaml(id, revision), questionnaire(h), true);
    }

    /**
     * Checks and keeps a questionnaire file an administrator uploaded.
     *
     * @throws AssessException with the file's problems by line and column
     */
    @Transactional
    public long upload(String fileName, byte[] bytes, String by) {
        Questionnaire q = Questionnaire.parse(fileName, bytes);
        String text = dev.mamori.yaml.YamlNode.decodeUtf8(fileName, bytes);
        if (q.id().length() > 100 || q.version().length() > 40) {
            throw new AssessException(List.of(new Problem(fileName, 0, 0, null, new Message("id は 100 文字、version は 40 文字までです",
                    "the id may have 100 characters and the version 40"), null, false)));
        }
        if (Questionnaire.BUNDLED.contains(q.id()) || store.uploadedExists(q.id(), q.version())) {
            throw new AssessException(List.of(new Problem(fileName, 0, 0, null, new Message("設問票 " + q.id() + " の版 " + q.version() + " はすでにあります",
                    "questionnaire " + q.id() + " version " + q.version() + " exists already"), null, false)));
        }
        String title = q.title().in("ja");
        long fileId = store.upload(q.id(), q.version(), title.length() > 400 ? title.substring(0, 400) : title, text, by);
        audit.record(AuditLog.Action.CREATE, "questionnaire_file", fileId, q.id() + " " + q.version());
        return fileId;
    }

    Questionnaire questionnaire(AssessmentStore.Header h) {
        return questionnaire(h.questionnaire(), h.questionnaireFileId());
    }

    private Optional<Questionnaire> uploadedQuestionnaire(long fileId) {
        Questionnaire q = uploaded.get(fileId);
        if (q == null) {
            Optional<String> yaml = store.uploadedYaml(fileId);
            if (yaml.isEmpty()) {
                return Optional.empty();
            }
            q = Questionnaire.parse("questionnaire-" + fileId + ".yaml", yaml.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            uploaded.put(fileId, q);
        }
        return Optional.of(q);
    }

    /** The name a round's answers file has in messages and downloads. */
    static String fileName(long id, int revision) {
        return "assessment-" + id + (revision > 0 ? "-r" + revision : "") + ".yaml";
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
