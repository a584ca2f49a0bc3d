package dev.mamori.cli.scan;

import dev.mamori.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.cli.CliTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 9, scan side: gates that cannot be bypassed, no value in a message, exit codes, safe names. */
class ScanSafetyTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(Run r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    // 1. gates

    @Test
    void filesSkippedInADirectoryMakeTheGateFailUnlessAllowed() throws IOException {
        Path d = dir.resolve("export");
        write("export/ok.csv", "氏名,電話番号\n山田,03-1234-5678\n");
        Files.write(d.resolve("nul.txt"), new byte[] {'1', '2', 0, '3', '\n'});
        Files.write(d.resolve("u16.txt"), "マイナンバー 123456789018".getBytes(StandardCharsets.UTF_16LE));

        Run gate = ja("scan", "--no-progress", "--fail-on", "MY_NUMBER", d.toString());
        assertThat(gate.code()).isEqualTo(2);
        assertThat(gate.out()).contains("nul.txt  スキップ (未読): バイナリファイル（2 バイト目に NUL）")
                .contains("u16.txt  スキップ (未読): バイト順マークのない UTF-16LE のテキストのようです")
                .contains("未読: 2 件").contains("--fail-on は合格にできません");
        Run allowed = run("scan", "--no-progress", "--lang", "en", "--fail-on", "MY_NUMBER", "--allow-unread", d.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("skipped (unread)").contains("Unread: 2");
        assertThat(run("scan", "--no-progress", d.toString()).code()).isZero(); // no gate: as before
        JsonNode doc = json(run("scan", "--format", "json", "--fail-on", "MY_NUMBER", d.toString()));
        assertThat(doc.get("unread_problems").asInt()).isEqualTo(2);
        assertThat(doc.get("skipped")).hasSize(2);
        assertThat(doc.get("exit_code").asInt()).isEqualTo(2);
    }

    @Test
    void aJsonLineTooLongToReadFailsTheGateInEveryFormat() throws IOException {
        Path f = write("big.jsonl", "{\"tel\": \"03-1234-5678\"}\n{\"x\": \"" + "y".repeat(4_200_000) + "\"}\n");
        assertThat(run("scan", "--no-progress", "--fail-on", "MY_NUMBER", f.toString()).code()).isEqualTo(2);
        assertThat(run("scan", "--no-progress", "--fail-on", "MY_NUMBER", "--allow-unread", f.toString()).code()).isZero();

        Run summary = run("scan", "--no-progress", f.toString());
        assertThat(summary.out()).contains("[unread] " + f + ":2: line 2 is longer than 4194304 chars; skipped");
        assertThat(ja("scan", "--no-progress", f.toString()).out()).contains("[未読] " + f + ":2: 2 行目が 4194304 文字を超えています。読み飛ばしました");
        JsonNode doc = json(run("scan", "--format", "json", f.toString()));
        assertThat(doc.get("problems").get(0).get("unread").asBoolean()).isTrue();
        assertThat(doc.get("problems").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(doc.get("files").get(0).get("unread_problems").asInt()).isEqualTo(1);
        List<JsonNode> lines = run("scan", "--format", "jsonl", f.toString()).jsonLines();
        assertThat(lines).filteredOn(n -> n.has("problem")).singleElement().satisfies(n -> {
            assertThat(n.get("unread").asBoolean()).isTrue();
            assertThat(n.get("line").asInt()).isEqualTo(2);
            assertThat(n.has("type")).isFalse();
        });
        assertThat(lines).filteredOn(n -> n.has("type")).hasSize(1);
    }

    @Test
    void aStrayQuoteInALargeCsvNoLongerEndsTheScan() throws IOException {
        StringBuilder b = new StringBuilder("氏名,電話,メモ\n山田,03-1234-5678,\"oops\n");
        int lines = de.siegmar.fastcsv.util.Limits.MAX_FIELD_SIZE / 19 + 1000; // more than a field may hold
        for (int i = 0; i < lines; i++) {
            b.append("名前,090-0000-0000,x\n");
        }
        b.append("最後,090-0000-0000,個人番号 123456789018\n");
        Path f = write("stray.csv", b.toString());
        Run gate = ja("scan", "--no-progress", "--types", "MY_NUMBER", "--fail-on", "MY_NUMBER", f.toString());
        assertThat(gate.code()).isEqualTo(2); // found, but the gate cannot vouch for the rows read as text
        assertThat(gate.out()).contains("--fail-on に該当: [MY_NUMBER]");
        JsonNode n = run("scan", "--format", "jsonl", "--types", "MY_NUMBER", "--threads", "2", f.toString()).jsonLines().stream()
                .filter(x -> x.has("type")).findFirst().orElseThrow();
        assertThat(n.get("line").asInt()).isEqualTo(lines + 3);
        assertThat(n.has("row")).isFalse();
        assertThat(run("scan", "--no-progress", "--types", "MY_NUMBER", "--fail-on", "MY_NUMBER", "--allow-unread", f.toString()).code())
                .isEqualTo(1);
    }

    @Test
    void problemLinesComeInInputOrderWhateverTheThreads() throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("id,電話,メモ\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 40_000; i++) {
            b.writeBytes((i + ",090-1234-" + (1000 + i % 9000) + ",メモ").getBytes(StandardCharsets.UTF_8));
            if (i % 5_000 == 4_999) {
                b.write(0xFF); // not UTF-8: a warning at this line
            }
            if (i % 15_000 == 7_000) { // too many fields (unread), and a byte that is not UTF-8 just after the limit:
                // whether it is decoded before the parser gives up depends on where its buffers fall
                b.writeBytes(",x".repeat(16_390).getBytes(StandardCharsets.UTF_8));
                b.write(0xFF);
                b.writeBytes(",x".repeat(600).getBytes(StandardCharsets.UTF_8));
            }
            b.write('\n');
        }
        Path f = Files.write(dir.resolve("order.csv"), b.toByteArray());
        Run one = run("scan", "--format", "jsonl", "--types", "PHONE", "--threads", "1", f.toString());
        Run two = run("scan", "--format", "jsonl", "--types", "PHONE", "--threads", "2", f.toString());
        assertThat(two.out()).isEqualTo(one.out());
        List<JsonNode> problems = one.jsonLines().stream().filter(n -> n.has("problem")).toList();
        assertThat(problems).hasSize(8 + 3 + 3);
        assertThat(problems).extracting(n -> n.get("line").asLong()).isSorted();
        Run json1 = run("scan", "--format", "json", "--types", "PHONE", "--threads", "1", f.toString());
        Run json2 = run("scan", "--format", "json", "--types", "PHONE", "--threads", "2", f.toString());
        assertThat(json(json2).get("problems")).isEqualTo(json(json1).get("problems"));
    }

    @Test
    void aCorruptSheetFailsTheGate() throws IOException {
        Path good = dir.resolve("good.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(good)) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("電話");
            wb.getSheet("a").createRow(1).createCell(0).setCellValue("03-1234-5678");
            wb.write(out);
        }
        Path bad = dir.resolve("bad.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("xl/worksheets/sheet1.xml") ? new String(content, StandardCharsets.UTF_8)
                        .replace("</sheetData>", "<row r=\"5\"><c <<<").getBytes(StandardCharsets.UTF_8) : content);
            }
        }
        Run r = run("scan", "--no-progress", "--fail-on", "MY_NUMBER", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("[unread] " + bad + ":3: sheet \"a\" is corrupt after spreadsheet row 2");
        assertThat(ja("scan", "--no-progress", bad.toString()).out()).contains("[未読] " + bad + ":3: シート \"a\" は 2 行目より後が壊れています");
    }

    @Test
    void minConfidenceMustBeANumberFromZeroToOne() throws IOException {
        Path f = write("a.txt", "電話 03-1234-5678\n");
        for (String bad : List.of("NaN", "-1", "2", "Infinity")) {
            Run r = run("scan", "--min-confidence", bad, f.toString());
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).startsWith("mamori: --min-confidence must be a number from 0 to 1");
        }
        assertThat(run("scan", "--min-confidence", "1", f.toString()).code()).isZero();
        assertThat(run("eval-detect", "--min-confidence", "NaN", f.toString()).code()).isEqualTo(2);
    }

    // exit codes

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Parameters
        String what;

        @Override
        public Integer call() {
            switch (what) {
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "stack" -> throw new StackOverflowError();
                case "npe" -> throw new NullPointerException("a defect");
                default -> throw new IllegalArgumentException("a bad value");
            }
        }
    }

    /** The command line in English: these tests read its English messages. */
    private static Run run(String... args) {
        String[] en = new String[args.length + 2];
        en[0] = "--lang";
        en[1] = "en";
        System.arraycopy(args, 0, en, 2, args.length);
        return dev.mamori.cli.CliTest.run(en);
    }

    /** The command line in Japanese. */
    private static Run ja(String... args) {
        return dev.mamori.cli.CliTest.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--lang", "ja"),
                java.util.Arrays.stream(args)).toArray(String[]::new));
    }

    private static Run boom(String... args) {
        dev.mamori.cli.Lang.use(dev.mamori.cli.Lang.en);
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("boom", new Boom());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(cl, args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void outOfMemoryAndOtherDefectsExitThreeWithOneLineAndNoStackTrace() {
        Run oom = boom("boom", "oom");
        assertThat(oom.code()).isEqualTo(3);
        assertThat(oom.err()).startsWith("mamori: out of memory").doesNotContain("\tat ").hasLineCount(1);
        Run stack = boom("boom", "stack");
        assertThat(stack.code()).isEqualTo(3);
        assertThat(stack.err()).startsWith("mamori: internal error: stack overflow").hasLineCount(1);
        Run npe = boom("boom", "npe");
        assertThat(npe.code()).isEqualTo(3);
        assertThat(npe.err()).isEqualTo("mamori: internal error: a defect (run with --debug for the stack trace, and please report it)\n");
        Run usage = boom("boom", "x");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("mamori: a bad value\n");
        Run debug = boom("--debug", "boom", "oom");
        assertThat(debug.code()).isEqualTo(3);
        assertThat(debug.err()).startsWith("mamori: out of memory").contains("\tat ");
        assertThat(boom("boom", "npe", "--debug").err()).contains("\tat ");
    }

    @Test
    void badOptionsAreOneLineAndAPointerToHelp() {
        Run r = run("scan", "--bogus", "x");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("mamori: Unknown option: '--bogus'").contains("Try 'mamori scan --help'")
                .doesNotContain("\tat ");
    }

    // 2. no value in a message

    @Test
    void aCsvWithoutHeaderNeverShowsItsFirstRecordAndScansIt() throws IOException {
        Path f = write("nohead.csv", "123456789018,4111111111111111,090-1234-5678\n"
                + "234567890121,5555555555554444,080-2345-6789\n345678901234,4012888888881881,070-3456-7890\n");
        Run summary = run("scan", "--no-progress", f.toString());
        Run jsonRun = run("scan", "--format", "json", f.toString());
        Run policy = run("deid", "init", f.toString());
        for (Run r : List.of(summary, jsonRun, policy)) {
            String said = (r.out() + r.err()).replace(dir.toString(), ""); // the temporary folder's random name may hold the digits
            assertThat(said).doesNotContain("123456789018").doesNotContain("4111111111111111")
                    .doesNotContain("090-1234-5678").doesNotContain("1234-5678");
        }
        assertThat(summary.out()).contains("列1").contains("MY_NUMBER");
        JsonNode doc = json(jsonRun);
        assertThat(doc.get("findings")).hasSize(9);
        assertThat(doc.get("findings").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get(0).get("column").asText()).isEqualTo("列1");
        assertThat(policy.code()).isZero();
        assertThat(policy.out()).contains("\"列1\"");
    }

    @Test
    void aMalformedJsonLineIsReportedByPositionOnly() throws IOException {
        Path f = write("m.jsonl", "{\"a\": 123456789018x}\n{\"a\": tel09012345678}\n");
        for (String format : List.of("summary", "json", "jsonl")) {
            Run r = run("scan", "--format", format, f.toString());
            String said = (r.out() + r.err()).replace(dir.toString(), ""); // the temporary folder's random name may hold the digits
            assertThat(said).as(format).doesNotContain("123456789018").doesNotContain("09012345678")
                    .contains("line 1, column 19: malformed JSON");
        }
    }

    // 4. files

    @Test
    void fileNamesWithNewlinesOrEscapesCannotForgeLinesOrReachTheTerminal() throws IOException {
        Path d = dir.resolve("names");
        Path forged = write("names/evil\nmamori: fake line.csv", "氏名,電話\n山田,03-1234-5678\n");
        Path ansi = write("names/ansi\u001b[31mred.txt", "x\n");
        Files.write(d.resolve("skip\u009b.bin"), new byte[] {1, 0, 2});
        Run r = run("scan", "--no-progress", d.toString());
        for (String text : List.of(r.out(), r.err())) {
            assertThat(text).doesNotContain("\u001b").doesNotContain("\u009b");
            assertThat(text.lines()).noneMatch(l -> l.startsWith("mamori: fake"));
        }
        assertThat(r.out()).contains("evil\\nmamori: fake line.csv").contains("ansi\\x1b[31mred.txt").contains("skip\\x9b.bin");
        Run j = run("scan", "--format", "json", d.toString());
        assertThat(j.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\n\"");
        JsonNode doc = json(j);
        assertThat(doc.get("files").findValuesAsText("file")).contains(forged.toString(), ansi.toString());
        assertThat(doc.get("skipped").get(0).get("file").asText()).isEqualTo(d.resolve("skip\u009b.bin").toString());
    }

    @Test
    void outsideTextInColumnNamesIsEscapedInTheSummaryAndExactInJson() throws IOException {
        Path f = write("h.csv", "名前\u202e,電話\u001b[2J\n山田,03-1234-5678\n");
        Run r = run("scan", "--no-progress", f.toString());
        assertThat(r.out()).doesNotContain("\u202e").doesNotContain("\u001b").contains("名前\\u202e").contains("電話\\x1b[2J");
        Run j = run("scan", "--format", "jsonl", f.toString());
        assertThat(j.out()).doesNotContain("\u202e").doesNotContain("\u001b");
        assertThat(j.jsonLines()).filteredOn(n -> n.get("type").asText().equals("PHONE")).singleElement()
                .satisfies(n -> assertThat(n.get("column").asText()).isEqualTo("電話\u001b[2J"));
    }

    @Test
    void evalDetectRefusesSpansOutsideTheText() throws IOException {
        Path f = write("labels.jsonl", "{\"doc_id\":\"a\",\"text\":\"電話 03-1234-5678\",\"spans\":[{\"start\":3,\"end\":15,\"type\":\"PHONE\"}]}\n"
                + "{\"doc_id\":\"b\",\"text\":\"電話 03-1234-5678\",\"spans\":[{\"start\":3,\"end\":99,\"type\":\"PHONE\"}]}\n");
        Run r = run("eval-detect", "--types", "PHONE", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("mamori: " + f + ":2 (doc b): label PHONE 3..99 is outside the text (the text has 15 chars;"
                + " offsets are UTF-16 indices, end exclusive)\n");
        Path g = write("labels2.jsonl", "{\"doc_id\":\"c\",\"text\":\"x\",\"spans\":[{\"start\":\"0\",\"end\":1,\"type\":\"PHONE\"}]}\n"
                + "{\"doc_id\": 123456789018x}\n");
        assertThat(run("eval-detect", g.toString()).err()).contains(g + ":1 (doc c): span 1 needs integer \"start\" and \"end\"");
        Path h = write("labels3.jsonl", "{\"doc_id\": 123456789018x}\n");
        Run bad = run("eval-detect", h.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("mamori: " + h + ":1, column 24: not valid JSON\n");
    }
}
