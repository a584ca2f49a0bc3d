package dev.mamori.server.assess;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Assessments in the database (plain SQL, the same on H2 and PostgreSQL; migrations V10 and V11). */
@Repository
public class AssessmentStore {

    /** An assessment's own row, with how many rounds were submitted. */
    public record Header(long id, String questionnaire, Long questionnaireFileId, String title, String organisation, String systemName,
                  Long datasetId, Instant updatedAt, String updatedBy, int revisions) {
    }

    /** A working answer: the response as JSON (null: only a comment so far). */
    public record SavedAnswer(String questionId, String responseJson, String comment, Instant updatedAt, String updatedBy) {
    }

    public record SavedPlan(String questionId, String action, String owner, LocalDate dueOn, String difficulty, String expected) {
    }

    public record Evidence(long id, String questionId, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
                    String uploadedBy) {
    }

    public record Revision(int revision, String reason, Instant submittedAt, String submittedBy) {
    }

    public record UploadedQuestionnaire(long id, String questionnaire, String version, String title, Instant uploadedAt, String uploadedBy) {
    }

    /** A plan item with a due day, and the assessment it belongs to (for the dashboard). */
    public record DueItem(long assessmentId, String assessmentTitle, String questionId, String action, String owner, LocalDate dueOn) {
    }

    private static final String HEADER = "select a.id, a.questionnaire, a.questionnaire_file_id, a.title, a.organisation, a.system_name,"
            + " a.dataset_id, a.updated_at, a.updated_by,"
            + " (select count(*) from assessment_revision r where r.assessment_id = a.id) as revisions from assessment a";

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String questionnaire, Long fileId, String title, String organisation, String system, Long datasetId, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into assessment (questionnaire, questionnaire_file_id, title, organisation, system_name, dataset_id,"
                        + " created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(questionnaire, fileId, title, organisation, system, datasetId, now, by, now, by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<Header> get(long id) {
        return jdbc.sql(HEADER + " where a.id = ?").param(id).query(AssessmentStore::header).optional();
    }

    List<Header> list() {
        return jdbc.sql(HEADER + " order by a.updated_at desc, a.id desc").query(AssessmentStore::header).list();
    }

    List<Header> forDataset(long datasetId) {
        return jdbc.sql(HEADER + " where a.dataset_id = ? order by a.id").param(datasetId).query(AssessmentStore::header).list();
    }

    void touch(long id, String by) {
        jdbc.sql("update assessment set updated_at = ?, updated_by = ? where id = ?").params(Timestamp.from(Instant.now()), by, id).update();
    }

    Map<String, SavedAnswer> answers(long id) {
        Map<String, SavedAnswer> out = new LinkedHashMap<>();
        jdbc.sql("select question_id, response_json, answer_comment, updated_at, updated_by from assessment_answer where assessment_id = ?")
                .param(id)
                .query((rs, n) -> new SavedAnswer(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5)))
                .list().forEach(a -> out.put(a.questionId(), a));
        return out;
    }

    /** Saves one question's answer (both null: removes it). */
    void saveAnswer(long id, String questionId, String responseJson, String comment, String by) {
        if (responseJson == null && comment == null) {
            jdbc.sql("delete from assessment_answer where assessment_id = ? and question_id = ?").params(id, questionId).update();
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        int n = jdbc.sql("update assessment_answer set response_json = ?, answer_comment = ?, updated_at = ?, updated_by = ?"
                        + " where assessment_id = ? and question_id = ?")
                .params(responseJson, comment, now, by, id, questionId).update();
        if (n == 0) {
            jdbc.sql("insert into assessment_answer (assessment_id, question_id, response_json, answer_comment, updated_at, updated_by)"
                    + " values (?, ?, ?, ?, ?, ?)").params(id, questionId, responseJson, comment, now, by).update();
        }
    }

    Map<String, SavedPlan> plan(long id) {
        Map<String, SavedPlan> out = new LinkedHashMap<>();
        jdbc.sql("select question_id, action, owner, due_on, difficulty, expected from assessment_plan where assessment_id = ?"
                        + " order by question_id")
                .param(id)
                .query((rs, n) -> new SavedPlan(rs.getString(1), rs.getString(2), rs.getString(3), date(rs, 4), rs.getString(5), rs.getString(6)))
                .list().forEach(p -> out.put(p.questionId(), p));
        return out;
    }

    /** Saves one question's plan item (null: removes it). */
    void savePlan(long id, String questionId, SavedPlan p, String by) {
        jdbc.sql("delete from assessment_plan where assessment_id = ? and question_id = ?").params(id, questionId).update();
        if (p != null) {
            jdbc.sql("insert into assessment_plan (assessment_id, question_id, action, owner, due_on, difficulty, expected, updated_at, updated_by)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, questionId, p.action(), p.owner(), p.dueOn() == null ? null : Date.valueOf(p.dueOn()), p.difficulty(),
                            p.expected(), Timestamp.from(Instant.now()), by)
                    .update();
        }
    }

    List<Evidence> evidence(long id) {
        return jdbc.sql("select id, question_id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by"
                        + " from assessment_evidence where assessment_id = ? order by id")
                .param(id)
                .query((rs, n) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), instant(rs, 7), rs.getString(8)))
                .list();
    }

    long addEvidence(long id, String questionId, String fileName, String contentType, byte[] data, String sha256, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into assessment_evidence (assessment_id, question_id, file_name, content_type, size_bytes, sha256, data,"
                        + " uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, questionId, fileName, contentType, (long) data.length, sha256, data, Timestamp.from(Instant.now()), by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** An evidence file's bytes, only as part of its own assessment. */
    Optional<byte[]> evidenceData(long id, long evidenceId) {
        return jdbc.sql("select data from assessment_evidence where assessment_id = ? and id = ?").params(id, evidenceId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    List<Revision> revisions(long id) {
        return jdbc.sql("select revision, reason, submitted_at, submitted_by from assessment_revision where assessment_id = ? order by revision")
                .param(id)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .list();
    }

    Optional<String> revisionYaml(long id, int revision) {
        return jdbc.sql("select answers_yaml from assessment_revision where assessment_id = ? and revision = ?").params(id, revision)
                .query(String.class).optional();
    }

    /** Adds the next round and returns its number (the primary key refuses a concurrent submission of the same number). */
    int addRevision(long id, String yaml, String reason, String by) {
        int next = jdbc.sql("select coalesce(max(revision), 0) + 1 from assessment_revision where assessment_id = ?").param(id)
                .query(Integer.class).single();
        jdbc.sql("insert into assessment_revision (assessment_id, revision, answers_yaml, reason, submitted_at, submitted_by)"
                + " values (?, ?, ?, ?, ?, ?)").params(id, next, yaml, reason, Timestamp.from(Instant.now()), by).update();
        return next;
    }

    List<UploadedQuestionnaire> uploaded() {
        return jdbc.sql("select id, questionnaire, version, title, uploaded_at, uploaded_by from questionnaire_file order by questionnaire, id")
                .query((rs, n) -> new UploadedQuestionnaire(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5), rs.getString(6)))
                .list();
    }

    Optional<String> uploadedYaml(long fileId) {
        return jdbc.sql("select yaml from questionnaire_file where id = ?").param(fileId).query(String.class).optional();
    }

    boolean uploadedExists(String questionnaire, String version) {
        return jdbc.sql("select count(*) from questionnaire_file where questionnaire = ? and version = ?").params(questionnaire, version)
                .query(Long.class).single() > 0;
    }

    long upload(String questionnaire, String version, String title, String yaml, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into questionnaire_file (questionnaire, version, title, yaml, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?)")
                .params(questionnaire, version, title, yaml, Timestamp.from(Instant.now()), by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Plan items due on or before {@code until}, earliest first. */
    List<DueItem> due(LocalDate until, int limit) {
        return jdbc.sql("select p.assessment_id, a.title, p.question_id, p.action, p.owner, p.due_on from assessment_plan p"
                        + " join assessment a on a.id = p.assessment_id where p.due_on <= ? order by p.due_on, p.assessment_id, p.question_id limit ?")
                .params(Date.valueOf(until), limit)
                .query((rs, n) -> new DueItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), date(rs, 6)))
                .list();
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        long fileId = rs.getLong(3);
        Long file = rs.wasNull() ? null : fileId;
        long datasetId = rs.getLong(7);
        Long dataset = rs.wasNull() ? null : datasetId;
        return new Header(rs.getLong(1), rs.getString(2), file, rs.getString(4), rs.getString(5), rs.getString(6), dataset, instant(rs, 8),
                rs.getString(9), rs.getInt(10));
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static LocalDate date(ResultSet rs, int col) throws SQLException {
        Date d = rs.getDate(col);
        return d == null ? null : d.toLocalDate();
    }
}
