package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The HTML, XLSX and JSON reports of self-assessments, on the PIA and ICS examples. */
class ReportsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "assess");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASIC_FULL = "基礎項目評価及び全項目評価の実施が義務付けられる";

    static Answers open(String name) throws IOException {
        return Assessment.open(EXAMPLES.resolve(name), null, false);
    }

    static String text(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    /** The 2023 PIA with a plan that raises IV-3 (linking) from 十分である to 特に力を入れている. */
    static Answers withPlan() throws IOException {
        String t = text("pia-aomori-2023.yaml").replace("plan: []", """
                plan:
                  - question: linking
                    action: "連携先を事務に必要な範囲に限定し、<b>突合</b>を防ぐ"
                    owner: 市町村課
                    due: 2024-03-31
                    difficulty: medium
                    expected: special
                """);
        return Assessment.read("planned.yaml", t, null, true);
    }

    static JsonNode area(JsonNode root, String id) {
        return StreamSupport.stream(root.get("areas").spliterator(), false).filter(a -> a.get("id").asText().equals(id)).findFirst()
                .orElseThrow();
    }

    // ---- JSON ----

    @Test
    void scoreJsonHasTheAreasTotalsAndThresholdResult() throws IOException {
        JsonNode j = JSON.readTree(ReportJson.score(Assessment.score(open("pia-aomori-2023.yaml"))));
        assertThat(j.at("/questionnaire/id").asText()).isEqualTo("pia-basic");
        assertThat(j.at("/questionnaire/version").asText()).isEqualTo("2024.10");
        assertThat(j.at("/questionnaire/title").asText()).isEqualTo("特定個人情報保護評価書（基礎項目評価書）");
        assertThat(j.at("/meta/organisation").asText()).isEqualTo("青森県知事");
        JsonNode iv = area(j, "IV");
        assertThat(iv.get("score").isIntegralNumber()).isTrue();
        assertThat(iv.get("score").asInt()).isEqualTo(12);
        assertThat(iv.get("max").asInt()).isEqualTo(14);
        assertThat(iv.get("nominal_max").asInt()).isEqualTo(18);
        assertThat(iv.get("percent").asDouble()).isEqualTo(85.71);
        assertThat(iv.at("/rating/key").asText()).isEqualTo("strong");
        assertThat(iv.at("/rating/label").asText()).isEqualTo("重点的に対策している");
        assertThat(iv.at("/answer_counts/special").asInt()).isEqualTo(4);
        assertThat(iv.at("/answer_counts/intensive").asInt()).isEqualTo(1); // 教育・啓発: 特に力を入れて行っている
        assertThat(iv.at("/answer_counts/sufficient").asInt()).isEqualTo(2);
        assertThat(iv.has("planned_score")).isFalse();
        // the cover has nothing scored: its percent is null, not 0
        assertThat(area(j, "cover").get("percent").isNull()).isTrue();
        assertThat(area(j, "cover").get("depth").asInt()).isZero();
        assertThat(j.at("/total/score").asInt()).isEqualTo(12);
        assertThat(j.at("/total/max").asInt()).isEqualTo(14);
        assertThat(j.at("/total/percent").isNumber()).isTrue();
        assertThat(j.at("/total/rating/key").asText()).isEqualTo("strong");
        assertThat(j.at("/answer_counts/special").asInt()).isEqualTo(4);
        assertThat(j.at("/answer_counts/intensive").asInt()).isEqualTo(1);
        assertThat(j.at("/computed/threshold_result/key").asText()).isEqualTo("basic_full");
        assertThat(j.at("/computed/threshold_result/label").asText()).isEqualTo(BASIC_FULL);
        assertThat(j.get("plan")).isEmpty();
        assertThat(j.get("deficiencies")).isEmpty();
    }

    @Test
    void scoreJsonWithAPlanHasThePlannedScores() throws IOException {
        JsonNode j = JSON.readTree(ReportJson.score(Assessment.score(withPlan())));
        JsonNode iv = area(j, "IV");
        assertThat(iv.get("score").asInt()).isEqualTo(12);
        assertThat(iv.get("planned_score").asInt()).isEqualTo(13);
        assertThat(iv.get("planned_percent").asDouble()).isEqualTo(92.86);
        assertThat(iv.at("/planned_rating/key").asText()).isEqualTo("strong");
        assertThat(j.at("/total/planned_score").asInt()).isEqualTo(13);
        assertThat(j.at("/plan/0/question").asText()).isEqualTo("linking");
        assertThat(j.at("/plan/0/current").asText()).isEqualTo("sufficient");
        assertThat(j.at("/plan/0/expected_label").asText()).isEqualTo("特に力を入れている");
        assertThat(j.at("/plan/0/difficulty").asText()).isEqualTo("medium");
    }

    @Test
    void compareAndChangesJson() throws IOException {
        Answers older = open("pia-aomori-2021.yaml");
        Answers newer = open("pia-aomori-2023.yaml");
        JsonNode c = JSON.readTree(ReportJson.compare(Assessment.compare(older, newer)));
        assertThat(c.at("/before/meta/date").asText()).isEqualTo("2021-09-16");
        assertThat(c.at("/total/after/score").asInt()).isEqualTo(12);
        assertThat(c.at("/computed/threshold_result/after/label").asText()).isEqualTo(BASIC_FULL);
        List<String> changed = new ArrayList<>();
        c.get("changed").forEach(n -> changed.add(n.get("question").asText()));
        assertThat(changed).contains("doc_name", "office_name", "persons_as_of").doesNotContain("persons", "acquisition");
        JsonNode e = JSON.readTree(ReportJson.changes(Assessment.changes(older, newer, "ja")));
        List<JsonNode> before = new ArrayList<>();
        e.get("changes").forEach(n -> {
            if (n.get("timing").asText().equals("before")) {
                before.add(n);
            }
        });
        assertThat(before).hasSize(7);
        assertThat(before.get(0).get("item").asText()).isEqualTo("表紙 評価書名");
        assertThat(before.get(0).get("timing_label").asText()).isEqualTo("事前");
        assertThat(before.get(0).get("date").asText()).isEqualTo("令和5年12月21日");
    }

    // ---- HTML ----

    @Test
    void scoreHtmlShowsTheResultTableAndChartAndEscapesAnswers() throws IOException {
        String t = text("pia-aomori-2023.yaml").replace("  linking: sufficient",
                "  linking: {answer: sufficient, comment: \"<script>alert('x')</script>\", evidence: \"規程 & 手順書\"}");
        ScoreSheet s = Assessment.score(Assessment.read("injected.yaml", t, null, true));
        String html = ReportHtml.score(s, "ja");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>").contains("分野別の準拠率")
                .contains("Ⅲ しきい値判断結果").contains(BASIC_FULL).contains("重点的に対策している").contains("background:#2e7d32")
                .contains("85.7%").contains("青森県総務部市町村課").contains("評価書（様式のとおり）")
                .contains("&lt;選択肢&gt; 1) 特に力を入れている 2) 十分である 3) 課題が残されている");
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("規程 &amp; 手順書");
        // the form's text parts are answers, not scored areas: the cover appears in the answers, not in the score table
        int start = html.indexOf("<table class=\"areas\">");
        String scoreTable = html.substring(start, html.indexOf("</table>", start));
        assertThat(scoreTable).contains("IV リスク対策").doesNotContain("表紙");
        // IV-6 does not apply
        assertThat(html).contains("（対象外）");
        // without a plan there is one series and no plan table
        assertThat(html).doesNotContain("改善計画後").doesNotContain("class=\"plan\"");

        String en = ReportHtml.score(s, "en");
        assertThat(en).contains("<html lang=\"en\">").contains("Score by area").contains("A basic and a full assessment are required")
                .contains("The form as laid out").doesNotContain("<script");
    }

    @Test
    void aJapaneseReportShowsNoIdsMeantForFiles() throws IOException {
        // the APPI checklist names its areas and questions with English words (sec-org, scope-abroad); readers get
        // the names alone and the questions' positions, while numbered forms (ICS: 3.1, PIA: I-1) keep their codes
        String appi = ReportHtml.score(Assessment.score(open("appi-example.yaml")), "ja");
        assertThat(appi).doesNotContainPattern("<td[^>]*>(sec-org|purpose|scope-abroad)").doesNotContain(">sec-org ")
                .contains("組織的安全管理措置").containsPattern("<td class=\"item\">\\d+</td>");
        String ics = ReportHtml.score(Assessment.score(open("ics-model-system.yaml")), "ja");
        assertThat(ics).contains("3.1 周囲防御");
    }

    @Test
    void oneWordForTheShareOfTheMaximumEverywhere() throws IOException {
        // seed 004 (the SSAT trial) calls it 準拠率: the terminal, HTML (and so PDF) and XLSX say the same
        ScoreSheet s = Assessment.score(open("ics-model-system.yaml"));
        assertThat(ReportHtml.score(s, "ja")).contains("準拠率").doesNotContain("達成率");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.score(s, "ja", out);
        try (XSSFWorkbook wb = reopen(out)) {
            assertThat(cells(wb.getSheet("概要"))).contains("準拠率(%)").doesNotContain("達成率(%)");
        }
    }

    @Test
    void scoreHtmlWithAPlanHasTwoSeriesAndThePlanTable() throws IOException {
        String html = ReportHtml.score(Assessment.score(withPlan()), "ja");
        assertThat(html).contains("改善計画後").contains("<table class=\"plan\" style=\"table-layout:fixed\">").contains("特に力を入れている")
                .contains("市町村課").contains("2024-03-31").contains("中").contains("&lt;b&gt;突合&lt;/b&gt;").doesNotContain("<b>");
        assertThat(html).contains("#1565c0");
        assertThat(html).contains("92.9%");
    }

    @Test
    void compareHtmlShowsBothSidesAndEveryChangedAnswer() throws IOException {
        Comparison c = Assessment.compare(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"));
        String html = ReportHtml.compare(c, "ja");
        assertThat(html).contains("<svg").contains("前回").contains("今回").contains("2021-09-16").contains("2023-12-21")
                .contains("<table class=\"changed\" style=\"table-layout:fixed\">").contains("→ 令和5年1月1日").contains("令和4年1月1日").contains("±0");
        int rows = html.split("<table class=\"changed\"")[1].split("</table>")[0].split("<tr>").length - 2;
        assertThat(rows).isEqualTo(c.changed().size());
    }

    @Test
    void changesHtmlKeepsLineBreaks() throws IOException {
        Answers older = open("pia-aomori-2021.yaml");
        Answers newer = open("pia-aomori-2023.yaml");
        String html = ReportHtml.changes(Assessment.changes(older, newer, "ja"), newer.questionnaire(), "ja");
        assertThat(html).contains("変更箇所").containsPattern("<th[^>]*>変更日</th><th[^>]*>項目</th><th[^>]*>変更前の記載</th><th[^>]*>変更後の記載</th><th[^>]*>提出時期</th>"
                        + "<th[^>]*>提出時期に係る説明</th>")
                .contains("white-space:pre-wrap").contains("I-1 ②事務の概要").contains("事前").contains("時点修正")
                .contains("」に分かれる。\n1. 本人確認情報の管理");
        assertThat(html.split("<td>事前</td>", -1)).hasSize(8);
    }

    // ---- XLSX ----

    static List<String> cells(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                out.add(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue()) : cell.getStringCellValue());
            }
        }
        return out;
    }

    static XSSFWorkbook reopen(ByteArrayOutputStream out) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void scoreXlsxHasTheSheetsAndTheFormAsPrinted() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.score(Assessment.score(open("pia-aomori-2023.yaml")), "ja", out);
        try (XSSFWorkbook wb = reopen(out)) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("概要", "回答", "改善計画", "様式");
            Sheet summary = wb.getSheet("概要");
            assertThat(cells(summary)).contains("青森県知事", "しきい値判断結果", BASIC_FULL, "IV", "重点的に対策している");
            Row iv = StreamSupport.stream(summary.spliterator(), false)
                    .filter(r -> r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                            && r.getCell(0).getStringCellValue().equals("IV")).findFirst().orElseThrow();
            assertThat(iv.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(iv.getCell(2).getNumericCellValue()).isEqualTo(12);
            assertThat(iv.getCell(3).getNumericCellValue()).isEqualTo(14);
            assertThat(iv.getCell(4).getNumericCellValue()).isEqualTo(85.7);
            assertThat(summary.getPaneInformation().isFreezePane()).isTrue();

            Sheet answers = wb.getSheet("回答");
            assertThat(answers.getRow(0).getCell(0).getStringCellValue()).isEqualTo("項目");
            assertThat(answers.getRow(0).getCell(7).getStringCellValue()).isEqualTo("回答ファイルでの ID");
            assertThat(wb.getFontAt(answers.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(answers.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(cells(answers)).contains("acquisition", "特に力を入れている", "2.0");

            Sheet form = wb.getSheet("様式");
            List<String> f = cells(form);
            assertThat(f).contains("Ⅲ しきい値判断結果", "[30万人以上]", "[" + BASIC_FULL + "]", "[特に力を入れている]",
                    "[○] 自己点検 [○] 内部監査 [ ] 外部監査");
            assertThat(f).anyMatch(x -> x.startsWith("<選択肢> 1) 1,000人未満（任意実施） 2) 1,000人以上1万人未満"));
            // the result follows the threshold items and precedes the risk countermeasures, as on paper
            assertThat(f.indexOf("Ⅲ しきい値判断結果")).isGreaterThan(f.indexOf("[30万人以上]")).isLessThan(f.indexOf("IV リスク対策"));
        }
    }

    @Test
    void compareXlsxPrintsOnA4WithFiltersAndDatesAsDates() throws IOException {
        Comparison c = Assessment.compare(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.compare(c, "ja", out);
        try (XSSFWorkbook wb = reopen(out)) {
            assertThat(wb.getSheetName(0)).isEqualTo("分野別の得点");
            Sheet changed = wb.getSheet("変更された回答");
            assertThat(changed.getLastRowNum()).isEqualTo(c.changed().size());
            assertThat(changed.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(changed.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) changed).getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(changed.getFooter().getRight()).isEqualTo("&P / &N");
        }
        ByteArrayOutputStream plan = new ByteArrayOutputStream();
        ReportXlsx.score(Assessment.score(withPlan()), "ja", plan);
        try (XSSFWorkbook wb = reopen(plan)) {
            Sheet p = wb.getSheet("改善計画");
            org.apache.poi.ss.usermodel.Cell due = p.getRow(1).getCell(6);
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2024, 3, 31));
        }
        ByteArrayOutputStream changes = new ByteArrayOutputStream();
        ReportXlsx.changes(Assessment.changes(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"), "ja"), "ja", changes);
        try (XSSFWorkbook wb = reopen(changes)) {
            org.apache.poi.ss.usermodel.Cell date = wb.getSheetAt(0).getRow(1).getCell(0);
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2023, 12, 21)); // 令和5年12月21日
        }
    }

    @Test
    void scoreXlsxInEnglishForAScoredQuestionnaireHasNoFormSheet() throws IOException {
        Path ics = EXAMPLES.resolve("ics-model-system.yaml");
        ScoreSheet s = Assessment.score(Assessment.open(ics, null, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.score(s, "en", out);
        try (XSSFWorkbook wb = reopen(out)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheetName(0)).isEqualTo("Summary");
            Sheet plan = wb.getSheet("Plan");
            assertThat(plan.getLastRowNum()).isEqualTo(s.answers().plan().size());
        }
        String html = ReportHtml.score(s, "ja");
        int planRows = html.split("<table class=\"plan\"")[1].split("</table>")[0].split("<tr>").length - 2;
        assertThat(planRows).isEqualTo(s.answers().plan().size());
        JsonNode j = JSON.readTree(ReportJson.score(s));
        assertThat(j.at("/total/score").asDouble()).isEqualTo(s.total().score());
        assertThat(j.get("plan")).hasSize(s.answers().plan().size());
    }

    @Test
    void changesXlsxHasTheSevenBeforeRowsOfThePia() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.changes(Assessment.changes(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"), "ja"), "ja", out);
        try (XSSFWorkbook wb = reopen(out)) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sh = wb.getSheet("変更箇所");
            List<String> header = new ArrayList<>();
            sh.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明");
            List<Row> before = new ArrayList<>();
            for (Row r : sh) {
                if (r.getRowNum() > 0 && r.getCell(4).getStringCellValue().equals("事前")) {
                    before.add(r);
                }
            }
            assertThat(before).hasSize(7);
            assertThat(before).extracting(r -> r.getCell(1).getStringCellValue()).containsExactly("表紙 評価書名",
                    "表紙 個人のプライバシー等の権利利益の保護の宣言", "I-1 ①事務の名称", "I-1 ②事務の概要", "I-1 ③システムの名称", "I-2", "I-3");
            assertThat(before.get(0).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2023, 12, 21));
            assertThat(before.get(0).getCell(0).getCellStyle().getDataFormatString()).contains("ggge"); // shown in 和暦, as on the form
            assertThat(before.get(0).getCell(5).getStringCellValue()).contains("デジタル手続法");
            assertThat(before.get(0).getCell(2).getCellStyle().getWrapText()).isTrue();
            assertThat(sh.getPaneInformation().isFreezePane()).isTrue();
        }
    }
}
