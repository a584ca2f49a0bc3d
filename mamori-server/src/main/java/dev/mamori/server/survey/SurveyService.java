package dev.mamori.server.survey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.assess.Question;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Response;
import dev.mamori.assess.SurveyTables;
import dev.mamori.report.Message;
import dev.mamori.server.assess.AssessmentService;
import dev.mamori.server.assess.ResponseJson;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.web.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys: a questionnaire answered by people without a login, each through a link of their own that answers once
 * (migration V12). The links are random 256-bit tokens of which only the SHA-256 is kept; a response is stored apart
 * from its link, and neither keeps a time that would pair them up. Answers leave the server only as cross tables with small cells suppressed.
 */
@Service
public class SurveyService {

    /** At most this many links at a time. */
    static final int MAX_LINKS = 5000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Survey(long id, String questionnaire, Long questionnaireFileId, String title, String round, int k, boolean open,
                         Instant createdAt, String createdBy, long links, long used, long responses) {
    }

    /** What a link leads to. */
    public enum LinkState { UNKNOWN, USED, CLOSED, OPEN }

    public record Link(LinkState state, Survey survey) {
    }

    private final JdbcClient jdbc;
    private final AssessmentService assessments;
    private final AuditLog audit;
    private final ObjectMapper json;

    SurveyService(JdbcClient jdbc, AssessmentService assessments, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.audit = audit;
        this.json = json;
    }

    private static final String SELECT = "select s.id, s.questionnaire, s.questionnaire_file_id, s.title, s.round_label, s.min_cell, s.is_open,"
            + " s.created_at, s.created_by,"
            + " (select count(*) from survey_link l where l.survey_id = s.id),"
            + " (select count(*) from survey_link l where l.survey_id = s.id and l.used = true),"
            + " (select count(*) from survey_response r where r.survey_id = s.id) from survey s";

    @Transactional(readOnly = true)
    public List<Survey> list() {
        return jdbc.sql(SELECT + " order by s.questionnaire, s.id").query(SurveyService::survey).list();
    }

    @Transactional(readOnly = true)
    public Survey get(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SurveyService::survey).optional()
                .orElseThrow(() -> new NotFoundException("survey", id));
    }

    public Questionnaire questionnaire(Survey s) {
        return assessments.questionnaire(s.questionnaire(), s.questionnaireFileId());
    }

    /** The surveys of the same questionnaire (the rounds and countries a table may put side by side). */
    @Transactional(readOnly = true)
    public List<Survey> siblings(Survey s) {
        return list().stream().filter(x -> x.questionnaire().equals(s.questionnaire())).toList();
    }

    /** Opens a survey; the map gets the form's fields that are wrong, with why. */
    @Transactional
    public long create(String source, String title, String round, int k, String by, Map<String, Message> problems) {
        Optional<AssessmentService.Picked> q = assessments.choose(source);
        if (q.isEmpty()) {
            problems.put("source", new Message("設問票を選んでください", "choose a questionnaire"));
        } else if (q.get().questionnaire().questions().values().stream().noneMatch(x -> x.answerSet() != null)) {
            problems.put("source", new Message("選択式の設問がなく、集計できません", "it has no choice questions to tabulate"));
        }
        if (title == null || title.isBlank() || title.length() > 400) {
            problems.put("title", new Message("名称を 400 文字以内で入力してください", "give a name of at most 400 characters"));
        }
        if (round == null || round.isBlank() || round.length() > 100) {
            problems.put("round", new Message("回・地域の名前を 100 文字以内で入力してください（例: 2007 日本）", "name the round in at most 100 characters (e.g. 2007 Japan)"));
        }
        if (k < 2 || k > 1000) {
            problems.put("k", new Message("最小セルサイズは 2〜1000 です", "the minimum cell size is 2 to 1000"));
        }
        if (!problems.isEmpty()) {
            return 0;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into survey (questionnaire, questionnaire_file_id, title, round_label, min_cell, is_open, created_at, created_by)"
                        + " values (?, ?, ?, ?, ?, true, ?, ?)")
                .params(q.get().questionnaire().id(), q.get().fileId(), title.strip(), round.strip(), k, Timestamp.from(Instant.now()), by)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(AuditLog.Action.CREATE, "survey", id, q.get().questionnaire().id() + ", k " + k);
        return id;
    }

    @Transactional
    public void setOpen(long id, boolean open) {
        get(id);
        jdbc.sql("update survey set is_open = ? where id = ?").params(open, id).update();
        audit.record(AuditLog.Action.UPDATE, "survey", id, open ? "opened" : "closed");
    }

    /** Makes {@code n} new links and returns their tokens: they are shown this once, only their hashes are kept. */
    @Transactional
    public List<String> makeLinks(long id, int n) {
        get(id);
        if (n < 1 || n > MAX_LINKS) {
            throw new dev.mamori.server.web.BadInputException("make 1 to " + MAX_LINKS + " links at a time");
        }
        List<String> tokens = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            jdbc.sql("insert into survey_link (token_sha256, survey_id, created_at, used) values (?, ?, ?, false)").params(sha256(token), id, now).update();
            tokens.add(token);
        }
        audit.record(AuditLog.Action.CREATE, "survey_link", id, n + " links");
        return tokens;
    }

    @Transactional(readOnly = true)
    public Link link(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return new Link(LinkState.UNKNOWN, null);
        }
        record Row(long survey, boolean used) {
        }
        Optional<Row> row = jdbc.sql("select survey_id, used from survey_link where token_sha256 = ?").param(sha256(token))
                .query((rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2))).optional();
        if (row.isEmpty()) {
            return new Link(LinkState.UNKNOWN, null);
        }
        Survey s = get(row.get().survey());
        return new Link(row.get().used() ? LinkState.USED : !s.open() ? LinkState.CLOSED : LinkState.OPEN, s);
    }

    /**
     * Checks one response as the form sends it (question id → the chosen keys or the text) against the questionnaire.
     *
     * @return the answers, with the problems by question id in {@code problems}
     */
    public Map<String, Response> check(Questionnaire q, Map<String, List<String>> form, Map<String, Message> problems) {
        Map<String, Response> out = new LinkedHashMap<>();
        for (Question question : q.questions().values()) {
            if (!dev.mamori.assess.Assessment.applies(question, out)) {
                continue;
            }
            Question.Given given = question.read(form.get(question.id()));
            if (given.problem() != null) {
                problems.put(question.id(), given.problem());
            } else if (given.response() != null) {
                out.put(question.id(), given.response());
            } else if (question.required()) {
                problems.put(question.id(), new Message("回答してください", "please answer"));
            }
        }
        return out;
    }

    /**
     * Keeps a response given through a link and marks the link used, in one transaction.
     *
     * @return false when the link was used meanwhile (nothing is kept then)
     */
    @Transactional
    public boolean respond(String token, long surveyId, Map<String, Response> answers) {
        int n = jdbc.sql("update survey_link set used = true where token_sha256 = ? and used = false").param(sha256(token)).update();
        if (n == 0) {
            return false;
        }
        insert(surveyId, answers, "web");
        return true;
    }

    /** Keeps responses entered from paper forms (checked beforehand by {@link #check}). */
    @Transactional
    public void importResponses(long surveyId, List<Map<String, Response>> responses, String by) {
        get(surveyId);
        responses.forEach(r -> insert(surveyId, r, "import"));
        audit.record(AuditLog.Action.CREATE, "survey_response", surveyId, responses.size() + " imported by " + by);
    }

    private void insert(long surveyId, Map<String, Response> answers, String channel) {
        Map<String, Object> node = new LinkedHashMap<>();
        answers.forEach((k, v) -> node.put(k, ResponseJson.node(v)));
        try {
            jdbc.sql("insert into survey_response (survey_id, answers_json, channel) values (?, ?, ?)")
                    .params(surveyId, json.writeValueAsString(node), channel).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The responses of these surveys, each with its survey's id as its group (for the cross tables). */
    @Transactional
    public List<SurveyTables.Respondent> respondents(List<Survey> surveys) {
        List<SurveyTables.Respondent> out = new ArrayList<>();
        for (Survey s : surveys) {
            for (String text : jdbc.sql("select answers_json from survey_response where survey_id = ? order by id").param(s.id())
                    .query(String.class).list()) {
                Map<String, Response> answers = new LinkedHashMap<>();
                try {
                    JsonNode n = json.readTree(text);
                    n.fieldNames().forEachRemaining(f -> answers.put(f, ResponseJson.read(n.get(f))));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a stored response is not JSON", e);
                }
                out.add(new SurveyTables.Respondent(Long.toString(s.id()), answers));
            }
        }
        audit.record(AuditLog.Action.READ, "survey_response", surveys.stream().map(s -> Long.toString(s.id())).toList().toString(),
                out.size() + " responses tabulated");
        return out;
    }

    private static Survey survey(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long file = rs.getLong(3);
        Long fileId = rs.wasNull() ? null : file;
        return new Survey(rs.getLong(1), rs.getString(2), fileId, rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
