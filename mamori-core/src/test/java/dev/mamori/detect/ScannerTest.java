package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerTest {

    @TempDir
    Path dir;

    private static List<LocatedFinding> scan(Scanner.Options options, Path file) throws IOException {
        List<LocatedFinding> out = new ArrayList<>();
        try (Scanner s = new Scanner(options)) {
            s.scan(file, file.getFileName().toString(), out::add);
        }
        return out;
    }

    private static Scanner.Options ids() {
        EnumSet<PiiType> t = EnumSet.allOf(PiiType.class);
        t.removeIf(PiiType::needsMorphology);
        return Scanner.Options.defaults().withTypes(t);
    }

    @Test
    void personalDataInATablesHeaderIsReportedAndTheColumnsNamesAreMasked() throws IOException {
        // a table of names and addresses alone cannot be told from one with a header: its first record is taken for it
        Path csv = Files.writeString(dir.resolve("names.csv"), "山田 太郎,東京都千代田区霞が関1-2-3,営業部\n"
                + "佐藤 花子,大阪府大阪市北区梅田1-1,総務部\n鈴木 一郎,北海道札幌市中央区北1条西2,経理部\n");
        List<LocatedFinding> found = new ArrayList<>();
        FileReport report;
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            report = s.scan(csv, "names.csv", found::add);
        }
        assertThat(found).filteredOn(f -> f.where().row() == 0).extracting(f -> f.finding().type() + " " + f.finding().value())
                .containsExactly("PERSON 山田 太郎", "ADDRESS 東京都千代田区霞が関1-2-3");
        assertThat(found).extracting(f -> f.where().column()).doesNotContain("山田 太郎", "東京都千代田区霞が関1-2-3");
        assertThat(report.tables().get(0).columns()).extracting(ColumnReport::header).containsExactly("山＊ ＊＊", "東京都千代田区＊＊＊＊＊＊＊＊", "営業部");
        // a header of labels, 要配慮 ones too, gives nothing
        Path labels = Files.writeString(dir.resolve("labels.csv"), "氏名,住所,病歴\n山田 太郎,東京都千代田区霞が関1-2-3,\n");
        assertThat(scan(Scanner.Options.defaults(), labels)).noneMatch(f -> f.where().row() == 0);
    }

    @Test
    void linesOfATextFileGiveEachOtherContext() throws IOException {
        Path txt = dir.resolve("mail.txt");
        Files.writeString(txt, "お世話になります。\n名簿をお送りします。\n氏名,郵便番号,生年月日\n山田太郎,1000001,1985/04/01\n"
                + "佐藤花子,5300001,1990/12/03\n以上です。\n");
        for (int threads : new int[] {1, 2}) {
            List<LocatedFinding> fs = scan(ids().withThreads(threads), txt);
            // bare 7 digits and a date are found only under the header two lines up
            assertThat(fs).extracting(f -> f.finding().type() + "@" + f.where().line() + ":" + f.finding().start() + "-" + f.finding().end())
                    .as("threads " + threads)
                    .containsExactly("POSTAL_CODE@4:5-12", "DATE_OF_BIRTH@4:13-23", "POSTAL_CODE@5:5-12", "DATE_OF_BIRTH@5:13-23");
        }
    }

    @Test
    void symbolAndNumberColumnsBesideAnInsurerNumberAreAnInsuranceCards() throws IOException {
        Path csv = dir.resolve("hoken.csv");
        Files.writeString(csv, "氏名,保険者番号,記号,番号\n山田太郎,06139999,4501,123\n佐藤花子,06139999,4502,77\n");
        List<LocatedFinding> fs = scan(ids(), csv);
        assertThat(fs).extracting(f -> f.finding().type() + "@" + f.where().row() + ":" + f.where().column())
                .contains("HEALTH_INSURANCE@1:記号", "HEALTH_INSURANCE@1:番号", "HEALTH_INSURANCE@2:記号", "HEALTH_INSURANCE@2:番号");
    }

    @Test
    void locatesFindingsInCsvCellsByRowAndColumn() throws IOException {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "番号,電話番号,メール\n1,03-1234-5678,a@example.jp\n2,,b@example.com\n", Charset.forName("windows-31j"));
        List<LocatedFinding> fs = scan(ids(), csv);
        assertThat(fs).extracting(f -> f.finding().type() + "@" + f.where().row() + ":" + f.where().column() + ":" + f.where().columnIndex()
                        + ":" + f.where().line() + ":" + f.finding().start() + "-" + f.finding().end())
                .containsExactly("PHONE@1:電話番号:1:2:0-12", "EMAIL@1:メール:2:2:0-12", "EMAIL@2:メール:2:3:0-13");
    }

    @Test
    void classifiesColumnsAndTheTable() throws IOException {
        Path csv = dir.resolve("t.csv");
        StringBuilder b = new StringBuilder("id,個人番号,電話\n");
        for (int i = 0; i < 10; i++) {
            b.append(i).append(",123456789018,090-1234-567").append(i).append('\n');
        }
        Files.writeString(csv, b.toString());
        try (Scanner s = new Scanner(ids())) {
            FileReport r = s.scan(csv, "t.csv", f -> { });
            TableReport t = r.tables().get(0);
            assertThat(t.rows()).isEqualTo(10);
            assertThat(t.columns().get(0).types()).isEmpty();
            assertThat(t.columns().get(1).types()).containsExactly(PiiType.MY_NUMBER);
            assertThat(t.columns().get(1).share(PiiType.MY_NUMBER)).isEqualTo(1.0);
            assertThat(t.columns().get(1).category()).isEqualTo(LegalCategory.IDENTIFICATION_CODE);
            assertThat(t.columns().get(2).types()).containsExactly(PiiType.PHONE);
            assertThat(t.headline()).isEqualTo(Classification.SPECIFIC_PERSONAL_INFORMATION);
            assertThat(r.counts()).containsEntry(PiiType.MY_NUMBER, 10L).containsEntry(PiiType.PHONE, 10L);
        }
    }

    /** JSON Lines whose later records bring a new key: the wider table keeps the rows counted before it (it had lost them). */
    @Test
    void rowsBeforeANewJsonLinesKeyStayCounted() throws IOException {
        Path jsonl = dir.resolve("w.jsonl");
        Files.writeString(jsonl, "{\"name\":\"a\",\"tel\":\"\"}\n{\"name\":\"b\"}\n{\"name\":\"c\"}\n"
                + "{\"name\":\"d\",\"mail\":\"d@example.jp\"}\n{\"name\":\"e\"}\n");
        for (int threads : new int[] {1, 2}) {
            try (Scanner s = new Scanner(ids().withThreads(threads))) {
                TableReport t = s.scan(jsonl, "w.jsonl", f -> { }).tables().get(0);
                assertThat(t.rows()).as("threads %d", threads).isEqualTo(5);
                assertThat(t.columns().get(0).cells()).isEqualTo(5);
                assertThat(t.columns().get(2).types()).containsExactly(PiiType.EMAIL);
            }
        }
    }

    @Test
    void twoThreadsGiveTheSameFindingsInTheSameOrderAsOne() throws IOException {
        Path txt = dir.resolve("big.txt");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("連絡先は 090-").append(1000 + i % 9000).append("-5678 です。メール user").append(i).append("@example.jp\n");
        }
        Files.writeString(txt, b.toString(), StandardCharsets.UTF_8);
        List<LocatedFinding> one = scan(ids().withThreads(1), txt);
        List<LocatedFinding> two = scan(ids().withThreads(2), txt);
        assertThat(one).hasSize(10000);
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aFindingAcrossAChunkBoundaryOfAHugeLineIsReportedOnceAtItsLineOffset() throws IOException {
        Path txt = dir.resolve("long.txt");
        int pad = 1_048_576 - 6; // the phone number straddles the first chunk's end
        String line = "あ".repeat(pad - 2) + "電話03-1234-5678" + "い".repeat(1000);
        Files.writeString(txt, "first line a@example.jp\n" + line + "\n");
        List<LocatedFinding> fs = scan(ids(), txt);
        assertThat(fs).extracting(f -> f.finding().type() + "@" + f.where().line() + ":" + f.finding().start())
                .containsExactly("EMAIL@1:11", "PHONE@2:" + pad);
    }

    /**
     * A value under its label's line, over every kind of cut: the 256-line batches of a small file, the 64 KiB blocks of a
     * large one, and blank lines between paragraphs.
     */
    @Test
    void labelsGiveContextOverBlankLinesBatchesAndBlocks() throws IOException {
        for (int paragraphs : new int[] {150, 4000}) { // 600 lines in 5 KB (batches); 160 KB (blocks)
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < paragraphs; i++) {
                lines.addAll(List.of(i % 7 == 0 ? "ご本人の住民票コード" : "住民票コード", String.valueOf(29141777635L + i), "", "以上"));
            }
            scansAsWhole(lines, "codes" + paragraphs, paragraphs);
        }
    }

    /** A value answering its label six lines up, blank lines between: a cut anywhere in between changes nothing (a review). */
    @Test
    void aLabelLinesAboveReachesOverEveryCut() throws IOException {
        for (int groups : new int[] {60, 2500}) { // 540 lines in 15 KB (batches); 620 KB (blocks)
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                lines.addAll(List.of("父: 住民票コードも書けって言われてる", "母: うん", "", "", "母: はい", "父: 了解", "",
                        "父: " + (84799666374L + i) + " 読めるか？", ""));
            }
            scansAsWhole(lines, "answers" + groups, groups);
        }
    }

    /**
     * The scan of {@code lines} as a file, on one thread and two, finds what the detector finds in the whole text at once,
     * {@code codes} 住民票コード among them.
     */
    private void scansAsWhole(List<String> lines, String name, int codes) throws IOException {
        Path txt = dir.resolve(name + ".txt");
        Files.write(txt, lines, StandardCharsets.UTF_8);
        Detector d = Detector.of(ids().types(), ids().minConfidence());
        List<String> whole = new ArrayList<>();
        List<List<Finding>> perLine = d.detectLines(lines);
        for (int l = 0; l < perLine.size(); l++) {
            for (Finding f : perLine.get(l)) {
                whole.add(f.type() + "@" + (l + 1) + ":" + f.start() + "-" + f.end());
            }
        }
        assertThat(whole).filteredOn(f -> f.startsWith("RESIDENT_RECORD_CODE")).hasSize(codes);
        for (int threads : new int[] {1, 2}) {
            assertThat(scan(ids().withThreads(threads), txt))
                    .extracting(f -> f.finding().type() + "@" + f.where().line() + ":" + f.finding().start() + "-" + f.finding().end())
                    .as(name + ", threads " + threads)
                    .containsExactlyElementsOf(whole);
        }
    }

    @Test
    void aBareSurnameAfterABlankLineIsTheFullNameOfTheParagraphBefore() throws IOException {
        Path txt = dir.resolve("memo.txt");
        Files.writeString(txt, "本日、鈴木一郎さんが来所した。\n\n鈴木は午後に帰った。\n");
        assertThat(scan(Scanner.Options.defaults(), txt))
                .extracting(f -> f.finding().type() + "@" + f.where().line() + ":" + f.finding().value())
                .containsExactly("PERSON@1:鈴木一郎", "PERSON@3:鈴木");
    }
}
