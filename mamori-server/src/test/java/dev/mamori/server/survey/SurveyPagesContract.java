package dev.mamori.server.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.risk.CellSuppression;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Surveys: links that answer once and without a login, refused when used, closed or unknown; paper forms imported from
 * the example's CSV (and refused whole, with line and column, when one line is wrong); cross tables whose small cells
 * are hidden beyond recovery, by question and by round, as CSV, XLSX, JSON and PDF; the respondents' rate limit.
 * The same tests run on H2 and on PostgreSQL.
 */
@org.springframework.boot.test.context.SpringBootTest
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
abstract class SurveyPagesContract {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.test.web.servlet.MockMvc mvc;


    static final RequestPostProcessor OFFICER = user("sato").roles("PRIVACY_OFFICER");
    static final RequestPostProcessor STAFF = user("tanaka").roles("STAFF");
    static final Path EXAMPLE = Path.of("../examples/survey/internet-use-2007.csv");

    private long open(String title, String round) throws Exception {
        String at = mvc.perform(post("/surveys").with(OFFICER).with(csrf()).param("source", "bundled:internet-use-survey").param("title", title)
                .param("round", round).param("k", "10")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(at.substring(at.lastIndexOf('/') + 1));
    }

    private List<String> links(long id, int n) throws Exception {
        String csv = mvc.perform(post("/surveys/" + id + "/links").with(OFFICER).with(csrf()).param("count", Integer.toString(n)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFurl");
        return lines.subList(1, lines.size()).stream().map(l -> l.substring(l.indexOf("/s/"))).toList();
    }

    private String importCsv(long id, byte[] csv) throws Exception {
        return mvc.perform(multipart("/surveys/" + id + "/responses").file(new MockMultipartFile("file", "forms.csv", "text/csv", csv))
                .with(STAFF).with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getFlashMap().toString();
    }

    @Test
    void aLinkAnswersOnceWithoutALoginAndNotWhenClosed() throws Exception {
        long id = open("インターネット利用調査 リンク", "2007 日本");
        mvc.perform(post("/surveys").with(STAFF).with(csrf()).param("source", "bundled:internet-use-survey").param("title", "x").param("round", "x"))
                .andExpect(status().isForbidden());
        List<String> links = links(id, 3);
        assertThat(links).hasSize(3).doesNotHaveDuplicates().allMatch(l -> l.matches("/s/[A-Za-z0-9_-]{43}"));

        String form = mvc.perform(get(links.get(0))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("インターネット利用に関する基礎調査", "自宅で主に使っている回線", "name=\"_csrf\"");
        // a required question missing: the form again, the question named, nothing kept
        String missing = mvc.perform(post(links.get(0)).with(csrf()).param("country", "JP").param("sex", "female"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("回答してください", "value=\"JP\" checked");
        mvc.perform(post(links.get(0)).with(csrf()).param("country", "JP").param("sex", "female").param("age", "30s")
                        .param("place", "home", "mobile").param("line", "ftth").param("time", "evening").param("purpose", "email", "news"))
                .andExpect(status().isOk());
        assertThat(mvc.perform(post(links.get(0)).with(csrf()).param("country", "KR")).andExpect(status().is(410)).andReturn().getResponse()
                .getContentAsString()).contains("すでに回答されています");
        mvc.perform(get("/s/" + "A".repeat(43))).andExpect(status().isNotFound());
        mvc.perform(get("/s/not-a-token")).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/surveys/" + id).with(STAFF)).andReturn().getResponse().getContentAsString()).contains("3 件中 1 件回答済み");

        mvc.perform(post("/surveys/" + id + "/state").with(OFFICER).with(csrf()).param("open", "false")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(links.get(1))).andExpect(status().is(410)).andReturn().getResponse().getContentAsString()).contains("締め切られました");
    }

    @Test
    void theExampleIsImportedAndTabulatedWithItsSmallCellsHiddenBeyondRecovery() throws Exception {
        long id = open("インターネット利用調査 2007", "2007");
        assertThat(importCsv(id, Files.readAllBytes(EXAMPLE))).contains("imported=1200");
        String page = mvc.perform(get("/surveys/" + id).param("rows", "country").param("columns", "line").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("cross-table", "日本", "韓国", "光回線（FTTH）", ">x<", "x: 秘匿", "<svg");

        byte[] json = mvc.perform(get("/surveys/" + id + "/table.json").param("rows", "country").param("columns", "line").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        JsonNode t = new ObjectMapper().readTree(json);
        assertThat(t.get("total").asLong()).isEqualTo(1200);
        boolean[][] hidden = new boolean[t.get("rows").size() + 1][t.get("columns").size() + 1];
        for (int r = 0; r < t.get("rows").size(); r++) {
            for (int c = 0; c < t.get("columns").size(); c++) {
                JsonNode cell = t.get("cells").get(r).get(c);
                hidden[r][c] = cell.isNull();
                assertThat(cell.isNull() || cell.asLong() == 0 || cell.asLong() >= 10).as("cell %d,%d", r, c).isTrue();
            }
            hidden[r][t.get("columns").size()] = t.get("row_totals").get(r).isNull();
        }
        for (int c = 0; c < t.get("columns").size(); c++) {
            hidden[t.get("rows").size()][c] = t.get("column_totals").get(c).isNull();
        }
        assertThat(CellSuppression.recoverable(hidden)).isEmpty();
        assertThat(t.get("primary_suppressed").asInt()).isPositive();

        byte[] xlsx = mvc.perform(get("/surveys/" + id + "/table.xlsx").param("rows", "country").param("columns", "line").with(STAFF))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("お住まいの国・地域");
        }
        String csv = mvc.perform(get("/surveys/" + id + "/table.csv").param("rows", "country").param("columns", "line").with(STAFF))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("韓国", ",x,");
        byte[] pdf = mvc.perform(get("/surveys/" + id + "/table.pdf").param("rows", "country").param("columns", "line").with(STAFF))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the rounds side by side: a second survey of the same questionnaire
        long next = open("インターネット利用調査 2008", "2008");
        List<String> lines = Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8);
        assertThat(importCsv(next, String.join("\r\n", lines.subList(0, 401)).getBytes(StandardCharsets.UTF_8))).contains("imported=400");
        String rounds = mvc.perform(get("/surveys/" + next).param("rows", "_round").param("columns", "country")
                .param("include", Long.toString(id), Long.toString(next)).with(STAFF)).andReturn().getResponse().getContentAsString();
        assertThat(rounds).contains("<td>2007</td>", "<td>2008</td>", "<td class=\"num\">400</td>");
        // two surveys pooled under two questions: refused (pooled minus one survey's table is the other's, small cells included)
        assertThat(mvc.perform(get("/surveys/" + next).param("rows", "country").param("columns", "line")
                .param("include", Long.toString(id), Long.toString(next)).with(STAFF)).andReturn().getResponse().getContentAsString())
                .contains("回を行か列にしたときだけ").doesNotContain("id=\"cross-table\"");
        mvc.perform(get("/surveys/" + next + "/table.csv").param("rows", "country").param("columns", "line")
                .param("include", Long.toString(id), Long.toString(next)).with(STAFF)).andExpect(status().isNotFound());
        // a k under the survey's own is raised to it
        String low = mvc.perform(get("/surveys/" + id).param("rows", "country").param("columns", "line").param("k", "2").with(STAFF))
                .andReturn().getResponse().getContentAsString();
        assertThat(low).contains("10 件未満");
    }

    @Test
    void aWrongLineRefusesTheWholeImportAndSaysWhere() throws Exception {
        long id = open("インターネット利用調査 取込", "2007");
        String csv = "country,sex,age,place,line,time,purpose\nJP,male,40s,home,ftth,evening,email\nJP,male,40s,home;office,ftth,evening,email\n";
        String flash = importCsv(id, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(flash).contains("forms.csv:3:4: place: 選択肢にない回答です").doesNotContain("imported");
        assertThat(importCsv(id, "country,shoe\nJP,28\n".getBytes(StandardCharsets.UTF_8))).contains("forms.csv:1: 設問 shoe はこの設問票にありません");
        assertThat(mvc.perform(get("/surveys/" + id).with(STAFF)).andReturn().getResponse().getContentAsString()).contains("id=\"responses\">0<");
    }

    @Test
    void respondentsAreLimitedPerAddressAndMinute() throws Exception {
        RespondentRateLimit limit = new RespondentRateLimit(3);
        int[] statuses = new int[5];
        for (int i = 0; i < 5; i++) {
            // as the container gives it: the path decoded (a request for /%73/x counts too)
            MockHttpServletRequest req = new MockHttpServletRequest("GET", i % 2 == 0 ? "/s/x" : "/%73/x");
            req.setServletPath("/s/x");
            req.setRemoteAddr("203.0.113.7");
            MockHttpServletResponse res = new MockHttpServletResponse();
            limit.doFilter(req, res, new MockFilterChain());
            statuses[i] = res.getStatus();
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/s/x");
        other.setServletPath("/s/x");
        other.setRemoteAddr("203.0.113.8");
        MockHttpServletResponse res = new MockHttpServletResponse();
        limit.doFilter(other, res, new MockFilterChain());
        assertThat(res.getStatus()).isEqualTo(200);
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/surveys");
        page.setServletPath("/surveys");
        page.setRemoteAddr("203.0.113.7");
        MockHttpServletResponse pageRes = new MockHttpServletResponse();
        limit.doFilter(page, pageRes, new MockFilterChain());
        assertThat(pageRes.getStatus()).isEqualTo(200);
    }
}
