package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.audit.AuditChain;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The registers over REST — provision records, transfers abroad, requests, incidents — with the rules each basis
 * brings, the deadlines and keeping periods computed, the purge, optimistic locking, history, the dashboard and the
 * audit chain: the same tests on H2 ({@link RegisterApiH2Test}) and PostgreSQL ({@link RegisterApiPostgresTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class RegisterApiContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource db;

    static final RequestPostProcessor STAFF = user("suzuki").roles("STAFF");
    static final RequestPostProcessor OFFICER = user("tanaka").roles("PRIVACY_OFFICER");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    JsonNode send(String register, String body, ResultMatcher expect) throws Exception {
        String r = mvc.perform(post("/api/" + register).with(STAFF).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "ja"))
                .andExpect(expect).andReturn().getResponse().getContentAsString();
        return json.readTree(r);
    }

    JsonNode create(String register, String body) throws Exception {
        return send(register, body, status().isCreated());
    }

    /** The fields a refused body was refused for. */
    java.util.List<String> refused(String register, String body) throws Exception {
        return send(register, body, status().isBadRequest()).get("errors").findValuesAsText("field");
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    static String provided(String extra) {
        return """
                {"direction": "PROVIDED", "basis": "CONSENT", "form": "EACH", "made_on": "%s", "counterparty_name": "株式会社みなと",
                 "person_identification": "会員番号", "data_items": "氏名、住所", "consent_obtained": true%s}"""
                .formatted(TODAY.minusDays(1), extra);
    }

    @Test
    void aProvisionRecordIsKeptThreeYearsFromTheDayItWasMade() throws Exception {
        JsonNode r = create("provisions", provided(""));
        LocalDate made = TODAY.minusDays(1);
        assertThat(r.at("/derived/keep_until").asText()).isEqualTo(made.plusYears(3).minusDays(1).toString());
        assertThat(r.at("/data/direction").asText()).isEqualTo("PROVIDED");
        assertThat(r.get("version").asInt()).isEqualTo(1);
        JsonNode contract = create("provisions", provided("").replace("\"EACH\"", "\"CONTRACT\"")
                .replace("\"consent_obtained\": true", "\"consent_obtained\": true, \"last_event_on\": \"2024-02-29\""));
        assertThat(contract.at("/derived/keep_until").asText()).isEqualTo("2025-02-28");
    }

    @Test
    void eachBasisRequiresItsOwnItems() throws Exception {
        // opt-out provision: the date is required, a batch record is not allowed (規則19条2項ただし書, 20条1項1号)
        assertThat(refused("provisions", provided("").replace("\"CONSENT\"", "\"OPT_OUT\"").replace("\"EACH\"", "\"BATCH\"")))
                .contains("event_on", "form", "last_event_on");
        // consent without consent
        assertThat(refused("provisions", provided("").replace("\"consent_obtained\": true", "\"consent_obtained\": false")))
                .containsExactly("consent_obtained");
        // received from an opt-out provider: the PPC's publication must have been checked, how the provider acquired it given
        String received = provided("").replace("PROVIDED", "RECEIVED").replace("\"CONSENT\"", "\"OPT_OUT\"")
                .replace("\"consent_obtained\": true", "\"event_on\": \"" + TODAY.minusDays(2) + "\"");
        assertThat(refused("provisions", received)).contains("ppc_publication_checked", "provider_acquisition", "counterparty_address");
        create("provisions", received.replace("}", ", \"ppc_publication_checked\": true, \"counterparty_address\": \"東京都港区1-1\","
                + " \"provider_acquisition\": \"会員登録フォームで本人から取得\"}"));
        // a provider cannot record 個人関連情報 as its basis
        assertThat(refused("provisions", provided("").replace("\"CONSENT\"", "\"RELATED_INFO\""))).contains("basis");
    }

    @Test
    void badValuesAreRefusedNamingTheField() throws Exception {
        assertThat(refused("provisions", provided(", \"made_on\": \"" + TODAY.plusDays(1) + "\"").replaceFirst("\"made_on\": \"[^\"]+\", ", "")))
                .contains("made_on");
        JsonNode unknown = send("provisions", provided(", \"madeon\": \"2025-01-01\""), status().isBadRequest());
        assertThat(unknown.get("errors").findValuesAsText("field")).containsExactly("madeon");
        assertThat(unknown.toString()).contains("この項目はありません");
        JsonNode type = send("provisions", provided(", \"persons\": \"many\""), status().isBadRequest());
        assertThat(type.get("errors").findValuesAsText("field")).containsExactly("persons");
        assertThat(refused("provisions", provided(", \"persons\": -5"))).containsExactly("persons");
        assertThat(refused("provisions", provided(", \"dataset_id\": 987654321"))).containsExactly("dataset_id");
        assertThat(refused("transfers", """
                {"recipient_name": "X", "country": "XX", "basis": "CONSENT", "started_on": "2025-01-01", "data_items": "a"}"""))
                .contains("country", "consent_on", "info_country_system", "info_recipient_measures");
    }

    @Test
    void theNightlyPurgeDeletesOnlyExpiredRecordsAndAuditsEachDeletion() throws Exception {
        JsonNode old = create("provisions", provided(", \"made_on\": \"" + TODAY.minusYears(3).minusDays(1) + "\"")
                .replaceFirst("\"made_on\": \"[^\"]+\", ", ""));
        JsonNode lastDay = create("provisions", provided(", \"made_on\": \"" + TODAY.minusYears(3).plusDays(1) + "\"")
                .replaceFirst("\"made_on\": \"[^\"]+\", ", ""));
        assertThat(lastDay.at("/derived/keep_until").asText()).isEqualTo(TODAY.toString());
        mvc.perform(post("/api/provisions/purge").with(STAFF)).andExpect(status().isForbidden());
        JsonNode purged = json.readTree(mvc.perform(post("/api/provisions/purge").with(OFFICER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(purged.get("deleted").asInt()).isGreaterThanOrEqualTo(1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/provisions/" + old.get("id").asLong())
                .with(STAFF)).andExpect(status().isNotFound());
        get("/api/provisions/" + lastDay.get("id").asLong());
        try (Connection c = db.getConnection(); var st = c.prepareStatement(
                "select detail from audit_log where action = 'DELETE' and entity = 'provision' and entity_id = ?")) {
            st.setString(1, old.get("id").asText());
            var rs = st.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("kept until " + TODAY.minusDays(2));
        }
    }

    @Test
    void aTransferNeedsItsBasisAndABasisOfEquivalentMeasuresIsCheckedYearly() throws Exception {
        String us = """
                {"recipient_name": "Example Inc.", "country": "us", "basis": "DESIGNATED_COUNTRY", "started_on": "2025-04-01",
                 "data_items": "氏名、メールアドレス"}""";
        assertThat(refused("transfers", us)).containsExactly("country");
        JsonNode de = create("transfers", us.replace("\"us\"", "\"de\""));
        assertThat(de.at("/data/country").asText()).isEqualTo("DE");
        assertThat(de.at("/derived/deadlines").size()).isZero();
        assertThat(refused("transfers", us.replace("DESIGNATED_COUNTRY", "EQUIVALENT_MEASURES"))).containsExactly("measures");
        JsonNode checked = create("transfers", us.replace("DESIGNATED_COUNTRY", "EQUIVALENT_MEASURES")
                .replace("}", ", \"measures\": \"CONTRACT\", \"last_checked_on\": \"2024-03-01\"}"));
        assertThat(checked.at("/derived/deadlines/0/kind").asText()).isEqualTo("periodic_check");
        assertThat(checked.at("/derived/deadlines/0/due").asText()).isEqualTo("2025-02-28");
        // overdue: on the dashboard
        JsonNode dash = get("/api/dashboard");
        assertThat(dash.get("due").findValuesAsText("id")).contains(checked.get("id").asText());
    }

    @Test
    void aRequestIsDueByTheOrganisationsDaysAndAPublicBodysThirtyPlusThirty() throws Exception {
        LocalDate arrived = TODAY.minusDays(20);
        String body = """
                {"type": "DISCLOSURE", "received_on": "%s", "requester_name": "山田花子", "agent": "NONE", "status": "RECEIVED",
                 "disclosure_method": "ELECTRONIC"}""".formatted(arrived);
        JsonNode r = create("requests", body);
        assertThat(r.at("/derived/deadlines/0/due").asText()).isEqualTo(arrived.plusDays(13).toString());
        assertThat(r.at("/derived/facts/0/key").asText()).isEqualTo("lawsuit_from");
        assertThat(r.at("/derived/facts/0/value").asText()).isEqualTo(arrived.plusDays(14).toString());
        assertThat(get("/api/dashboard").get("due").findValuesAsText("id")).contains(r.get("id").asText());
        assertThat(refused("requests", body.replace("\"NONE\"", "\"APPOINTED\""))).containsExactly("agent_name");
        assertThat(refused("requests", body.replace("RECEIVED", "ANSWERED"))).contains("answered_on", "response");
        assertThat(refused("requests", body.replace("}", ", \"extended\": true, \"extension_reason\": \"大量\"}"))).containsExactly("extended");
        long id = r.get("id").asLong();
        try {
            putAsAdmin("/api/settings", "{\"holder\": \"PUBLIC_BODY\", \"request_due_days\": 14}");
            assertThat(get("/api/requests/" + id).at("/derived/deadlines/0/due").asText()).isEqualTo(arrived.plusDays(29).toString());
            // a public body reports an incident of more than 100 persons (規則43条4号)
            JsonNode incident = create("incidents", incident(101, ""));
            assertThat(incident.at("/derived/facts/0/value").asBoolean()).isTrue();
            assertThat(incident.at("/derived/facts/1/value/0").asText()).isEqualTo("MANY_PERSONS");
            JsonNode ext = create("requests", body.replace("}", ", \"extended\": true, \"extension_reason\": \"大量の文書\"}"));
            assertThat(ext.at("/derived/deadlines/0/due").asText()).isEqualTo(arrived.plusDays(59).toString());
            putAsAdmin("/api/settings", "{\"holder\": \"BUSINESS\", \"request_due_days\": 7}");
            assertThat(get("/api/requests/" + id).at("/derived/deadlines/0/due").asText()).isEqualTo(arrived.plusDays(6).toString());
            JsonNode bad = json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/settings").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"holder\": \"CITY\", \"request_due_days\": 0}")).andExpect(status().isBadRequest()).andReturn()
                    .getResponse().getContentAsString());
            assertThat(bad.get("errors").findValuesAsText("field")).containsExactly("holder", "request_due_days");
        } finally {
            putAsAdmin("/api/settings", "{\"holder\": \"BUSINESS\", \"request_due_days\": 14}");
        }
    }

    private void putAsAdmin(String path, String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
    }

    static String incident(long persons, String extra) {
        return """
                {"name": "委託先サーバーへの不正アクセス", "learned_on": "2025-04-01", "role": "OWN", "persons": %d, "notice": "NOT_YET"%s}"""
                .formatted(persons, extra);
    }

    @Test
    void anIncidentIsReportableByTheRulesAndCarriesItsDeadlines() throws Exception {
        JsonNode small = create("incidents", incident(1000, ""));
        assertThat(small.at("/derived/facts/0/value").asBoolean()).isFalse();
        assertThat(small.at("/derived/deadlines").size()).isZero();
        JsonNode many = create("incidents", incident(1001, ""));
        assertThat(many.at("/derived/facts/0/value").asBoolean()).isTrue();
        assertThat(many.at("/derived/deadlines/0/kind").asText()).isEqualTo("preliminary");
        assertThat(many.at("/derived/deadlines/0/due").asText()).isEqualTo("2025-04-05");
        assertThat(many.at("/derived/deadlines/1/due").asText()).isEqualTo("2025-04-30");
        JsonNode unlawful = create("incidents", incident(3, ", \"unlawful_intent\": true"));
        assertThat(unlawful.at("/derived/deadlines/1/kind").asText()).isEqualTo("final_unlawful");
        assertThat(unlawful.at("/derived/deadlines/1/due").asText()).isEqualTo("2025-05-30");
        JsonNode encrypted = create("incidents", incident(5000, ", \"sensitive\": true, \"highly_encrypted\": true"));
        assertThat(encrypted.at("/derived/facts/0/value").asBoolean()).isFalse();
        JsonNode myNumber = create("incidents", incident(101, ", \"my_number\": true"));
        assertThat(myNumber.at("/derived/facts/1/value/0").asText()).startsWith("MY_NUMBER_PERSONS");
        // a reportable incident is not closed without its 確報 and the notice to the persons; the 確報 needs all nine items
        assertThat(refused("incidents", incident(1001, ", \"closed\": true"))).contains("final_reported_on", "notice");
        assertThat(refused("incidents", incident(1001, ", \"final_reported_on\": \"2025-04-20\"")))
                .contains("summary", "cause", "prevention").doesNotContain("persons");
        assertThat(refused("incidents", incident(10, ", \"learned_on\": \"2025-04-01\", \"occurred_on\": \"2025-04-02\"")
                .replaceFirst("\"learned_on\": \"2025-04-01\", ", ""))).containsExactly("learned_on");
        // a contractor that told its principal the nine items does not report itself (規則9条)
        JsonNode contractor = create("incidents", incident(2000, "").replace("\"OWN\"", "\"CONTRACTOR\"")
                .replace("}", ", \"principal_name\": \"A社\", \"principal_notified_on\": \"2025-04-02\"}"));
        assertThat(contractor.at("/derived/deadlines").size()).isZero();
    }

    @Test
    void theIncidentReportHasTheNineItemsAsJsonAndXlsx() throws Exception {
        JsonNode i = create("incidents", incident(1500, ", \"summary\": \"メールの誤送信\", \"cause\": \"宛先の確認漏れ\""));
        long id = i.get("id").asLong();
        JsonNode report = get("/api/incidents/" + id + "/report");
        assertThat(report.get("items")).hasSize(9);
        assertThat(report.at("/items/0/value").asText()).isEqualTo("メールの誤送信");
        assertThat(report.at("/items/2/value").asLong()).isEqualTo(1500);
        assertThat(report.at("/final_by").asText()).isEqualTo("2025-04-30");
        byte[] xlsx = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/incidents/" + id + "/report.xlsx")
                .with(STAFF)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        byte[] viaApi = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/incidents/" + id + "/report.xlsx")
                .with(STAFF)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(viaApi).startsWith('P', 'K');
        String csv = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/incidents/export.csv").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFID,").contains("メールの誤送信");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("1. 概要", "メールの誤送信", "9. その他参考となる事項", "4. 原因|宛先の確認漏れ");
        }
    }

    @Test
    void aSecondSaveOfTheSameVersionIsRefusedAndEachVersionIsKept() throws Exception {
        JsonNode r = create("transfers", """
                {"recipient_name": "Acme Ltd", "country": "GB", "basis": "DESIGNATED_COUNTRY", "started_on": "2025-01-01", "data_items": "氏名"}""");
        String path = "/api/transfers/" + r.get("id").asLong();
        String changed = json.writeValueAsString(r.get("data")).replace("Acme Ltd", "Acme UK Ltd");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(STAFF).contentType(MediaType.APPLICATION_JSON).content(changed)).andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(STAFF).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path).with(STAFF).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(changed))
                .andExpect(status().isConflict());
        JsonNode history = get(path + "/history");
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/values/recipient_name").asText()).isEqualTo("Acme UK Ltd");
        assertThat(history.at("/1/values/recipient_name").asText()).isEqualTo("Acme Ltd");
        assertThat(history.at("/0/changed_by").asText()).isEqualTo("suzuki");
    }

    @Test
    void listsSearchFilterAndPage() throws Exception {
        String tag = "検索" + System.nanoTime();
        for (int n = 0; n < 3; n++) {
            create("requests", """
                    {"type": "CORRECTION", "received_on": "%s", "requester_name": "%s %d", "agent": "NONE", "status": "%s"}"""
                    .formatted(TODAY.minusDays(n), tag, n, n == 0 ? "RECEIVED" : "WITHDRAWN"));
        }
        JsonNode all = get("/api/requests?q=" + tag + "&size=2&sort=title&desc=false");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.at("/items/0/data/requester_name").asText()).isEqualTo(tag + " 0");
        assertThat(get("/api/requests?q=" + tag + "&state=open").get("total").asInt()).isEqualTo(1);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/requests?sort=secret").with(STAFF))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAuditChainHoldsAfterAllOfIt() throws Exception {
        create("requests", """
                {"type": "PURPOSE", "received_on": "%s", "requester_name": "監査", "agent": "NONE", "status": "RECEIVED"}""".formatted(TODAY));
        try (Connection c = db.getConnection()) {
            assertThat(AuditChain.verify(c).firstBad()).isEmpty();
            assertThat(AuditChain.verify(c).entries()).isPositive();
        }
    }

    /** Each register's unfiltered total is a kept count (migration V5): after creates and a purge it still equals the rows. */
    @Test
    void eachRegistersTotalIsItsNumberOfEntriesAfterCreatesAndAPurge() throws Exception {
        create("provisions", provided(", \"made_on\": \"" + TODAY.minusYears(4) + "\"").replaceFirst("\"made_on\": \"[^\"]+\", ", ""));
        create("provisions", provided(", \"made_on\": \"" + TODAY.minusYears(5) + "\"").replaceFirst("\"made_on\": \"[^\"]+\", ", ""));
        create("provisions", provided(""));
        mvc.perform(post("/api/provisions/purge").with(OFFICER)).andExpect(status().isOk());
        for (String register : new String[] {"provisions", "transfers", "requests", "incidents"}) {
            long total = get("/api/" + register).get("total").asLong();
            try (Connection c = db.getConnection();
                 var st = c.prepareStatement("select count(*) from register_entry where register = ?")) {
                st.setString(1, register);
                var rs = st.executeQuery();
                rs.next();
                assertThat(total).as(register).isEqualTo(rs.getLong(1));
            }
        }
        assertThat(get("/api/provisions").get("total").asLong()).isPositive();
        // a filtered list still counts
        for (String register : new String[] {"provisions", "transfers", "requests", "incidents"}) {
            long open = get("/api/" + register + "?state=open").get("total").asLong();
            try (Connection c = db.getConnection();
                 var st = c.prepareStatement("select count(*) from register_entry where register = ? and is_open = true")) {
                st.setString(1, register);
                var rs = st.executeQuery();
                rs.next();
                assertThat(open).as(register + ", open").isEqualTo(rs.getLong(1));
            }
        }
    }
}
