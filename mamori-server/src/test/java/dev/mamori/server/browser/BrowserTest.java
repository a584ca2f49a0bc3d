package dev.mamori.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.TestDatabases;
import dev.mamori.server.security.Role;
import dev.mamori.server.security.UserAccounts;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ledger in a real browser (Debian's chromium driven by chromedriver): log in with a one-time password and change
 * it, import a scan report as a dataset, see it listed, export XLSX; record a provision, file a request and see it
 * overdue on the dashboard, open an incident and see its deadlines and download its report; be refused a page the
 * role may not open.
 * Required where {@code MAMORI_REQUIRE_BROWSER} is set (.ci/run); skipped on a machine without chromium otherwise.
 * A failing test leaves a screenshot in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }

    @BeforeAll
    static void needsChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && System.getenv("MAMORI_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("MAMORI_REQUIRE_BROWSER is set but chromium/chromedriver are missing: apt-get install chromium chromium-driver");
        }
        assumeTrue(present, "no chromium and chromedriver here");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;
    @Autowired
    PasswordEncoder encoder;
    @TempDir
    Path downloads;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=ja");
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, o);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // htmx swaps elements while a wait reads them
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).pollingEvery(Duration.ofMillis(50));
    }

    @AfterEach
    void close(TestInfo test) throws Exception {
        if (browser == null) {
            return;
        }
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn(String name, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
    }

    @Test
    void aPrivacyOfficerChangesTheOneTimePasswordImportsAScanAndExportsTheLedger() throws Exception {
        users.create("yamada", encoder.encode("one time pass 123"), Role.PRIVACY_OFFICER, true);
        logIn("yamada", "one time pass 123");
        wait.until(ExpectedConditions.urlContains("/account/password"));
        browser.findElement(By.id("current")).sendKeys("one time pass 123");
        browser.findElement(By.id("new")).sendKeys("a better secret 456");
        browser.findElement(By.id("repeat")).sendKeys("a better secret 456");
        browser.findElement(By.id("change")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        assertThat(browser.getTitle()).contains("ダッシュボード");

        browser.get(url("/datasets"));
        browser.findElement(By.id("import-dataset")).click();
        Path report = downloads.resolve("scan.json");
        try (InputStream in = getClass().getResourceAsStream("/scan-customers.json")) {
            Files.copy(in, report);
        }
        browser.findElement(By.id("name")).sendKeys("顧客台帳");
        browser.findElement(By.id("purpose")).sendKeys("商品の発送");
        browser.findElement(By.id("report")).sendKeys(report.toString());
        browser.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("items")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("顧客台帳", "特定個人情報ファイル", "個人番号", "個人識別符号", "要配慮個人情報");

        browser.get(url("/datasets?q=顧客"));
        assertThat(browser.findElement(By.id("datasets")).getText()).contains("顧客台帳");
        browser.findElement(By.id("export-xlsx")).click();
        Path xlsx = downloads.resolve("datasets.xlsx");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(xlsx) && xlsx.toFile().length() > 0);
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("顧客台帳");
        }
    }

    @Test
    void anAuditorReadsButIsRefusedTheEditPagesAndSeesNoEditButtons() {
        users.create("kimura", encoder.encode("auditor secret 789"), Role.AUDITOR);
        logIn("kimura", "auditor secret 789");
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        browser.get(url("/datasets"));
        assertThat(browser.findElements(By.id("new-dataset"))).isEmpty();
        browser.get(url("/datasets/new"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("403");
        browser.get(url("/incidents"));
        assertThat(browser.findElements(By.id("new-entry"))).isEmpty();
        browser.get(url("/incidents/new"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("403");
        browser.get(url("/admin/settings"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("403");
    }

    private void set(String field, String value) {
        WebElement e = browser.findElement(By.name(field));
        if ("select".equals(e.getTagName())) {
            new Select(e).selectByValue(value);
        } else if ("date".equals(e.getAttribute("type"))) {
            // typing into a date input depends on the browser's locale; the value is what the form sends
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", e, value);
        } else {
            e.clear();
            e.sendKeys(value);
        }
    }

    @Test
    void aStaffMemberRecordsAProvisionFilesARequestOpensAnIncidentAndSeesThemOnTheDashboard() throws Exception {
        users.create("ito", encoder.encode("staff secret 321"), Role.STAFF);
        logIn("ito", "staff secret 321");
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));

        // a provision record on consent: its keeping period is computed (3 years from the day it was made)
        browser.get(url("/provisions/new"));
        set("basis", "CONSENT");
        set("counterparty_name", "株式会社みなと物流");
        set("person_identification", "会員番号");
        set("data_items", "氏名、住所、電話番号");
        save();
        // consent not ticked: refused, the field named, nothing saved
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invalid")));
        assertThat(browser.findElement(By.id("f-consent_obtained")).getText()).contains("確認が必要");
        browser.findElement(By.name("consent_obtained")).click();
        save();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("keep-until")));
        assertThat(browser.findElement(By.id("keep-until")).getText()).startsWith(today.plusYears(3).minusDays(1).toString());

        // a disclosure request that arrived 20 days ago: past the 14 days, on the dashboard as overdue
        browser.get(url("/requests/new"));
        set("type", "DISCLOSURE");
        set("received_on", today.minusDays(20).toString());
        set("requester_name", "佐藤一郎");
        set("disclosure_method", "PAPER");
        save();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deadline-response")));
        assertThat(browser.findElement(By.id("deadline-response")).getText()).contains(today.minusDays(7).toString(), "期限超過");

        // an incident of 1,500 persons: reportable, with the 速報 and 確報 deadlines, and its report as XLSX
        browser.get(url("/incidents/new"));
        set("name", "メール誤送信");
        set("persons", "1,500");
        set("summary", "顧客一覧を別の取引先に誤送信した");
        // the deadlines appear in the form as soon as the count is entered (htmx), before anything is saved
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deadline-preliminary")));
        assertThat(browser.getCurrentUrl()).endsWith("/incidents/new");
        save();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deadline-final")));
        assertThat(browser.findElement(By.id("fact-reportable")).getText()).isEqualTo("はい");
        assertThat(browser.findElement(By.id("deadline-preliminary")).getText()).contains(today.plusDays(4).toString());
        assertThat(browser.findElement(By.id("deadline-final")).getText()).contains(today.plusDays(29).toString());
        String incident = browser.getCurrentUrl().replaceAll(".*/incidents/", "");
        browser.findElement(By.id("report-xlsx")).click();
        Path xlsx = downloads.resolve("incident-" + incident + "-report.xlsx");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Files.isRegularFile(xlsx) && xlsx.toFile().length() > 0);
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> all.append(c).append('|')));
            assertThat(all).contains("1. 概要|顧客一覧を別の取引先に誤送信した", "9. その他参考となる事項");
        }

        browser.get(url("/dashboard"));
        String dash = browser.findElement(By.id("due-list")).getText();
        assertThat(dash).contains("佐藤一郎", "期限超過", "速報", "メール誤送信");
        assertThat(browser.findElement(By.id("open-incidents")).getText()).contains("メール誤送信");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve("dashboard.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Submits the register form and waits until the next page has loaded. The form's live preview already shows the
     * deadlines and facts, so waiting for them alone could pass on the old page while it unloads. The old page is
     * marked by a script variable that the new page does not have; while the browser is between the two, the driver may
     * answer with any error (a stale element, or Chromium's "node does not belong to the document"), so errors are
     * waited through rather than asked about one by one.
     */
    private void save() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.mamoriPageBeforeSave = true");
        browser.findElement(By.id("save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.mamoriPageBeforeSave === undefined && document.readyState === 'complete'")));
    }

    /** Answers every question shown on the page that has no answer yet ("yes" where it is a choice), waiting for each autosave. */
    private void answerShownQuestions() {
        while (true) {
            WebElement next = null;
            for (WebElement q : browser.findElements(By.cssSelector("section.question"))) {
                boolean answered = q.findElements(By.cssSelector("input[type=radio]:checked")).stream()
                        .anyMatch(c -> !c.getAttribute("value").isEmpty());
                if (q.isDisplayed() && !answered) {
                    next = q;
                    break;
                }
            }
            if (next == null) {
                return;
            }
            String id = next.getAttribute("id").substring(2);
            List<WebElement> yes = next.findElements(By.cssSelector("input[type=radio][value='yes']"));
            (yes.isEmpty() ? next.findElements(By.cssSelector("input[type=radio]")).get(0) : yes.get(0)).click();
            wait.until(d -> d.findElement(By.id("s-" + id)).getText().contains("保存しました"));
        }
    }

    private Path download(String linkId, String name) {
        browser.findElement(By.id(linkId)).click();
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file) && file.toFile().length() > 0);
        return file;
    }

    @Test
    void anOfficerAnswersTheAppiChecklistSubmitsTwoRoundsComparesThemAndDownloadsPdfAndXlsx() throws Exception {
        users.create("suzuki", encoder.encode("officer secret 246"), Role.PRIVACY_OFFICER);
        logIn("suzuki", "officer secret 246");
        wait.until(ExpectedConditions.urlContains("/dashboard"));

        browser.get(url("/assessments"));
        new Select(browser.findElement(By.id("source"))).selectByValue("bundled:appi-checklist");
        browser.findElement(By.id("title")).sendKeys("個人情報保護法チェック 2026");
        browser.findElement(By.name("organisation")).sendKeys("株式会社サンプル");
        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        String base = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");

        // a question that applies only when another is answered "yes" is hidden until then, and shown at once after
        browser.findElement(By.id("answer")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-scope-provide")));
        assertThat(browser.findElement(By.id("q-scope-optout")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#f-scope-provide input[value='yes']")).click();
        wait.until(d -> d.findElement(By.id("s-scope-provide")).getText().contains("保存しました"));
        wait.until(d -> d.findElement(By.id("q-scope-optout")).isDisplayed());
        // the status is cleared here so that the wait below sees the comment's own save
        ((JavascriptExecutor) browser).executeScript("document.getElementById('s-scope-provide').textContent = ''");
        WebElement comment = browser.findElement(By.cssSelector("#f-scope-provide textarea[name=comment]"));
        comment.sendKeys("物流委託先との共有を含む");
        browser.findElement(By.tagName("h1")).click();
        wait.until(d -> d.findElement(By.id("s-scope-provide")).getText().contains("保存しました"));

        // autosaved: a reload shows the answer, the comment and the question it turned on
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-scope-provide")));
        assertThat(browser.findElement(By.cssSelector("#f-scope-provide input[value='yes']")).isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#f-scope-provide textarea[name=comment]")).getAttribute("value"))
                .isEqualTo("物流委託先との共有を含む");
        assertThat(browser.findElement(By.id("q-scope-optout")).isDisplayed()).isTrue();

        // submitting with questions unanswered names them, and nothing is submitted
        browser.get(url(base));
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-problems")));
        assertThat(browser.findElement(By.id("submit-problems")).getText()).contains("必須の設問に回答がありません");

        int areas = browser.findElements(By.cssSelector("#progress tbody tr")).size();
        for (int n = 1; n <= areas; n++) {
            browser.get(url(base + "/areas/" + n));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("areas")));
            answerShownQuestions();
        }
        browser.get(url(base));
        browser.findElement(By.name("reason")).sendKeys("年次点検");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/revisions/1"));
        assertThat(browser.findElement(By.id("round")).getText()).isEqualTo("第1回");
        assertThat(browser.findElement(By.id("area-scores")).getText()).contains("利用目的");

        String id = base.substring(base.lastIndexOf('/') + 1);
        Path pdf = download("report-pdf", "assessment-" + id + "-r1.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
            assertThat(text).contains("個人情報保護法", "株式会社サンプル", "準拠率");
        }
        Path xlsx = download("report-xlsx", "assessment-" + id + "-r1.xlsx");
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isGreaterThan(1);
        }

        // a second round with one answer changed, compared with the first
        browser.get(url(base + "/areas/1"));
        browser.findElement(By.cssSelector("#f-scope-provide input[value='no']")).click();
        wait.until(d -> d.findElement(By.id("s-scope-provide")).getText().contains("保存しました"));
        wait.until(d -> !d.findElement(By.id("q-scope-optout")).isDisplayed());
        browser.get(url(base));
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlContains("/revisions/2"));
        browser.get(url(base));
        browser.findElement(By.id("compare")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("changed")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("第1回と第2回の比較");
        assertThat(browser.findElement(By.id("changed")).getText()).contains("いいえ");
        Path cx = download("compare-xlsx", "assessment-" + id + "-compare-r1-r2.xlsx");
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(cx))) {
            assertThat(wb.getNumberOfSheets()).isPositive();
        }
    }

    @Test
    void aSurveyIsAnsweredThroughALinkWithoutALoginAndTabulatedWithSmallCellsHidden() throws Exception {
        users.create("nakamura", encoder.encode("officer secret 135"), Role.PRIVACY_OFFICER);
        logIn("nakamura", "officer secret 135");
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        browser.get(url("/surveys"));
        new Select(browser.findElement(By.id("source"))).selectByValue("bundled:internet-use-survey");
        browser.findElement(By.id("title")).sendKeys("インターネット利用調査");
        browser.findElement(By.id("round")).sendKeys("2007 日本");
        browser.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("links-form")));
        String survey = browser.getCurrentUrl();
        String id = survey.replaceAll(".*/surveys/", "");
        WebElement count = browser.findElement(By.name("count"));
        count.clear();
        count.sendKeys("2");
        Path linksFile = download("make-links", "survey-" + id + "-links.csv");
        List<String> links = Files.readAllLines(linksFile).stream().skip(1).toList();
        assertThat(links).hasSize(2);
        // paper forms: the example's 1,200 responses
        browser.findElement(By.id("responses-file")).sendKeys(Path.of("../examples/survey/internet-use-2007.csv").toAbsolutePath().normalize().toString());
        browser.findElement(By.id("import")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("responses"), "1200"));

        // a respondent with no login answers through a link, once
        browser.manage().deleteAllCookies();
        browser.get(links.get(0));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("respond")));
        assertThat(browser.findElements(By.cssSelector("nav a"))).isEmpty();
        for (String[] a : new String[][] {{"country", "KR"}, {"sex", "female"}, {"age", "20s"}, {"place", "home"}, {"place", "cafe"},
                {"line", "ftth"}, {"time", "night"}, {"purpose", "games"}}) {
            browser.findElement(By.cssSelector("input[name='" + a[0] + "'][value='" + a[1] + "']")).click();
        }
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "回答を受け付けました"));
        browser.get(links.get(0));
        assertThat(browser.findElement(By.id("done")).getText()).contains("すでに回答されています");

        logIn("nakamura", "officer secret 135");
        wait.until(ExpectedConditions.urlContains("/dashboard"));
        browser.get(survey);
        assertThat(browser.findElement(By.id("responses")).getText()).isEqualTo("1201");
        new Select(browser.findElement(By.id("rows"))).selectByValue("country");
        new Select(browser.findElement(By.id("columns"))).selectByValue("line");
        browser.findElement(By.id("tabulate")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cross-table")));
        assertThat(browser.findElement(By.id("cross-table")).getText()).contains("韓国", "x");
        assertThat(browser.findElement(By.id("legend")).getText()).contains("10 件未満");
        Path pdf = download("table-pdf", "survey-" + id + "-country-line.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(d)).contains("インターネット利用に関する基礎調査", "韓国", "秘匿");
        }
        Path xlsx = download("table-xlsx", "survey-" + id + "-country-line.xlsx");
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("韓国");
        }
    }

    /** Issue 14: the ICS example's report printed by Chromium itself on A4 fits in 8 pages (its own print-to-PDF). */
    @Test
    void chromiumPrintsTheIcsReportOnAtMostEightA4Pages() throws Exception {
        dev.mamori.assess.ScoreSheet s = dev.mamori.assess.Assessment.score(
                dev.mamori.assess.Assessment.open(Path.of("../examples/assess/ics-model-system.yaml"), null, true));
        Path html = downloads.resolve("ics.html");
        Files.writeString(html, dev.mamori.assess.ReportHtml.score(s, "ja"));
        browser.get(html.toUri().toString());
        org.openqa.selenium.print.PrintOptions a4 = new org.openqa.selenium.print.PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        a4.setBackground(true);
        byte[] pdf = java.util.Base64.getDecoder().decode(((org.openqa.selenium.PrintsPage) browser).print(a4).getContent());
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isBetween(2, 8);
            assertThat(d.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(3f));
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(d)).contains("3.1 周囲防御", "準拠率");
        }
    }
}
