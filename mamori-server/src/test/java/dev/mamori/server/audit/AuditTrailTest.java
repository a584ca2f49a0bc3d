package dev.mamori.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.H2ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The audit log for auditors: filtered, its chain checked on request, exported, and each look at it recorded. */
class AuditTrailTest extends H2ServerTest {

    static final RequestPostProcessor AUDITOR = user("kansa").roles("AUDITOR");

    @Autowired
    ObjectMapper json;

    private JsonNode api(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(AUDITOR)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anAuditorFiltersTheLogVerifiesItsChainAndIsRecordedDoingSo() throws Exception {
        mvc.perform(post("/api/requests").with(user("writer-a").roles("STAFF")).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"type": "PURPOSE", "received_on": "2026-01-05", "requester_name": "監査対象", "agent": "NONE", "status": "RECEIVED"}"""))
                .andExpect(status().isCreated());
        JsonNode mine = api("/api/audit?actor=writer-a&action=CREATE");
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.at("/rows/0/entity").asText()).isEqualTo("request");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(api("/api/audit?actor=writer-a&from=" + today + "&to=" + today).get("total").asInt()).isEqualTo(1);
        assertThat(api("/api/audit?actor=writer-a&to=" + today.minusDays(1)).get("total").asInt()).isZero();
        // looking at the log is in the log
        JsonNode looks = api("/api/audit?actor=kansa&entity=audit_log");
        assertThat(looks.get("total").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode verdict = json.readTree(mvc.perform(post("/api/audit/verify").with(AUDITOR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(verdict.get("entries").asLong()).isPositive();
        assertThat(verdict.get("first_bad").isNull()).isTrue();
        String page = mvc.perform(get("/audit").param("actor", "writer-a").with(AUDITOR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("監査ログ", "writer-a", "CREATE");
        mvc.perform(post("/audit/verify").with(AUDITOR).with(csrf())).andExpect(status().is3xxRedirection());
        byte[] csv = mvc.perform(get("/audit/export.csv").param("actor", "writer-a").with(AUDITOR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFseq,at (JST),actor").contains("writer-a,CREATE,request");
        mvc.perform(get("/api/audit").with(user("staff").roles("STAFF"))).andExpect(status().isForbidden());
    }

    @Autowired
    javax.sql.DataSource db;

    private long count(String sql) throws Exception {
        try (var c = db.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsFromManyRequestsAtOnceAreEachRecordedBeforeTheyAreAnsweredAndTheChainHolds() throws Exception {
        RequestPostProcessor reader = user("many-readers").roles("STAFF");
        int threads = 16;
        int each = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long before = count("select count(*) from audit_log where actor = 'many-readers'");
                        mvc.perform(get(me % 2 == 0 ? "/api/datasets" : "/api/requests").with(reader)).andExpect(status().isOk());
                        // answered only once its own entry is in: at least one more than before it was sent
                        assertThat(count("select count(*) from audit_log where actor = 'many-readers'")).isGreaterThan(before);
                        if (i % 4 == 0) {
                            mvc.perform(post("/api/requests").with(user("many-writers").roles("STAFF")).contentType(MediaType.APPLICATION_JSON)
                                    .content("""
                                            {"type": "PURPOSE", "received_on": "2026-01-05", "requester_name": "並行", "agent": "NONE",
                                             "status": "RECEIVED"}""")).andExpect(status().isCreated());
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from audit_log where actor = 'many-readers' and action = 'LIST'")).isEqualTo(threads * each);
        assertThat(count("select count(*) from audit_log where actor = 'many-writers' and action = 'CREATE'")).isEqualTo(threads * 3);
        try (var c = db.getConnection()) {
            AuditChain.Verdict v = AuditChain.verify(c);
            assertThat(v.intact()).as(v.problem()).isTrue();
        }
    }

    @Test
    void aReadWhoseEntryCannotBeWrittenIsNotAnswered() throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("alter table audit_log add constraint no_more_reads check (action <> 'LIST' or actor <> 'refused-reader')");
        }
        try {
            // no handler answers it: the server's error page (500), not the list
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/api/datasets").with(user("refused-reader").roles("STAFF"))))
                    .hasMessageContaining("the audit entry could not be written");
            // the writer goes on with the next group
            mvc.perform(get("/api/datasets").with(user("allowed-reader").roles("STAFF"))).andExpect(status().isOk());
        } finally {
            try (var c = db.getConnection(); var s = c.createStatement()) {
                s.execute("alter table audit_log drop constraint no_more_reads");
            }
        }
        try (var c = db.getConnection()) {
            assertThat(AuditChain.verify(c).intact()).isTrue();
        }
    }

    @Test
    void entriesAndCountChangesCommittedButNotChainedAreChainedAndFoldedWithTheNextGroup() throws Exception {
        // as a server killed between a change's commit and its chaining leaves them
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("insert into audit_pending (at, actor, action, entity, entity_id, detail)"
                    + " values ('2026-12-03T00:00:00Z', 'left-behind', 'CREATE', 'dataset', '999', null)");
            s.executeUpdate("insert into row_count_delta (name, delta) values ('dataset', 5)");
        }
        long kept = count("select n from row_count where name = 'dataset'");
        mvc.perform(get("/api/datasets").with(user("next-reader").roles("STAFF"))).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_pending")).isZero();
        assertThat(count("select count(*) from audit_log where actor = 'left-behind' and entity_id = '999'")).isEqualTo(1);
        assertThat(count("select count(*) from row_count_delta")).isZero();
        assertThat(count("select n from row_count where name = 'dataset'")).isEqualTo(kept + 5);
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("insert into row_count_delta (name, delta) values ('dataset', -5)");
        }
        mvc.perform(get("/api/datasets").with(user("next-reader").roles("STAFF"))).andExpect(status().isOk());
        assertThat(count("select n from row_count where name = 'dataset'")).isEqualTo(kept);
        try (var c = db.getConnection()) {
            assertThat(AuditChain.verify(c).intact()).isTrue();
        }
    }

    @Test
    void theLogsPagesLinkToTheNextAndPreviousPageWithTheSameFilter() throws Exception {
        for (int i = 0; i < 55; i++) {
            mvc.perform(get("/api/datasets").with(user("pager-user").roles("STAFF"))).andExpect(status().isOk());
        }
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("<p class=\"pager\">.*?</p>", java.util.regex.Pattern.DOTALL);
        String first = mvc.perform(get("/audit").param("actor", "pager-user").with(AUDITOR)).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = link.matcher(first);
        assertThat(m.find()).isTrue();
        assertThat(m.group()).contains("href=\"/audit?actor=pager-user").contains("page=1\"").doesNotContain("page=-1").containsAnyOf("1 / 2", "Page 1 of 2");
        String second = mvc.perform(get("/audit").param("actor", "pager-user").param("page", "1").with(AUDITOR)).andReturn().getResponse()
                .getContentAsString();
        m = link.matcher(second);
        assertThat(m.find()).isTrue();
        assertThat(m.group()).contains("href=\"/audit?actor=pager-user").contains("page=0\"").doesNotContain("page=2");
    }
}
