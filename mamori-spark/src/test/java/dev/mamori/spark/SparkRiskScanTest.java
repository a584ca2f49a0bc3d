package dev.mamori.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.Scanner;
import dev.mamori.detect.TableReport;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.PopulationRisk;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskReport;
import dev.mamori.table.DocumentReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori spark risk and scan give the figures and column classes of mamori risk and scan. */
class SparkRiskScanTest {

    @TempDir
    Path dir;

    @Test
    void riskFromADistributedGroupByIsTheCoresRisk() throws IOException {
        Path input = Spark.perturbedAdult(dir.resolve("adult.csv"), 200_000);
        List<String> qi = List.of("sex", "age", "race", "marital-status");
        List<String> sensitive = List.of("salary-class", "occupation");
        RiskReport want = RiskAnalyzer.analyze(Dataset.read(input), qi, sensitive, 0.1);
        SparkSession s = Spark.session();
        RiskReport got = SparkRisk.measure(Tables.read(s, Tables.probe(s, input.toString(), "auto", null)), qi, sensitive, 0.1);
        assertThat(got).isEqualTo(want);
        assertThat(got.records()).isEqualTo(200_000);
        assertThat(got.classSizes()).containsKey(1); // unique records exist: the figures are not trivial
    }

    @Test
    void populationRiskFromADistributedJoinIsTheCoresRisk() throws IOException {
        Path input = Spark.perturbedAdult(dir.resolve("adult.csv"), 50_000);
        List<String> qi = List.of("sex", "age", "race");
        Dataset sample = Dataset.read(input);
        // the population: each sample class 3 to 9 times larger, every fifth class missing, and a class the sample lacks
        java.util.Map<List<String>, Long> classes = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        int[] cols = qi.stream().mapToInt(sample::column).toArray();
        for (String[] r : sample.rows()) {
            classes.merge(List.of(r[cols[0]], r[cols[1]], r[cols[2]]), 1L, Long::sum);
        }
        java.util.Map<List<String>, Long> population = new java.util.HashMap<>();
        StringBuilder csv = new StringBuilder("race,persons,sex,age\n");
        int i = 0;
        for (var e : classes.entrySet()) {
            if (i++ % 5 == 4) {
                continue;
            }
            long size = e.getValue() * (3 + i % 7);
            population.put(e.getKey(), size);
            List<String> k = e.getKey();
            csv.append(k.get(2)).append(',').append(size).append(',').append(k.get(0)).append(',').append(k.get(1)).append('\n');
        }
        csv.append("Martian,5,Female,30\n");
        Path census = Files.writeString(dir.resolve("census.csv"), csv);
        PopulationRisk want = PopulationRisk.of(sample, qi, population);

        SparkSession s = Spark.session();
        Tables.Table t = Tables.read(s, Tables.probe(s, input.toString(), "auto", null));
        SparkRisk.Population pop = new SparkRisk.Population(Tables.read(s, Tables.probe(s, census.toString(), "auto", null)), "persons");
        PopulationRisk got = SparkRisk.measure(t, qi, List.of(), 0.1, pop).population();
        assertThat(got.journalistRisk()).isEqualTo(want.journalistRisk());
        assertThat(got.classesNotInPopulation()).isEqualTo(want.classesNotInPopulation()).isPositive();
        assertThat(got.marketerRisk()).isCloseTo(want.marketerRisk(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(got.marketerRisk()).isPositive();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"risk", input.toString(), "--qi", "sex,age,race", "--population", census.toString(),
                "--population-count", "persons", "--format", "json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"population\"").contains("\"journalist_risk\"").contains("\"classes_not_in_population\"");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "sex,age,race,persons\nMale,30,White,12\nFemale,31,White,about 40\n");
        StringWriter err2 = new StringWriter();
        code = SparkMain.run(new String[] {"risk", input.toString(), "--qi", "sex,age,race", "--population", bad.toString(),
                "--population-count", "persons", "--lang", "en"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err2, true));
        assertThat(code).isEqualTo(2);
        assertThat(err2.toString()).contains("population table").contains("'persons'").contains("not counts");
    }

    @Test
    void aHeaderHoldingANameIsMaskedAndItsFindingsReportedAsOnOneMachine() throws IOException {
        Path input = Files.writeString(dir.resolve("names.csv"), "山田 太郎,東京都千代田区霞が関1-2-3,営業部\n"
                + "佐藤 花子,大阪府大阪市北区梅田1-1,総務部\n鈴木 一郎,北海道札幌市中央区北1条西2,経理部\n");
        SparkSession s = Spark.session();
        Path out = dir.resolve("names-findings");
        Tables.Table t = Tables.read(s, Tables.probe(s, input.toString(), "auto", null));
        SparkScan.Result r = SparkScan.scan(s, t, EnumSet.allOf(PiiType.class), 0.4, false, new org.apache.hadoop.fs.Path(out.toString()));
        assertThat(r.table().columns()).extracting(ColumnReport::header).containsExactly("山＊ ＊＊", "東京都千代田区＊＊＊＊＊＊＊＊", "営業部");
        String header = Files.readString(out.resolve("part-header.txt"));
        assertThat(header).contains("\"type\":\"PERSON\"", "\"masked\":\"山＊ ＊＊\"").doesNotContain("山田 太郎");
        assertThat(r.findings()).isEqualTo(6); // two in the header, four in the rows, as mamori scan gives them
    }

    @Test
    void scanClassifiesColumnsAsOneMachineDoes() throws IOException {
        // the example table repeated across three part files (three partitions), read as CP932
        Path example = Path.of("../examples/customers_cp932.csv");
        Path input = Files.createDirectory(dir.resolve("customers"));
        for (int p = 0; p < 3; p++) {
            Files.copy(example, input.resolve("part-" + p + ".csv"));
        }
        Scanner.Options options = new Scanner.Options(EnumSet.allOf(PiiType.class), 0.4, 1, DocumentReader.Options.defaults());
        List<LocatedFinding> found = new ArrayList<>();
        TableReport one;
        try (Scanner scanner = new Scanner(options)) {
            FileReport f = scanner.scan(example, example.toString(), found::add);
            one = f.tables().get(0);
        }
        SparkSession s = Spark.session();
        Path out = dir.resolve("findings");
        Tables.Table t = Tables.read(s, Tables.probe(s, input.toString(), "auto", null));
        SparkScan.Result r = SparkScan.scan(s, t, EnumSet.allOf(PiiType.class), 0.4, false, new org.apache.hadoop.fs.Path(out.toString()));
        assertThat(r.table().rows()).isEqualTo(3 * one.rows());
        assertThat(r.findings()).isEqualTo(3L * found.size());
        assertThat(r.table().classifications()).isEqualTo(one.classifications());
        for (int c = 0; c < one.columns().size(); c++) {
            ColumnReport a = one.columns().get(c);
            ColumnReport b = r.table().columns().get(c);
            assertThat(b.header()).isEqualTo(a.header());
            assertThat(b.cells()).as(a.header()).isEqualTo(3 * a.cells());
            assertThat(b.types()).as(a.header()).isEqualTo(a.types());
            assertThat(b.category()).as(a.header()).isEqualTo(a.category());
            a.hits().forEach((type, n) -> assertThat(b.hits().get(type)).as(a.header() + " " + type).isEqualTo(3 * n));
        }
        // findings are masked: no full My Number of the example in the output
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(out)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        // the findings name their file, and the temporary folder's random name may hold the digits
        String said = all.toString().replace(dir.toString(), "");
        assertThat(said).contains("\"type\":\"MY_NUMBER\"").contains("\"column\":\"個人番号\"").doesNotContain("123456789018");
    }

    @Test
    void documentsAreScannedAFileATaskAsOneMachineScansThem() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("docs"));
        Files.copy(Path.of("../examples/inquiry_utf8.txt"), docs.resolve("inquiry.txt"));
        Files.copy(Path.of("../examples/staff.xlsx"), Files.createDirectory(docs.resolve("sheets")).resolve("staff.xlsx")); // a subfolder
        Files.write(docs.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0}); // a zip cut short
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(docs.resolve("sent.zip")))) {
            z.putNextEntry(new java.util.zip.ZipEntry("in/inquiry.txt")); // an archive: its files, as mamori scan reads them
            z.write(Files.readAllBytes(docs.resolve("inquiry.txt")));
            z.putNextEntry(new java.util.zip.ZipEntry("logo.png"));
            z.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        }
        Scanner.Options options = new Scanner.Options(EnumSet.allOf(PiiType.class), 0.4, 1, DocumentReader.Options.defaults());
        java.util.Map<String, List<LocatedFinding>> local = new java.util.TreeMap<>();
        try (Scanner scanner = new Scanner(options)) {
            for (String f : List.of("inquiry.txt", "staff.xlsx")) {
                List<LocatedFinding> found = new ArrayList<>();
                scanner.scan(f.endsWith(".xlsx") ? docs.resolve("sheets").resolve(f) : docs.resolve(f), f, found::add);
                local.put(f, found);
            }
        }
        SparkSession s = Spark.session();
        Path out = dir.resolve("doc-findings");
        SparkDocuments.Result r = SparkDocuments.scan(s, docs.toString(), SparkDocuments.Request.all(),
                new org.apache.hadoop.fs.Path(out.toString()));
        assertThat(r.files()).extracting(f -> f.file().replaceFirst(".*/docs/", "")).containsExactly("broken.xlsx", "inquiry.txt",
                "sent.zip!/in/inquiry.txt", "sent.zip!/logo.png", "sheets/staff.xlsx");
        assertThat(r.findings()).isEqualTo(local.values().stream().mapToLong(List::size).sum() + local.get("inquiry.txt").size()).isPositive();
        assertThat(r.unreadable()).isTrue();
        SparkDocuments.FileResult broken = r.files().stream().filter(f -> f.file().endsWith("broken.xlsx")).findFirst().orElseThrow();
        assertThat(broken.errorEn()).isNotBlank();
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(out)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(lines).hasSize((int) r.findings());
        // every finding as one machine writes it, where it put it (the line of the text, the sheet, row and column of
        // the spreadsheet), byte for byte but for the folder in front of the file's name
        List<String> mine = lines.stream().map(l -> l.replaceFirst("^\\{\"file\":\"[^\"]*/", "{\"file\":\"")).toList();
        List<String> theirs = java.util.stream.Stream.concat(local.values().stream().flatMap(List::stream), local.get("inquiry.txt").stream())
                .map(lf -> dev.mamori.report.FindingJson.line(lf, false)).toList();
        assertThat(mine).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(lines).anyMatch(l -> l.contains("\"sheet\":")).noneMatch(l -> l.contains("\"value\""));
        StringWriter cmdOut = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"scan", docs.toString(), "--output", dir.resolve("cmd").toString(), "--fail-on", "MY_NUMBER",
                "--lang", "en"}, new PrintWriter(cmdOut, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isEqualTo(2); // a file could not be read
        assertThat(cmdOut.toString()).contains("5 files").contains("broken.xlsx: not read").contains("staff.xlsx")
                .contains("sent.zip!/logo.png: not read");
        assertThat(Files.readString(dir.resolve("cmd").resolve("_mamori_scan.json"))).contains("\"documents\"").contains("\"error\"");
    }

    @Test
    void theCommandLineRefusesInJapaneseAndTeachesInItsHelp() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"risk", dir.resolve("none.csv").toString(), "--qi", "a", "--lang", "ja"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("none.csv").contains("ファイルもディレクトリもありません");
        StringWriter help = new StringWriter();
        assertThat(SparkMain.run(new String[] {"deid", "--help"}, new PrintWriter(help, true), new PrintWriter(err, true))).isZero();
        assertThat(help.toString()).contains("--policy").contains("--master").contains("--report-json");
    }
}
