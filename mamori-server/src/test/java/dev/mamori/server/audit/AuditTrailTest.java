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
}
