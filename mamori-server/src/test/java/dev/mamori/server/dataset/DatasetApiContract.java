package dev.mamori.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.audit.AuditChain;
import java.io.InputStream;
import java.sql.Connection;
import javax.sql.DataSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The 個人データ台帳 over REST: create, validation, optimistic locking, history, import of a scan report, audit — the
 * same tests on H2 ({@link DatasetApiH2Test}) and PostgreSQL ({@link DatasetApiPostgresTest}).
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class DatasetApiContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource db;

    static final RequestPostProcessor STAFF = user("sato").roles("STAFF");
    static final RequestPostProcessor AUDITOR = user("audit").roles("AUDITOR");

    static final String MEMBERS = """
            {"name": "会員名簿", "purpose": "会員への連絡", "persons": 12000, "handlers": 30, "cloud_country": "jp",
             "items": [{"name": "氏名", "category": "PERSONAL_INFORMATION", "types": ["PERSON"]},
                       {"name": "個人番号", "category": "IDENTIFICATION_CODE", "types": ["MY_NUMBER"]}]}""";

    private JsonNode create(String body) throws Exception {
        String r = mvc.perform(post("/api/datasets").with(STAFF).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(r);
    }

    @Test
    void aDatasetWithMyNumberIsASpecificPersonalInformationFileWithItsThresholdAssessment() throws Exception {
        JsonNode d = create(MEMBERS);
        assertThat(d.get("cloud_country").asText()).isEqualTo("JP");
        assertThat(d.get("specific_personal_information_file").asBoolean()).isTrue();
        assertThat(d.at("/threshold/result/label/ja").asText()).contains("基礎項目評価");
        assertThat(d.get("version").asInt()).isEqualTo(1);
        mvc.perform(get("/api/datasets/" + d.get("id").asLong()).with(AUDITOR)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("会員名簿"));
        // the created answer is the dataset as stored (it is not read back): the same as reading it
        JsonNode spaced = create(MEMBERS.replace("\"会員名簿\"", "\"  会員名簿2 \"").replace("\"cloud_country\": \"jp\"",
                "\"system_name\": \" \", \"retention\": \" 5年 \", \"cloud_country\": \"jp\""));
        JsonNode read = json.readTree(mvc.perform(get("/api/datasets/" + spaced.get("id").asLong()).with(AUDITOR)).andReturn().getResponse()
                .getContentAsString());
        assertThat(spaced).isEqualTo(read);
        assertThat(read.get("name").asText()).isEqualTo("会員名簿2");
        assertThat(read.get("system_name").isNull()).isTrue();
    }

    @Test
    void everyInvalidFieldIsNamedWithItsReasonInTheRequestsLanguage() throws Exception {
        String bad = """
                {"name": "", "purpose": "x", "persons": -1, "cloud_country": "XX",
                 "items": [{"name": "a", "category": "SECRET"}]}""";
        String r = mvc.perform(post("/api/datasets").with(STAFF).contentType(MediaType.APPLICATION_JSON).content(bad)
                        .header("Accept-Language", "ja"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        JsonNode p = json.readTree(r);
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("errors").findValuesAsText("field")).contains("name", "persons", "cloud_country", "items[0].category");
        assertThat(r).contains("国コードではありません");
        String en = mvc.perform(post("/api/datasets").with(STAFF).contentType(MediaType.APPLICATION_JSON).content(bad)
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("not a country code");
        assertThat(count("select count(*) from dataset where name = ''")).isZero();
    }

    @Test
    void theSecondOfTwoSavesOfOneVersionIsRefusedAndNothingIsLost() throws Exception {
        JsonNode d = create(MEMBERS);
        long id = d.get("id").asLong();
        String first = MEMBERS.replace("\"persons\": 12000", "\"persons\": 12500").replaceFirst("\\{\"name\"", "{\"version\": 1, \"name\"");
        String second = MEMBERS.replace("会員への連絡", "会員への連絡と請求").replaceFirst("\\{\"name\"", "{\"version\": 1, \"name\"");
        mvc.perform(put("/api/datasets/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON).content(first))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/datasets/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON).content(second))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/datasets/" + id).with(STAFF)).andExpect(jsonPath("$.persons").value(12500))
                .andExpect(jsonPath("$.purpose").value("会員への連絡"));
        String h = mvc.perform(get("/api/datasets/" + id + "/history").with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode versions = json.readTree(h);
        assertThat(versions).extracting(n -> n.get("version").asInt()).containsExactly(2, 1);
        assertThat(versions.get(1).at("/values/persons").asLong()).isEqualTo(12000);
    }

    @Test
    void aScanReportFillsTheItemsAndIsKeptWithoutItsFindings() throws Exception {
        byte[] report;
        try (InputStream in = getClass().getResourceAsStream("/scan-customers.json")) {
            report = in.readAllBytes();
        }
        String r = mvc.perform(multipart("/api/datasets/import").file(new MockMultipartFile("report", "scan.json", "application/json", report))
                        .param("name", "顧客台帳").param("purpose", "商品の発送").with(STAFF))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode d = json.readTree(r);
        assertThat(d.get("items").findValuesAsText("name")).contains("氏名", "住所", "個人番号", "備考").doesNotContain("顧客番号", "性別");
        assertThat(d.get("specific_personal_information_file").asBoolean()).isTrue();
        assertThat(d.get("has_evidence").asBoolean()).isTrue();
        try (Connection c = db.getConnection(); var ps = c.prepareStatement("select evidence_json from dataset where id = ?")) {
            ps.setLong(1, d.get("id").asLong());
            var rs = ps.executeQuery();
            rs.next();
            JsonNode evidence = json.readTree(rs.getString(1));
            assertThat(evidence.has("findings")).isFalse();
            assertThat(evidence.get("files")).isNotEmpty();
        }
        mvc.perform(multipart("/api/datasets/import").file(new MockMultipartFile("report", "x.json", "application/json", "{\"a\":1}".getBytes()))
                .param("name", "x").param("purpose", "y").with(STAFF)).andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/datasets/import").file(new MockMultipartFile("report", "x.json", "application/json", "not json".getBytes()))
                .param("name", "x").param("purpose", "y").with(STAFF)).andExpect(status().isBadRequest());
        assertThat(count("select count(*) from dataset where name = 'x'")).isZero();
    }

    @Test
    void searchSortAndPages() throws Exception {
        for (int i = 0; i < 7; i++) {
            create(MEMBERS.replace("会員名簿", "検索用台帳" + i).replace("12000", String.valueOf(1000 + i)));
        }
        String r = mvc.perform(get("/api/datasets").param("q", "検索用").param("sort", "persons").param("desc", "false")
                .param("size", "3").param("page", "1").with(STAFF)).andReturn().getResponse().getContentAsString();
        JsonNode p = json.readTree(r);
        assertThat(p.get("total").asInt()).isEqualTo(7);
        assertThat(p.get("items")).extracting(n -> n.get("name").asText()).containsExactly("検索用台帳3", "検索用台帳4", "検索用台帳5");
        // a list item is the summary: counts and the threshold's result, not the items, contractors or the bands
        JsonNode first = p.get("items").get(0);
        assertThat(first.get("item_count").asInt()).isEqualTo(2);
        assertThat(first.get("specific_personal_information_file").asBoolean()).isTrue();
        String full = json.readTree(mvc.perform(get("/api/datasets/" + first.get("id").asLong()).with(STAFF)).andReturn().getResponse()
                .getContentAsString()).at("/threshold/result/key").asText();
        assertThat(first.get("threshold_result").asText()).isNotBlank().isEqualTo(full);
        assertThat(first.has("items")).isFalse();
        assertThat(first.has("threshold")).isFalse();
        // the total without a count (one page holds every match), and with one (past the end)
        assertThat(json.readTree(mvc.perform(get("/api/datasets").param("q", "検索用台帳").with(STAFF)).andReturn().getResponse()
                .getContentAsString()).get("total").asInt()).isEqualTo(7);
        assertThat(json.readTree(mvc.perform(get("/api/datasets").param("q", "検索用台帳").param("page", "4").param("size", "3").with(STAFF))
                .andReturn().getResponse().getContentAsString()).get("total").asInt()).isEqualTo(7);
        assertThat(json.readTree(mvc.perform(get("/api/datasets").param("q", "検索用台帳").param("page", "2").param("size", "3").with(STAFF))
                .andReturn().getResponse().getContentAsString()).get("total").asInt()).isEqualTo(7);
        // the name, purpose and system are searched, case-blind
        create(MEMBERS.replace("会員名簿", "別名簿").replace("\"cloud_country\"", "\"system_name\": \"ZetaSys\", \"cloud_country\""));
        for (String q : List.of("zetasys", "ZETA", "別名", "会員への連")) {
            JsonNode found = json.readTree(mvc.perform(get("/api/datasets").param("q", q).param("size", "200").with(STAFF)).andReturn()
                    .getResponse().getContentAsString());
            assertThat(found.get("items")).as(q).extracting(n -> n.get("name").asText()).contains("別名簿");
        }
        String wild = mvc.perform(get("/api/datasets").param("q", "%").with(STAFF)).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(wild).get("total").asInt()).isZero();
    }

    @Test
    void everyReadAndWriteIsInTheAuditLogAndTheChainHolds() throws Exception {
        long before = count("select count(*) from audit_log");
        JsonNode d = create(MEMBERS);
        mvc.perform(get("/api/datasets/" + d.get("id").asLong()).with(AUDITOR)).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_log")).isEqualTo(before + 2);
        assertThat(count("select count(*) from audit_log where actor = 'audit' and action = 'READ'")).isPositive();
        try (Connection c = db.getConnection()) {
            assertThat(AuditChain.verify(c).intact()).isTrue();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void contractorsAndThePiaAreKeptAndTheDashboardShowsBandChangesAndPiasToRedo() throws Exception {
        String body = MEMBERS.replace("\"persons\": 12000", "\"persons\": 900").replaceFirst("\\{\"name\": \"会員名簿\"",
                "{\"name\": \"委託先のある名簿\", \"pia_published_on\": \"2021-11-15\", \"pia_reference\": \"評価書番号 123\","
                        + " \"contractors\": [{\"name\": \"港データ株式会社\", \"task\": \"発送\", \"checked_on\": \"2026-04-01\","
                        + " \"method\": \"立入検査\", \"result\": \"指摘なし\"}]");
        JsonNode d = create(body);
        assertThat(d.at("/contractors/0/name").asText()).isEqualTo("港データ株式会社");
        assertThat(d.get("pia_redo_by").asText()).isEqualTo("2026-11-14");
        byte[] xlsx = mvc.perform(get("/api/datasets/export.xlsx").with(AUDITOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(xlsx).startsWith(new byte[] {'P', 'K'});
        String future = body.replace("2026-04-01", "2999-01-01");
        String r = mvc.perform(post("/api/datasets").with(STAFF).contentType(MediaType.APPLICATION_JSON).content(future))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(r).get("errors").findValuesAsText("field")).containsExactly("contractors[0].checked_on");
        long id = d.get("id").asLong();
        mvc.perform(put("/api/datasets/" + id).with(STAFF).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"persons\": 900", "\"persons\": 12000").replaceFirst("\\{", "{\"version\": 1, ")))
                .andExpect(status().isOk());
        JsonNode dash = json.readTree(mvc.perform(get("/api/dashboard").with(AUDITOR)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        JsonNode band = null;
        for (JsonNode b : dash.get("band_changes")) {
            if (b.get("dataset_id").asLong() == id) {
                band = b;
            }
        }
        assertThat(band).isNotNull();
        assertThat(band.at("/before/result/key").asText()).isEqualTo("not_required");
        assertThat(band.at("/after/result/key").asText()).isEqualTo("basic");
        boolean piaDue = false;
        for (JsonNode x : dash.get("due")) {
            piaDue |= x.get("register").asText().equals("datasets") && x.get("id").asLong() == id && x.get("kind").asText().equals("pia_redo")
                    && x.get("overdue").asBoolean();
        }
        assertThat(piaDue).isTrue();
    }

    /** The unfiltered list's total is a kept count (migration V5): after creates and an import it still equals the rows. */
    @Test
    void theListsTotalIsTheNumberOfDatasetsAfterCreatesAndAnImport() throws Exception {
        create(MEMBERS);
        create(MEMBERS.replace("会員名簿", "会員名簿 2"));
        byte[] report;
        try (InputStream in = getClass().getResourceAsStream("/scan-customers.json")) {
            report = in.readAllBytes();
        }
        mvc.perform(multipart("/api/datasets/import").file(new MockMultipartFile("report", "scan.json", "application/json", report))
                        .param("name", "顧客台帳 (count)").param("purpose", "商品の発送").with(STAFF))
                .andExpect(status().isCreated());
        long total = json.readTree(mvc.perform(get("/api/datasets").with(STAFF)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).get("total").asLong();
        try (Connection c = db.getConnection(); var rs = c.createStatement().executeQuery("select count(*) from dataset")) {
            rs.next();
            assertThat(total).isEqualTo(rs.getLong(1)).isGreaterThanOrEqualTo(3);
        }
        // a search still counts what it finds
        JsonNode found = json.readTree(mvc.perform(get("/api/datasets").param("q", "顧客台帳 (count)").with(STAFF)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").size()).isEqualTo(1);
    }
}
