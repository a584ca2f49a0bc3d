package dev.mamori.server.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.assess.Answer;
import dev.mamori.assess.AreaScore;
import dev.mamori.assess.Answers;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.PlanItem;
import dev.mamori.assess.Response;
import dev.mamori.assess.ScoreSheet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Assessments through the pages: the ICS model system's answers entered one question at a time give, once submitted,
 * the scores the command line gives for its answers file; wrong answers are refused and not saved; applies_when shows a
 * question when its condition is met; only an officer submits, and not with required questions unanswered; uploaded
 * questionnaires are checked with their lines; the reports download.
 * The same tests run on H2 and on PostgreSQL.
 */
@org.springframework.boot.test.context.SpringBootTest
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
abstract class AssessmentPagesContract {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;


    static final RequestPostProcessor STAFF = user("tanaka").roles("STAFF");
    static final RequestPostProcessor OFFICER = user("sato").roles("PRIVACY_OFFICER");
    static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");
    static final Path ICS = Path.of("../examples/assess/ics-model-system.yaml");

    private long create(String source, String title) throws Exception {
        String at = mvc.perform(post("/assessments").with(STAFF).with(csrf()).param("source", source).param("title", title)
                        .param("organisation", "例示工業会").param("system", "モデル生産制御システム"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(at).matches("/assessments/\\d+");
        return Long.parseLong(at.substring(at.lastIndexOf('/') + 1));
    }

    private MockHttpServletResponse answer(long id, String question, RequestPostProcessor who, String comment, String... values) throws Exception {
        return answerSeen(id, question, who, null, comment, values);
    }

    private MockHttpServletResponse answerSeen(long id, String question, RequestPostProcessor who, String seen, String comment, String... values)
            throws Exception {
        MockHttpServletRequestBuilder b = post("/assessments/" + id + "/answers/" + question).with(who).with(csrf()).header("HX-Request", "true");
        if (seen != null) {
            b.param("seen", seen);
        }
        for (String v : values) {
            b.param("value", v);
        }
        if (comment != null) {
            b.param("comment", comment);
        }
        return mvc.perform(b).andExpect(status().isOk()).andReturn().getResponse();
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theIcsModelSystemAnsweredInTheBrowserScoresAsTheCommandLineDoes() throws Exception {
        Answers file = Assessment.open(ICS, null, true);
        ScoreSheet cli = Assessment.score(file);
        long id = create("bundled:ics-security", "ICS 自己評価 2011");
        for (Answer a : file.answers().values()) {
            String html = answer(id, a.questionId(), STAFF, a.comment(), ((Response.Chosen) a.response()).key()).getContentAsString();
            assertThat(html).contains("保存しました");
        }
        for (PlanItem p : file.plan()) {
            mvc.perform(post("/assessments/" + id + "/plan/" + p.questionId()).with(STAFF).with(csrf()).param("action", p.action())
                            .param("owner", p.owner()).param("due", p.due()).param("expected", p.expected())
                            .param("difficulty", p.difficulty() == null ? "" : p.difficulty().name()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(page("/assessments/" + id, STAFF)).contains("対象となる設問 99 問のうち 99 問に回答済み");

        // a staff member may not submit; an officer may
        mvc.perform(post("/assessments/" + id + "/submit").with(STAFF).with(csrf())).andExpect(status().isForbidden());
        String at = mvc.perform(post("/assessments/" + id + "/submit").with(OFFICER).with(csrf()).param("reason", "初回"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(at).isEqualTo("/assessments/" + id + "/revisions/1");

        ScoreSheet server = Assessment.score(Assessment.read("r1.yaml", page(at + "/answers.yaml", STAFF), null, false));
        assertThat(server.total().score()).isEqualTo(39.5).isEqualTo(cli.total().score());
        assertThat(server.areas()).extracting(AreaScore::id, AreaScore::score, AreaScore::plannedScore)
                .isEqualTo(cli.areas().stream().map(a -> org.assertj.core.groups.Tuple.tuple(a.id(), a.score(), a.plannedScore())).toList());
        assertThat(server.answers().meta().assessor()).isEqualTo("sato");
        String result = page(at, STAFF);
        assertThat(result).contains("第1回", "122 点中 39.5 点", "32.4%", "3.1 周囲防御", "<svg");

        // the XLSX opens, the HTML report keeps its inline styles under a policy of its own
        byte[] xlsx = mvc.perform(get(at + "/report.xlsx").with(STAFF)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isGreaterThan(1);
        }
        MockHttpServletResponse html = mvc.perform(get(at + "/report.html").with(STAFF)).andReturn().getResponse();
        assertThat(html.getHeader("Content-Security-Policy")).isEqualTo(AssessmentReports.REPORT_CSP);
        assertThat(html.getContentAsString()).contains("3.1 周囲防御").doesNotContain("<script");

        // a second round after two improvements, compared with the first
        answer(id, "3", STAFF, null, "yes");
        answer(id, "4", STAFF, null, "yes");
        mvc.perform(post("/assessments/" + id + "/submit").with(OFFICER).with(csrf())).andExpect(status().is3xxRedirection());
        String compare = page("/assessments/" + id + "/compare?from=1&to=2", STAFF);
        assertThat(compare).contains("第1回と第2回の比較", "変更された回答（2）");
        byte[] cx = mvc.perform(get("/assessments/" + id + "/compare.xlsx?from=1&to=2").with(STAFF)).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(cx))) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }
        // the first round did not change
        assertThat(Assessment.read("r1.yaml", page(at + "/answers.yaml", STAFF), null, false).answers().get("3").choiceKey()).isEqualTo("no");
    }

    @Test
    void aWrongAnswerIsRefusedAndNotSaved() throws Exception {
        long id = create("bundled:ics-security", "ICS 誤答");
        assertThat(answer(id, "1", STAFF, null, "maybe").getContentAsString()).contains("選択肢にない回答です");
        assertThat(answer(id, "1", STAFF, null, "yes", "no").getContentAsString()).contains("選べるのは一つです");
        assertThat(page("/assessments/" + id, STAFF)).contains("のうち 0 問に回答済み");
        mvc.perform(post("/assessments/" + id + "/answers/nope").with(STAFF).with(csrf()).param("value", "yes")).andExpect(status().isNotFound());
        // a blank answer removes it
        answer(id, "1", STAFF, null, "yes");
        assertThat(page("/assessments/" + id, STAFF)).contains("のうち 1 問に回答済み");
        assertThat(answer(id, "1", STAFF, null, "").getContentAsString()).contains("回答を消しました");
        assertThat(page("/assessments/" + id, STAFF)).contains("のうち 0 問に回答済み");
    }

    @Test
    void aQuestionAppearsWhenItsConditionIsMetAndSubmittingNamesWhatIsMissing() throws Exception {
        long id = create("bundled:appi-checklist", "APPI 点検");
        String area = page("/assessments/" + id + "/areas/1", STAFF);
        assertThat(area).containsPattern("id=\"q-scope-optout\"[^>]*hidden");
        String saved = answer(id, "scope-provide", STAFF, null, "yes").getContentAsString();
        // the answer sends the question it turned on, shown, to be swapped into the page
        assertThat(saved).contains("id=\"q-scope-optout\"", "hx-swap-oob=\"true\"").doesNotContainPattern("id=\"q-scope-optout\"[^>]*hidden");
        answer(id, "scope-sensitive", STAFF, "コメントだけ");

        String next = mvc.perform(post("/assessments/" + id + "/submit").with(OFFICER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(next).isEqualTo("/assessments/" + id);
        var flash = mvc.perform(post("/assessments/" + id + "/submit").with(OFFICER).with(csrf())).andReturn().getFlashMap();
        @SuppressWarnings("unchecked")
        List<AssessmentView.Issue> issues = (List<AssessmentView.Issue>) flash.get("submitProblems");
        assertThat(issues).extracting(AssessmentView.Issue::questionId).contains("scope-sensitive", "scope-optout");
        assertThat(issues).filteredOn(i -> "scope-sensitive".equals(i.questionId())).extracting(AssessmentView.Issue::text)
                .contains("コメントだけで回答がありません");
        assertThat(page("/assessments/" + id, STAFF)).contains("まだ提出されていません");
    }

    @Test
    void anUploadedQuestionnaireIsCheckedWithItsLinesAndCanBeAnswered() throws Exception {
        String head = "schema: mamori-questionnaire/1\nid: site-check\nversion: \"1\"\ntitle: {ja: 拠点点検, en: Site check}\n"
                + "answer_sets:\n  yn:\n    choices: [{key: \"yes\", ja: はい, value: 1}, {key: \"no\", ja: いいえ, value: 0}]\n"
                + "defaults: {answer_set: yn}\n";
        String bad = head + "areas:\n  - id: a\n    ja: 施錠\n    questions:\n      - {id: q1, ja: 施錠していますか}\n      - {id: q1, ja: 重複}\n";
        String html = mvc.perform(multipart("/assessments/questionnaires").file(new MockMultipartFile("file", "site.yaml", "application/yaml",
                        bad.getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("upload-problems", "site.yaml:14:14:", "2 回使われています");
        mvc.perform(multipart("/assessments/questionnaires").file(new MockMultipartFile("file", "s.yaml", "application/yaml", new byte[] {1}))
                .with(STAFF).with(csrf())).andExpect(status().isForbidden());

        String good = head + "areas:\n  - id: a\n    ja: 施錠\n    questions:\n      - {id: q1, ja: 施錠していますか, weight: 2}\n"
                + "      - {id: q2, ja: 鍵を管理していますか, weight: 2}\n";
        mvc.perform(multipart("/assessments/questionnaires").file(new MockMultipartFile("file", "site.yaml", "application/yaml",
                good.getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/assessments/questionnaires", ADMIN)).contains("site-check", "拠点点検");
        String list = page("/assessments", STAFF);
        String source = list.replaceAll("(?s).*value=\"(file:\\d+)\".*", "$1");
        assertThat(source).startsWith("file:");
        long id = create(source, "A 拠点");
        answer(id, "q1", STAFF, null, "yes");
        answer(id, "q2", STAFF, null, "no");
        mvc.perform(post("/assessments/" + id + "/submit").with(OFFICER).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(page("/assessments/" + id + "/revisions/1", STAFF)).contains("4 点中 2 点", "50.0%");
        // the same version again is refused
        String again = mvc.perform(multipart("/assessments/questionnaires").file(new MockMultipartFile("file", "site.yaml", "application/yaml",
                good.getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf())).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("はすでにあります");
    }

    @Test
    void evidenceIsAttachedToAnAnswerAndDownloadsAsAFile() throws Exception {
        long id = create("bundled:ics-security", "ICS 根拠");
        mvc.perform(multipart("/assessments/" + id + "/evidence/9").file(new MockMultipartFile("file", "ネットワーク構成図.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).with(STAFF).with(csrf())).andExpect(status().is3xxRedirection());
        String area = page("/assessments/" + id + "/areas/2", STAFF);
        assertThat(area).contains("ネットワーク構成図.html");
        String link = area.replaceAll("(?s).*href=\"(/assessments/" + id + "/evidence/\\d+/file)\".*", "$1");
        MockHttpServletResponse file = mvc.perform(get(link).with(STAFF)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(file.getContentType()).isEqualTo("application/octet-stream");
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(file.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<script>alert(1)</script>");
        // not through another assessment's address
        long other = create("bundled:ics-security", "ICS 別");
        mvc.perform(get(link.replace("/" + id + "/", "/" + other + "/")).with(STAFF)).andExpect(status().isNotFound());
    }

    @Test
    void aDatasetLinksToItsAssessmentsAndPlanItemsReachTheDashboard() throws Exception {
        String at = mvc.perform(post("/datasets").with(STAFF).with(csrf()).param("name", "会員台帳（評価リンク）").param("purpose", "会員管理"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long dataset = Long.parseLong(at.substring(at.lastIndexOf('/') + 1));
        assertThat(page(at, STAFF)).contains("source=bundled:appi-checklist");
        assertThat(page("/assessments?dataset=" + dataset + "&source=bundled:appi-checklist", STAFF))
                .contains("value=\"" + dataset + "\"", "<option value=\"bundled:appi-checklist\" selected=\"selected\"");
        String made = mvc.perform(post("/assessments").with(STAFF).with(csrf()).param("source", "bundled:appi-checklist")
                        .param("title", "会員台帳の点検").param("dataset", Long.toString(dataset)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(at, STAFF)).contains("href=\"" + made + "\"", "会員台帳の点検");
        assertThat(page(made, STAFF)).contains("href=\"/datasets/" + dataset + "\"");
        // a dataset that does not exist is refused by name
        assertThat(mvc.perform(post("/assessments").with(STAFF).with(csrf()).param("source", "bundled:appi-checklist").param("title", "x")
                .param("dataset", "999999")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("その番号の台帳の項目はありません");

        // a plan item with a due day is on the dashboard's list of deadlines
        long id = Long.parseLong(made.substring(made.lastIndexOf('/') + 1));
        mvc.perform(post("/assessments/" + id + "/plan/purpose-1").with(STAFF).with(csrf()).param("action", "利用目的の一覧を作る")
                .param("owner", "総務課").param("due", java.time.LocalDate.now().plusDays(10).toString()).param("expected", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/dashboard", STAFF)).contains("改善計画の期限", "会員台帳の点検 — 利用目的の一覧を作る");
        // a wrong plan item is refused with its fields named
        var flash = mvc.perform(post("/assessments/" + id + "/plan/purpose-1").with(STAFF).with(csrf()).param("action", "x")
                .param("due", "来月").param("expected", "maybe")).andReturn().getFlashMap();
        assertThat(flash.get("planProblems").toString()).contains("due", "expected");
    }

    @Test
    void anAnswerSomeoneElseSavedSinceThePageWasLoadedIsNotOverwritten() throws Exception {
        RequestPostProcessor other = user("kato").roles("STAFF");
        long id = create("bundled:ics-security", "ICS 同時編集");
        String loaded = page("/assessments/" + id + "/areas/1", other);
        String seenBefore = loaded.replaceAll("(?s).*name=\"seen\" id=\"seen-1\" value=\"([^\"]*)\".*", "$1");
        assertThat(seenBefore).isEmpty();
        answer(id, "1", STAFF, null, "yes");
        // kato's page still shows no answer: the save is refused and says who changed it
        assertThat(answerSeen(id, "1", other, seenBefore, null, "no").getContentAsString()).contains("tanaka さんが", "保存していません");
        String reloaded = page("/assessments/" + id + "/areas/1", other);
        String seen = reloaded.replaceAll("(?s).*name=\"seen\" id=\"seen-1\" value=\"([^\"]*)\".*", "$1");
        assertThat(seen).isNotEmpty();
        // after a reload it saves, and the answer tells the page the new time to check against next
        String saved = answerSeen(id, "1", other, seen, null, "no").getContentAsString();
        assertThat(saved).contains("保存しました", "id=\"seen-1\"", "hx-swap-oob=\"true\"");
        assertThat(page("/assessments/" + id + "/areas/1", STAFF)).containsPattern("value=\"no\" checked");
    }

    @Test
    void aScriptFillsInAnAssessmentOverRest() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String made = mvc.perform(post("/api/assessments").with(STAFF).contentType("application/json")
                        .content("{\"source\": \"bundled:appi-checklist\", \"title\": \"API 点検\", \"organisation\": \"株式会社サンプル\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(made).get("id").asLong();
        String put = mvc.perform(put("/api/assessments/" + id + "/answers/scope-provide").with(STAFF).contentType("application/json")
                        .content("{\"answer\": \"yes\", \"comment\": \"物流委託先\", \"seen\": \"\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode saved = json.readTree(put).get("answers").get("scope-provide");
        assertThat(saved.get("answer").asText()).isEqualTo("yes");
        assertThat(saved.get("comment").asText()).isEqualTo("物流委託先");
        // someone else's later save is not overwritten by a stale one: 409
        mvc.perform(put("/api/assessments/" + id + "/answers/scope-provide").with(user("kato").roles("STAFF")).contentType("application/json")
                .content("{\"answer\": \"no\", \"seen\": \"\"}")).andExpect(status().isConflict());
        // a wrong key: 400 naming the field
        mvc.perform(put("/api/assessments/" + id + "/answers/scope-provide").with(STAFF).contentType("application/json")
                .content("{\"answer\": \"maybe\"}")).andExpect(status().isBadRequest());
        // submitting with questions unanswered: 400 with each by question; a staff member may not submit at all
        mvc.perform(post("/api/assessments/" + id + "/submit").with(STAFF).contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        String refused = mvc.perform(post("/api/assessments/" + id + "/submit").with(OFFICER).contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("answers.scope-optout", "必須の設問に回答がありません");
        assertThat(mvc.perform(get("/api/assessments").with(user("audit").roles("AUDITOR"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("API 点検");
    }
}
