package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.mamori.server.H2ServerTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The registers' pages: a form saved, a wrong one shown again with each field's reason, a stale edit refused, exports, the dashboard. */
class RegisterPagesTest extends H2ServerTest {

    static final RequestPostProcessor STAFF = user("mori").roles("STAFF");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private MockHttpServletRequestBuilder form(String path, String... pairs) {
        MockHttpServletRequestBuilder b = post(path).with(STAFF).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            b.param(pairs[i], pairs[i + 1]);
        }
        return b;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(STAFF)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aFormIsSavedWithADateIn和暦AndShownWithItsDeadlines() throws Exception {
        String at = mvc.perform(form("/requests", "type", "CORRECTION", "received_on", "令和8年1月5日", "requester_name", "木村一郎",
                        "agent", "NONE", "status", "IN_PROGRESS"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(at).matches("/requests/\\d+");
        String detail = page(at);
        assertThat(detail).contains("木村一郎", "2026-01-05（令和8年1月5日）", "回答期限", "2026-01-18", "訴えを提起できる日");
        assertThat(page("/requests?q=木村")).contains("木村一郎");
        String en = mvc.perform(get(at).with(STAFF).param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Answer due", "Correction, addition, deletion");
    }

    @Test
    void aWrongFormIsShownAgainWithEachFieldsReasonAndNothingIsSaved() throws Exception {
        String html = mvc.perform(form("/incidents", "name", "検証用の事案", "learned_on", TODAY.plusDays(3).toString(), "role", "CONTRACTOR",
                        "persons", "十人", "notice", "ALTERNATIVE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"invalid\"", "整数を入力してください", "検証用の事案");
        html = mvc.perform(form("/incidents", "name", "検証用の事案", "learned_on", TODAY.plusDays(3).toString(), "role", "CONTRACTOR",
                        "persons", "10", "notice", "ALTERNATIVE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("未来の日付は入力できません", "この場合は必須です");
        assertThat(page("/incidents?q=" + "検証用の事案")).contains("<p>0 件</p>");
    }

    @Test
    void aSecondSaveOfAnOldVersionIsRefusedWithAMessage() throws Exception {
        String[] fields = {"recipient_name", "港ソフト", "country", "sg", "basis", "EQUIVALENT_MEASURES", "measures", "CBPR",
                "started_on", "2025-06-01", "data_items", "氏名"};
        String at = mvc.perform(form("/transfers", fields)).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(at)).contains("港ソフト（SG）", "2026-05-31");
        mvc.perform(form(at, fields).param("version", "1").param("note", "first")).andExpect(status().is3xxRedirection());
        String second = mvc.perform(form(at, fields).param("version", "1").param("note", "second")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("id=\"conflict\"");
        String detail = page(at);
        assertThat(detail).contains("first").doesNotContain("second");
        // the history names the field the second version changed
        assertThat(detail).contains("備考");
    }

    @Test
    void theFormsDeadlinesArePreviewedWithoutSaving() throws Exception {
        String html = mvc.perform(form("/incidents/preview", "name", "プレビュー", "learned_on", "2025-04-01", "role", "OWN",
                "persons", "2,000", "unlawful_intent", "true", "notice", "NOT_YET")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).startsWith("<section").contains("id=\"deadline-final_unlawful\"", "2025-05-30").doesNotContain("<html");
        assertThat(page("/incidents?q=プレビュー")).contains("<p>0 件</p>");
        // an unreadable value: nothing computed yet, no error page
        mvc.perform(form("/incidents/preview", "learned_on", "いつか")).andExpect(status().isOk());
    }

    @Test
    void exportsAreForExcelAndTheDashboardAndSettingsOpen() throws Exception {
        mvc.perform(form("/provisions", "direction", "PROVIDED", "basis", "CONSENT", "form", "EACH", "made_on", TODAY.toString(),
                "counterparty_name", "=HYPERLINK(\"http://x\")", "person_identification", "会員番号", "data_items", "氏名",
                "consent_obtained", "true")).andExpect(status().is3xxRedirection());
        byte[] csv = mvc.perform(get("/provisions/export.csv").with(STAFF)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFID,件名,区分,根拠").contains("'=HYPERLINK").contains("\r\n");
        byte[] xlsx = mvc.perform(get("/provisions/export.xlsx").with(STAFF)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(xlsx).startsWith(new byte[] {'P', 'K'});
        assertThat(page("/dashboard")).contains("ダッシュボード", "期限超過");
        String settings = mvc.perform(get("/admin/settings").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(settings).contains("request.lawsuit", "法39条");
        String refused = mvc.perform(post("/admin/settings").with(user("root").roles("ADMIN")).with(csrf()).param("holder", "BUSINESS")
                .param("requestDueDays", "400")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("1 から 90 までの整数");
    }
}
