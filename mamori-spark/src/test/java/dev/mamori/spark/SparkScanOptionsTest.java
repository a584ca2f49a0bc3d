package dev.mamori.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.PiiType;
import dev.mamori.detect.Scanner;
import dev.mamori.table.DocumentReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mamori spark scan} and {@code deid} take {@code mamori scan}'s and {@code mamori deid}'s options for choosing
 * files, headerless tables, unread input and Excel's CSV, with the same meaning.
 */
class SparkScanOptionsTest {

    @TempDir
    Path dir;

    private static final String NOTE = "お問い合わせ: 山田太郎様 電話 090-1234-5678 メール taro.yamada@example.jp\n";

    @BeforeAll
    static void session() {
        Spark.session();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static void zip(Path zip, String... namesAndTexts) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndTexts[i]));
                z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The files _mamori_scan.json lists, below the scanned folder. */
    private static List<String> listed(Path report, Path top) throws IOException {
        List<String> files = new ArrayList<>();
        for (var d : dev.mamori.report.Json.mapper().readTree(report.toFile()).get("documents")) {
            files.add(d.get("file").asText().replaceFirst("^file:", "").replace(top.toString() + "/", ""));
        }
        return files;
    }

    @Test
    void includeAndExcludeChooseFilesInFoldersAndInArchivesAsMamoriScanDoes() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), NOTE);
        Files.writeString(docs.resolve("notes.md"), NOTE);
        Files.writeString(Files.createDirectory(docs.resolve("old")).resolve("b.txt"), NOTE); // a folder excluded by name
        Files.writeString(Files.createDirectories(docs.resolve("sub/deep")).resolve("c[1].txt"), NOTE); // a glob's characters
        zip(docs.resolve("x.zip"), "in/d.txt", NOTE, "in/e.md", NOTE);
        zip(docs.resolve("y.zip"), "f.md", NOTE);

        Run r = run("scan", docs.toString(), "--include", "**/*.txt", "--exclude", "old", "--output", dir.resolve("o1").toString(),
                "--format", "json", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listed(dir.resolve("o1/_mamori_scan.json"), docs))
                .containsExactly("a.txt", "sub/deep/c[1].txt", "x.zip!/in/d.txt"); // y.zip opened, nothing in it chosen

        // an archive chosen itself is read whole, but for what --exclude takes out
        r = run("scan", docs.toString(), "--include", "x.zip", "--exclude", "*.md", "--output", dir.resolve("o2").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listed(dir.resolve("o2/_mamori_scan.json"), docs)).containsExactly("x.zip!/in/d.txt");

        // a file named is scanned whatever the globs say, as mamori scan scans it
        r = run("scan", docs.resolve("notes.md").toString(), "--include", "*.txt", "--output", dir.resolve("o3").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listed(dir.resolve("o3/_mamori_scan.json"), docs)).containsExactly("notes.md");

        // archives opened and nothing in them chosen: no file, as mamori scan says it
        r = run("scan", docs.toString(), "--include", "*.csv", "--output", dir.resolve("o4").toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 files, 0 findings");
        // nothing chosen at all: no file either
        r = run("scan", docs.resolve("old").toString(), "--include", "*.csv", "--output", dir.resolve("o5").toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 files, 0 findings");

        // a named archive's files are chosen as if it were a folder; a folder with glob characters and a comma in its name
        Path odd = Files.createDirectory(dir.resolve("odd [1] {a}"));
        zip(odd.resolve("arc.zip"), "in.csv", "氏名,メール\n山田太郎,taro@example.jp\n", "in.txt", NOTE);
        r = run("scan", odd.resolve("arc.zip").toString(), "--include", "*.csv", "--output", dir.resolve("o6").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listed(dir.resolve("o6/_mamori_scan.json"), odd)).containsExactly("arc.zip!/in.csv");
        r = run("scan", odd.toString(), "--output", dir.resolve("o7").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(listed(dir.resolve("o7/_mamori_scan.json"), odd)).containsExactly("arc.zip!/in.csv", "arc.zip!/in.txt");
        Path comma = Files.createDirectory(dir.resolve("a,b"));
        Files.writeString(comma.resolve("a.txt"), NOTE);
        r = run("scan", comma.toString(), "--output", dir.resolve("o8").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot take a path with a comma").doesNotContain("\tat ");
    }

    @Test
    void includeAndExcludeChooseATablesParts() throws IOException {
        Path parts = Files.createDirectory(dir.resolve("parts"));
        String header = "氏名,電話番号\n";
        Files.writeString(Files.createDirectory(parts.resolve("2024")).resolve("a.csv"), header + "山田太郎,090-1234-5678\n佐藤花子,090-2345-6789\n");
        Files.writeString(Files.createDirectory(parts.resolve("2025")).resolve("b{1}.csv"), header + "鈴木一郎,090-3456-7890\n");
        Files.writeString(Files.createDirectory(parts.resolve("backup")).resolve("c.csv"), header + "田中次郎,090-4567-8901\n");
        Files.writeString(parts.resolve("README.txt"), "説明\n");

        Run r = run("scan", parts.toString(), "--include", "**/*.csv", "--exclude", "backup", "--output", dir.resolve("t1").toString(),
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        var report = dev.mamori.report.Json.mapper().readTree(dir.resolve("t1/_mamori_scan.json").toFile());
        assertThat(report.get("records").asLong()).isEqualTo(3); // a.csv and b{1}.csv, not the backup nor the README
        assertThat(report.get("findings").asLong()).isEqualTo(6);
    }

    @Test
    void tablesSparkCannotReadAsOneMachineDoesAreRefusedOrReadWhole() throws IOException {
        // title lines above the header: refused, with the way to read it as mamori scan does
        Path titled = dir.resolve("titled.csv");
        Files.writeString(titled, "会員名簿\n作成日,2024/4/1\n氏名,メール,電話\n山田太郎,taro@example.com,090-1234-5678\n"
                + "佐藤花子,hanako@example.com,090-2345-6789\n鈴木一郎,ichiro@example.com,090-3456-7890\n");
        Run r = run("scan", titled.toString(), "--output", dir.resolve("t1").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("title lines above the table's header").contains("--input-format documents");
        r = run("scan", titled.toString(), "--input-format", "documents", "--output", dir.resolve("t2").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dev.mamori.report.Json.mapper().readTree(dir.resolve("t2/_mamori_scan.json").toFile()).get("findings").asLong())
                .isGreaterThanOrEqualTo(9);

        // quoted line breaks in the head: each file read whole, record by record, numbered as one machine numbers them
        Path ml = dir.resolve("ml.csv");
        Files.writeString(ml, "id,email,addr\n1,\"first@example.com\n2nd line\",x\n2,second@example.com,\"東京都\n千代田区\"\n"
                + "3,third@example.com,y\n");
        r = run("scan", ml.toString(), "--types", "EMAIL", "--output", dir.resolve("t3").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = new ArrayList<>();
        try (var files = Files.list(dir.resolve("t3"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String l : Files.readAllLines(p)) {
                    rows.add(dev.mamori.report.Json.mapper().readTree(l).get("row").asText());
                }
            }
        }
        assertThat(rows).containsExactlyInAnyOrder("1", "2", "3");

        // a header that reads 列1,列2 is still a header; a folder of parts holding an archive is refused
        Path named = dir.resolve("named.csv");
        Files.writeString(named, "列1,列2\n1,r1@example.com\n2,r2@example.com\n3,r3@example.com\n");
        r = run("scan", named.toString(), "--output", dir.resolve("t4").toString(), "--format", "json");
        assertThat(dev.mamori.report.Json.mapper().readTree(dir.resolve("t4/_mamori_scan.json").toFile()).get("records").asLong())
                .as(r.err()).isEqualTo(3);
        Path parts = Files.createDirectory(dir.resolve("parts-zip"));
        Files.copy(named, parts.resolve("a.csv"));
        zip(parts.resolve("x.zip"), "z.csv", "列1,列2\n9,z@example.com\n");
        r = run("scan", parts.toString(), "--output", dir.resolve("t5").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("an archive among the table's parts (x.zip)");
        r = run("scan", parts.toString(), "--exclude", "*.zip", "--output", dir.resolve("t6").toString());
        assertThat(r.code()).as(r.err()).isZero();

        // a part cut short stops the run in one line; a JSON line that is no object is counted, not a crash
        Path gz = Files.createDirectory(dir.resolve("gz"));
        Files.copy(named, gz.resolve("a.csv"));
        byte[] packed;
        try (var b = new java.io.ByteArrayOutputStream(); var z = new java.util.zip.GZIPOutputStream(b)) {
            z.write(Files.readAllBytes(named));
            z.finish();
            packed = b.toByteArray();
        }
        Files.write(gz.resolve("b.csv.gz"), java.util.Arrays.copyOf(packed, packed.length - 12));
        r = run("scan", gz.toString(), "--output", dir.resolve("t7").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the reading stopped").doesNotContain("\tat ");
        Path jsonl = dir.resolve("bad.jsonl");
        Files.writeString(jsonl, "{\"email\":\"a@example.com\"}\n{broken\n{\"email\":\"b@example.com\"}\n");
        r = run("scan", jsonl.toString(), "--output", dir.resolve("t8").toString(), "--format", "json", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("1 records could not be read");
        List<String> jrows = new ArrayList<>();
        try (var files = Files.list(dir.resolve("t8"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String l : Files.readAllLines(p)) {
                    jrows.add(dev.mamori.report.Json.mapper().readTree(l).get("row").asText());
                }
            }
        }
        assertThat(jrows).containsExactlyInAnyOrder("1", "2"); // the broken line takes no number, as on one machine
    }

    @Test
    void aTablesPartsInSubfoldersAreAllReadWithTheirPartitionColumnsAndNamesAlike() throws IOException {
        // plain subfolders: every part read (Spark alone reads only the files right in the folder)
        Path nest = dir.resolve("nest");
        Files.writeString(Files.createDirectories(nest.resolve("a")).resolve("p1.csv"), "id,email\n1,n1@example.com\n");
        Files.writeString(Files.createDirectories(nest.resolve("b")).resolve("p2.csv"), "id,email\n2,n2@example.com\n");
        Run r = run("scan", nest.toString(), "--output", dir.resolve("s1").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        var report = dev.mamori.report.Json.mapper().readTree(dir.resolve("s1/_mamori_scan.json").toFile());
        assertThat(report.get("records").asLong()).isEqualTo(2);
        assertThat(report.get("findings").asLong()).isEqualTo(2);

        // key=value folders: their column is read too; names alike (case aside) are columns of their own
        Path part = dir.resolve("part");
        Files.writeString(Files.createDirectories(part.resolve("担当=山田太郎")).resolve("a.csv"),
                "氏名,氏名,Mail,mail\n佐藤花子,鈴木一郎,h@example.com,i@example.com\n");
        r = run("scan", part.toString(), "--output", dir.resolve("s2").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        report = dev.mamori.report.Json.mapper().readTree(dir.resolve("s2/_mamori_scan.json").toFile());
        List<String> columns = new ArrayList<>();
        report.get("columns").forEach(c -> columns.add(c.get("column").asText()));
        assertThat(columns).containsExactly("氏名", "氏名", "Mail", "mail", "担当");
        assertThat(report.get("findings").asLong()).isEqualTo(5); // two names, two e-mail addresses, the folder's name

        // --include '*.csv' takes a .csv.gz part too, as mamori scan reads the gzip's file
        Path tg = dir.resolve("tg");
        Files.writeString(Files.createDirectory(tg).resolve("a.csv"), "id,email\n1,a@example.com\n");
        try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tg.resolve("b.csv.gz")))) {
            z.write("id,email\n2,b@example.com\n3,c@example.com\n".getBytes(StandardCharsets.UTF_8));
        }
        r = run("scan", tg.toString(), "--include", "*.csv", "--output", dir.resolve("s3").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dev.mamori.report.Json.mapper().readTree(dir.resolve("s3/_mamori_scan.json").toFile()).get("findings").asLong())
                .isEqualTo(3);
        r = run("scan", tg.toString(), "--input-format", "csv", "--output", dir.resolve("s4").toString(), "--format", "json");
        assertThat(r.code()).as("a .csv.gz's head read through its codec").isZero();

        // a record Spark cannot parse stops the run in one line that quotes nothing of it
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, "a,b\n1,secret@example.com," + ",x".repeat(21_000) + "\n");
        r = run("scan", wide.toString(), "--output", dir.resolve("s5").toString(), "--lang", "en");
        assertThat(r.code()).as("more fields than Spark's CSV reader takes (20,480)").isEqualTo(2);
        assertThat(r.err()).contains("the reading stopped").doesNotContain("\tat ");
        assertThat(r.out() + r.err()).doesNotContain("secret");
    }

    @Test
    void noHeaderReadsTheFirstRecordAsDataUnderColumnsNamedAsMamoriScanNamesThem() throws IOException {
        Path csv = dir.resolve("list.csv");
        Files.writeString(csv, "山田太郎,090-1234-5678\n佐藤花子,090-2345-6789\n鈴木一郎,090-3456-7890\n");
        Run r = run("scan", csv.toString(), "--no-header", "--output", dir.resolve("h1").toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        var report = dev.mamori.report.Json.mapper().readTree(dir.resolve("h1/_mamori_scan.json").toFile());
        assertThat(report.get("records").asLong()).isEqualTo(3);
        assertThat(report.get("columns").get(0).get("column").asText()).isEqualTo("列1");
        assertThat(report.get("columns").get(1).get("column").asText()).isEqualTo("列2");
        assertThat(report.get("columns").get(1).get("types").toString()).contains("PHONE");
        assertThat(report.get("columns").get(1).get("share").get("PHONE").asDouble()).isEqualTo(1.0);

        // without it, a first record shaped like the rows below is data too, as mamori scan judges it; a header stays one
        Run sniffed = run("scan", csv.toString(), "--output", dir.resolve("h2").toString(), "--format", "json");
        var report2 = dev.mamori.report.Json.mapper().readTree(dir.resolve("h2/_mamori_scan.json").toFile());
        assertThat(report2.get("records").asLong()).as(sniffed.err()).isEqualTo(3);
        assertThat(report2.get("columns").get(1).get("column").asText()).isEqualTo("列2");
        Path headed = dir.resolve("headed.csv");
        Files.writeString(headed, "氏名,電話番号\n" + Files.readString(csv));
        run("scan", headed.toString(), "--output", dir.resolve("h4").toString(), "--format", "json");
        var report4 = dev.mamori.report.Json.mapper().readTree(dir.resolve("h4/_mamori_scan.json").toFile());
        assertThat(report4.get("records").asLong()).isEqualTo(3);
        assertThat(report4.get("columns").get(1).get("column").asText()).isEqualTo("電話番号");

        Run db = run("scan", "jdbc:h2:" + dir.resolve("none"), "--table", "public.t", "--no-header", "--output",
                dir.resolve("h3").toString(), "--lang", "en");
        assertThat(db.code()).isEqualTo(2);
        assertThat(db.err()).contains("a database's table is chosen by --table");
    }

    @Test
    void allowUnreadLetsFailOnDecideOnWhatWasRead() throws IOException {
        Path docs = Files.createDirectory(dir.resolve("mixed"));
        Files.writeString(docs.resolve("a.txt"), NOTE);
        Files.write(docs.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0}); // cannot be read at all
        Files.write(docs.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}); // skipped

        Run gate = run("scan", docs.toString(), "--fail-on", "PHONE", "--output", dir.resolve("u1").toString(), "--lang", "en");
        assertThat(gate.code()).as("--fail-on cannot pass on what was not read").isEqualTo(2);
        assertThat(gate.out()).contains("broken.xlsx: not read").contains("logo.png: not read");
        Run allowed = run("scan", docs.toString(), "--fail-on", "PHONE", "--allow-unread", "--output", dir.resolve("u2").toString());
        assertThat(allowed.code()).as(allowed.err()).isEqualTo(1); // the phone found decides
        Run plain = run("scan", docs.toString(), "--output", dir.resolve("u3").toString());
        assertThat(plain.code()).as("a file in the folder that could not be read, as mamori scan says").isEqualTo(2);
        Files.delete(docs.resolve("broken.xlsx"));
        Run skipped = run("scan", docs.toString(), "--output", dir.resolve("u4").toString());
        assertThat(skipped.code()).as("an image is skipped, as mamori scan skips it").isZero();
        // a file named is read whatever it looks like (a log with NUL bytes), and one that cannot be read is bad input
        Path log = dir.resolve("app.log");
        Files.write(log, ("login taro@example.com\n\0\0\ntel " + NOTE).getBytes(StandardCharsets.UTF_8));
        Run named = run("scan", log.toString(), "--types", "EMAIL", "--output", dir.resolve("u5").toString(), "--format", "json");
        assertThat(named.code()).as(named.err()).isZero();
        assertThat(dev.mamori.report.Json.mapper().readTree(dir.resolve("u5/_mamori_scan.json").toFile()).get("findings").asLong())
                .isEqualTo(2);
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        assertThat(run("scan", bad.toString(), "--allow-unread", "--output", dir.resolve("u6").toString()).code()).isEqualTo(2);
        // but an unreadable file inside a named archive is a file found, which --allow-unread accepts
        Path zbad = dir.resolve("zbad.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zbad))) {
            z.putNextEntry(new ZipEntry("bad.xlsx"));
            z.write(new byte[] {'P', 'K', 3, 4, 0, 0, 0});
            z.putNextEntry(new ZipEntry("a.txt"));
            z.write(NOTE.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run("scan", zbad.toString(), "--allow-unread", "--output", dir.resolve("u7").toString()).code()).isZero();
        assertThat(run("scan", zbad.toString(), "--output", dir.resolve("u8").toString()).code()).isEqualTo(2);
    }

    @Test
    void rowsAreNumberedAsOneMachineNumbersThemAcrossSplitsAndParts() throws IOException {
        Path input = Files.createDirectory(dir.resolve("numbered"));
        java.util.Random random = new java.util.Random(7);
        List<String> records = new ArrayList<>(); // each phone's record as Spark's reader counts records
        List<String> lines = new ArrayList<>(); // and as mamori scan counts them: a line of white space is a record to it
        for (String part : List.of("a.csv", "名簿 b.csv")) {
            StringBuilder b = new StringBuilder("id,code,連絡先,memo\n");
            int white = 0;
            for (int i = 1; i <= 40_000; i++) {
                boolean phone = random.nextInt(9) == 0;
                b.append(i).append(",C").append(100000 + i).append(',')
                        .append(phone ? String.format("090-%04d-%04d", random.nextInt(10000), random.nextInt(10000)) : "-")
                        .append(",\"note, ").append("x".repeat(random.nextInt(40))).append("\"\n");
                if (phone) {
                    records.add(part + " row " + i);
                    lines.add(part + " row " + (i + white));
                }
                if (i % 10_007 == 0) {
                    b.append('\n'); // a blank line: no record, on one machine and on Spark
                } else if (part.startsWith("名簿") && i % 9_001 == 0) {
                    b.append(" \t\n"); // white space only: a record to mamori scan, skipped by Spark's reader
                    white++;
                }
            }
            Files.writeString(input.resolve(part), b.toString());
        }
        List<String> oneMachine = new ArrayList<>();
        Scanner.Options options = new Scanner.Options(java.util.EnumSet.of(PiiType.PHONE), 0.4, 1, DocumentReader.Options.defaults());
        try (Scanner scanner = new Scanner(options)) {
            for (String part : List.of("a.csv", "名簿 b.csv")) {
                scanner.scan(input.resolve(part), part, lf -> oneMachine.add(part + " row " + lf.where().row()));
            }
        }
        assertThat(oneMachine).hasSizeGreaterThan(8_000).containsExactlyInAnyOrderElementsOf(lines);
        var spark = Spark.session();
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(1 << 20)); // each file read in several splits
        try {
            Run r = run("scan", input.toString(), "--types", "PHONE", "--output", dir.resolve("n1").toString());
            assertThat(r.code()).as(r.err()).isZero();
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
        List<String> got = new ArrayList<>();
        try (var files = Files.list(dir.resolve("n1"))) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            assertThat(parts).as("a part per split").hasSizeGreaterThanOrEqualTo(4);
            for (Path p : parts) {
                for (String l : Files.readAllLines(p)) {
                    var f = dev.mamori.report.Json.mapper().readTree(l);
                    assertThat(f.get("column_index").asInt()).isEqualTo(2);
                    got.add(f.get("file").asText().replaceFirst(".*/", "") + " row " + f.get("row").asLong());
                }
            }
        }
        // the same numbers as one machine's, but for a line of white space, which Spark's reader does not count
        assertThat(got).containsExactlyInAnyOrderElementsOf(records);
        assertThat(got.stream().filter(g -> g.startsWith("a.csv")).toList())
                .containsExactlyInAnyOrderElementsOf(oneMachine.stream().filter(g -> g.startsWith("a.csv")).toList());
    }

    @Test
    void jsonLinesAndParquetRowsAreNumberedToo() throws IOException {
        Path jsonl = dir.resolve("people.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            b.append("{\"id\":").append(i).append(",\"連絡先\":\"").append(i % 3 == 0 ? String.format("090-1234-%04d", i) : "-")
                    .append("\"}\n");
        }
        Files.writeString(jsonl, b.toString());
        List<String> expected = new ArrayList<>();
        Scanner.Options options = new Scanner.Options(java.util.EnumSet.of(PiiType.PHONE), 0.4, 1, DocumentReader.Options.defaults());
        try (Scanner scanner = new Scanner(options)) {
            scanner.scan(jsonl, "people.jsonl", lf -> expected.add("row " + lf.where().row() + " " + lf.where().column()));
        }
        Path parquet = dir.resolve("people.parquet");
        Spark.session().read().json(jsonl.toString()).coalesce(1).write().parquet(parquet.toString());
        for (Path in : List.of(jsonl, parquet)) {
            Path out = dir.resolve("out-" + in.getFileName());
            Run r = run("scan", in.toString(), "--types", "PHONE", "--output", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            List<String> got = new ArrayList<>();
            try (var files = Files.list(out)) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                    for (String l : Files.readAllLines(p)) {
                        var f = dev.mamori.report.Json.mapper().readTree(l);
                        got.add("row " + f.get("row").asLong() + " " + f.get("column").asText());
                    }
                }
            }
            assertThat(got).as(in.toString()).hasSize(100).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void deidWritesExcelsCsvWithAByteOrderMarkOnEveryPart() throws IOException {
        Path input = Spark.perturbedAdult(dir.resolve("adult.csv"), 3_000);
        List<String> args = new ArrayList<>(List.of("deid", input.toString(), "--mode", "anonymous", "--k", "5",
                "--suppression-limit", "0.05", "--drop", "id", "--keep", "workclass,occupation,salary-class"));
        for (String q : Spark.QIS) {
            args.add("--qi");
            args.add(q + "=" + Spark.ADULT.resolve("adult_hierarchy_" + q + ".csv").toAbsolutePath());
        }
        List<String> plain = new ArrayList<>(args);
        plain.addAll(List.of("--output", dir.resolve("plain").toString()));
        List<String> excel = new ArrayList<>(args);
        excel.addAll(List.of("--output", dir.resolve("excel").toString(), "--csv-profile", "excel"));
        Run p = run(plain.toArray(String[]::new));
        Run e = run(excel.toArray(String[]::new));
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(e.code()).as(e.err()).isZero();
        List<Path> parts;
        try (var files = Files.list(dir.resolve("excel"))) {
            parts = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        assertThat(parts).isNotEmpty();
        for (Path part : parts) {
            byte[] withBom = Files.readAllBytes(part);
            byte[] without = Files.readAllBytes(dir.resolve("plain").resolve(part.getFileName()));
            assertThat(withBom).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            assertThat(java.util.Arrays.copyOfRange(withBom, 3, withBom.length)).isEqualTo(without);
        }
        assertThat(run("deid", input.toString(), "--csv-profile", "word", "--output", dir.resolve("x").toString(), "--lang", "en").err())
                .contains("--csv-profile is plain or excel");
    }

    @Test
    void severalInputsAreEachScannedAsAloneIntoTheirOwnFolderAndTheExitCodeIsTheWorst() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "氏名,電話\n山田太郎,090-1234-5678\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "name,email\n佐藤花子,hanako@example.jp\n");
        Path docs = Files.createDirectory(dir.resolve("docs"));
        Files.writeString(docs.resolve("x.txt"), NOTE);
        Path out = dir.resolve("out");

        Run r = run("scan", a.toString(), b.toString(), docs.toString(), "--output", out.toString(), "--fail-on", "EMAIL", "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains(a + ": personal information", "findings: " + out.resolve("input=1"),
                b + ": personal information", "findings: " + out.resolve("input=2"), docs + ": 1 files, 3 findings");
        var report = dev.mamori.report.Json.mapper().readTree(out.resolve("_mamori_scan.json").toFile()).get("inputs");
        assertThat(report).hasSize(3);
        assertThat(report.get(1).get("input").asText()).isEqualTo(b.toString());
        assertThat(report.get(1).get("findings_folder").asText()).isEqualTo("input=2");
        assertThat(report.get(2).get("findings").asInt()).isEqualTo(3);
        // the output is one table to Spark's readers, the folders giving a column input
        var findings = Spark.session().read().json(out.toString());
        assertThat(findings.filter("input = 2 and type = 'EMAIL'").count()).isEqualTo(1);
        assertThat(findings.filter("input = 3").count()).isEqualTo(3);

        // one input that cannot be read: nothing is written, whatever the others gave
        Run bad = run("scan", a.toString(), dir.resolve("none.csv").toString(), "--output", dir.resolve("bad").toString(), "--lang", "en");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("none.csv");
        assertThat(dir.resolve("bad")).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".bad"));
        }
        // a later input Spark cannot read (a Parquet file's footer): said in one line, nothing left, not even the folders
        // the run made above the output
        Files.write(dir.resolve("bad.parquet"), "PAR1garbagePAR1".getBytes(StandardCharsets.US_ASCII));
        Path deep = dir.resolve("made/deeper/out");
        Run broken = run("scan", a.toString(), dir.resolve("bad.parquet").toString(), "--output", deep.toString(), "--lang", "en");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err().strip()).startsWith("mamori: " + dir.resolve("bad.parquet") + ": the reading stopped (").doesNotContain("\n");
        assertThat(dir.resolve("made")).doesNotExist();
        // the output inside an input however either is written (file:///x and /x, a link)
        Files.createSymbolicLink(dir.resolve("link"), docs);
        Files.createSymbolicLink(dir.resolve("dangling"), docs.resolve("not-yet")); // an output named by a link into the input
        for (String[] io : new String[][] {{"file://" + docs, docs.resolve("o1").toString()}, {docs.toString(), "file://" + docs.resolve("o2")},
                {dir.resolve("link").toString(), docs.resolve("o3").toString()}, {docs.toString(), dir.resolve("link/o4").toString()},
                {docs.resolve("../docs").toString(), docs.resolve("o5").toString()}, {docs.toString(), dir.resolve("dangling").toString()},
                {docs.toString(), dir.resolve("dangling/o6").toString()}}) {
            assertThat(run("scan", io[0], "--output", io[1], "--lang", "en").err()).as(io[0] + " " + io[1]).contains("inside it or around it");
        }
        // a database's table is scanned alone; the output may lie inside none of the inputs
        assertThat(run("scan", a.toString(), "jdbc:h2:mem:x", "--table", "t", "--output", dir.resolve("db").toString(), "--lang", "en")
                .err()).contains("a database's table is scanned alone");
        assertThat(run("scan", a.toString(), docs.toString(), "--output", docs.resolve("o").toString(), "--lang", "en").err())
                .contains("is the input " + docs);
    }

    @Test
    void theSingleMachinesThreadsNoProgressAndDebugAreTaken() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "氏名,電話\n山田太郎,090-1234-5678\n");
        Run r = run("scan", a.toString(), "--output", dir.resolve("o").toString(), "--threads", "2", "--no-progress", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(run("scan", a.toString(), "--output", dir.resolve("o2").toString(), "--threads", "0", "--lang", "en").err())
                .contains("--threads is 1 or more");
        assertThat(run("scan", a.toString(), "--output", dir.resolve("o3").toString(), "--threads", "2", "--master", "yarn", "--lang", "en")
                .err()).contains("--threads is the cores of this machine (local[N]); on yarn");
        Run plain = run("scan", dir.resolve("none.csv").toString(), "--output", dir.resolve("o4").toString(), "--lang", "en");
        Run debug = run("scan", dir.resolve("none.csv").toString(), "--output", dir.resolve("o5").toString(), "--lang", "en", "--debug");
        assertThat(plain.code()).isEqualTo(2);
        assertThat(debug.code()).isEqualTo(2);
        assertThat(plain.err()).contains("none.csv").doesNotContain("\tat ");
        assertThat(debug.err()).contains("none.csv").contains("\tat dev.mamori.spark.");
    }

    @Test
    void partsThatDoNotStartWithTheHeaderAreRefusedNotReadWithTheirFirstRecordDropped() throws IOException {
        // a CSV cut by split(1): only the first part has the header; Spark would take each other part's first record for one
        Path parts = Files.createDirectory(dir.resolve("split"));
        Files.writeString(parts.resolve("part-aa.csv"), "氏名,電話\n山田太郎,090-1234-5678\n");
        Files.writeString(parts.resolve("part-ab.csv"), "佐藤花子,090-2222-3333\n鈴木一郎,090-4444-5555\n");
        Files.writeString(parts.resolve("part-ac.csv"), "");
        Run r = run("scan", parts.toString(), "--output", dir.resolve("o").toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(parts + ": 1 parts do not start with the first part's header line (part-ab.csv)")
                .contains("--input-format documents");
        assertThat(dir.resolve("o")).doesNotExist();
        // read file by file, as mamori scan reads them: every phone number found, the headerless part's first one too
        Run d = run("scan", parts.toString(), "--input-format", "documents", "--output", dir.resolve("d").toString(), "--format", "json",
                "--lang", "en");
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(dev.mamori.report.Json.mapper().readTree(d.out()).get("findings").asInt()).isEqualTo(6);
        // the same header in every part (a BOM and CRLF aside) is read as one table
        Files.writeString(parts.resolve("part-ab.csv"), "\uFEFF氏名,電話\r\n佐藤花子,090-2222-3333\r\n");
        Run same = run("scan", parts.toString(), "--output", dir.resolve("s").toString(), "--format", "json", "--lang", "en");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(dev.mamori.report.Json.mapper().readTree(same.out()).get("records").asInt()).isEqualTo(2);
    }

    @Test
    void riskNeverWritesItsReportOverItsInputAndATasksProblemIsSaidInOneLine() throws IOException {
        StringBuilder csv = new StringBuilder("id,age,sex,email\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(20 + i % 3).append(',').append(i % 2 == 0 ? "Male" : "Female").append(",user").append(i)
                    .append("@example.jp\n");
        }
        Path data = Files.createDirectory(dir.resolve("data"));
        Path people = Files.writeString(data.resolve("people.csv"), csv.toString());
        for (String[] io : new String[][] {{people.toString(), people.toString()}, {people.toString(), "file://" + people},
                {data.toString(), data.resolve("r.json").toString()}}) {
            Run r = run("risk", io[0], "--qi", "age,sex", "--output", io[1], "--lang", "en");
            assertThat(r.code()).as(io[1]).isEqualTo(2);
            assertThat(r.err()).as(io[1]).contains("inside it or around it");
        }
        assertThat(Files.readString(people)).isEqualTo(csv.toString());
        assertThat(run("risk", people.toString(), "--qi", "age,sex", "--output", "s3a://bucket/r.json", "--lang", "en").err())
                .contains("the report is written to a file on the driver");
        Run ok = run("risk", people.toString(), "--qi", "age,sex", "--output", "file://" + dir.resolve("r.json"), "--lang", "en");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(dir.resolve("r.json")).exists();
        assertThat(run("risk", people.toString(), "--qi", "age,sex", "--threads", "2", "--conf", "spark.master=local[1]", "--lang", "en")
                .err()).contains("--threads is the cores of this machine (local[N]); on local[1]");

        // a kept column's check fails inside a task: said in one line, as mamori deid says it, with nothing written
        Path hierarchies = Path.of("../mamori-core/src/test/resources/dev/mamori/risk/adult");
        Run deid = run("deid", people.toString(), "--mode", "anonymous", "--k", "2", "--qi", "age=" + hierarchies.resolve("adult_hierarchy_age.csv").toAbsolutePath(),
                "--qi", "sex=" + hierarchies.resolve("adult_hierarchy_sex.csv").toAbsolutePath(), "--keep", "email", "--drop", "id", "--output",
                dir.resolve("made/anon").toString(), "--lang", "en");
        assertThat(deid.code()).isEqualTo(2);
        assertThat(deid.err()).contains("email").contains("EMAIL").doesNotContain("\tat ").doesNotContain("Job aborted");
        assertThat(dir.resolve("made")).doesNotExist();
    }
}
