package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose first row is data keeps that row as data (scanned, never shown as column names);
 * a table with a header keeps its header.
 */
class HeaderSniffingTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(null);

    private Recorder read(String name, String text) throws IOException {
        Recorder r = new Recorder();
        reader.read(Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8), r);
        return r;
    }

    private static List<String> row(String csv) {
        return java.util.Arrays.asList(csv.split(",", -1));
    }

    private static int titles(String... rows) {
        return HeaderSniffer.preamble(java.util.Arrays.stream(rows).map(HeaderSniffingTest::row).toList());
    }

    @Test
    void titleLinesAreOneCellOrALabelAndItsValueAtTheLeftNeverAHeaderWithGaps() {
        String data = "山田,太郎,東京都,新宿区,西新宿2-8-1,1600023";
        assertThat(titles("会員名簿（2024年4月1日現在）,,,,,", "作成日,2024/4/1,,,,", ",,,作成者：総務課 田中一郎,,",
                "氏名,,住所,,,郵便番号", data, data)).isEqualTo(3);
        // a header with merged cells' gaps spreads across the table: a header, not a title
        assertThat(titles("氏名,,住所,,,郵便番号", data, data)).isZero();
        // a two-level header: the groups over the labels are a title line; not over data, whatever its gaps
        assertThat(titles("会員情報,,,連絡先,,", "氏名,フリガナ,性別,郵便番号,住所,電話番号", "山田太郎,ヤマダタロウ,男,1600023,東京都新宿区西新宿2-8-1,03-1234-5678",
                "佐藤花子,サトウハナコ,女,5300001,大阪府大阪市北区梅田1-1-1,06-2345-6789")).isEqualTo(1);
        assertThat(titles("氏名,,住所,,,電話", "山田,太郎,東京都,新宿区,西新宿2-8-1,03-1234-5678", "佐藤,花子,大阪府,大阪市,梅田1-1,06-2345-6789"))
                .isZero();
        // a header naming three columns of eight is a header
        assertThat(titles("顧客番号,氏名,電話番号,,,,,", "1,山田,090,a,b,c,d,e", "2,佐藤,080,a,b,c,d,e")).isZero();
        // the width is what most rows have: not the notes under a short table, nor one row with remarks far right
        assertThat(titles("会員名簿", "氏名,住所,電話,郵便番号,生年月日", "山田,東京都,090,1600023,1980/4/1", "注1）単位：円", "注2）…", "注3）…"))
                .isEqualTo(1);
        assertThat(titles("氏名,電話,郵便番号,住所", "a,b,c,d", "a,b,c,d,e,f,g,h,i,j", "a,b,c,d")).isZero();
        // three columns: a label and its value cannot be told from a header with an empty cell
        assertThat(titles("作成日,2024/4/1,", "氏名,電話,郵便番号", "a,b,c")).isZero();
        assertThat(titles("作成日,2024/4/1,,", "氏名,電話,郵便番号,住所", "a,b,c,d")).isEqualTo(1);
    }

    @Test
    void aCsvWithoutHeaderHasItsFirstRecordAsDataAndNumberedColumns() throws IOException {
        Recorder r = read("nohead.csv", "123456789018,4111111111111111,090-1234-5678\n"
                + "234567890121,5555555555554444,080-2345-6789\n345678901234,4012888888881881,070-3456-7890\n");
        assertThat(r.events).containsExactly("table null [列1, 列2, 列3]",
                "row 1 1 [123456789018, 4111111111111111, 090-1234-5678]",
                "row 2 2 [234567890121, 5555555555554444, 080-2345-6789]",
                "row 3 3 [345678901234, 4012888888881881, 070-3456-7890]");
    }

    @Test
    void customerRowsWithoutHeaderAreData() throws IOException {
        Recorder r = read("c.csv", "C0001,山田 太郎,男,昭和60年4月1日,100-0013,東京都千代田区霞が関1-2-2,03-3581-0000,taro@example.jp\n"
                + "C0002,佐藤 花子,女,1990/07/15,530-0001,大阪府大阪市北区梅田1-1-1,06-6345-0000,hanako@example.com\n"
                + "C0003,髙橋 健一,男,平成元年1月8日,980-0811,宮城県仙台市青葉区一番町3-5-1,022-261-0000,k@example.co.jp\n");
        assertThat(r.events.get(0)).isEqualTo("table null [列1, 列2, 列3, 列4, 列5, 列6, 列7, 列8]");
        assertThat(r.events.get(1)).startsWith("row 1 1 [C0001, 山田 太郎");
    }

    @Test
    void aSingleRecordThatLooksLikeDataIsDataAndASingleHeaderIsAHeader() throws IOException {
        assertThat(read("one.csv", "山田太郎,090-1234-5678\n").events).containsExactly("table null [列1, 列2]", "row 1 1 [山田太郎, 090-1234-5678]");
        assertThat(read("h.csv", "氏名,電話番号\n").events).containsExactly("table null [氏名, 電話番号]");
    }

    @Test
    void typicalHeadersStayHeaders() throws IOException {
        String[][] tables = {
            {"氏名,住所,電話番号,生年月日", "山田太郎,東京都千代田区霞が関1-2-2,03-3581-0000,1985/04/01", "佐藤花子,大阪府大阪市北区梅田1-1-1,090-1234-5678,昭和60年4月1日"},
            {"顧客番号,氏名,メールアドレス,個人番号", "C0001,山田太郎,taro@example.jp,123456789018", "C0002,佐藤花子,hanako@example.com,234567890121"},
            {"社員番号,入社日,郵便番号", "1001,2020-04-01,100-0013", "1002,2021-04-01,530-0001"},
            {"sex,age,disease", "M,30,flu", "F,40,cold"},
            {"地域,2021,2022,2023", "東京,100,200,300", "大阪,1200,2300,3400"},
            {"氏名,2024/04/01,2024/04/02", "山田,出,欠", "佐藤,欠,出"},
            {"name,phone,email,birthday", "Taro,090-1234-5678,t@example.jp,1985-04-01", "Hana,080-2345-6789,h@example.jp,1990-07-15"},
        };
        for (String[] t : tables) {
            Recorder r = read("t.csv", String.join("\n", t) + "\n");
            assertThat(r.events.get(0)).as(t[0]).isEqualTo("table null " + List.of(t[0].split(",")));
            assertThat(r.rows).as(t[0]).hasSize(t.length - 1);
        }
    }

    @Test
    void theExamplesKeepTheirHeaders() throws IOException {
        Recorder csv = new Recorder();
        reader.read(EXAMPLES.resolve("customers_cp932.csv"), csv);
        assertThat(csv.events.get(0)).startsWith("table null [顧客番号, 氏名, フリガナ");
        Recorder xlsx = new Recorder();
        reader.read(EXAMPLES.resolve("staff.xlsx"), xlsx);
        assertThat(xlsx.events.stream().filter(e -> e.startsWith("table"))).isNotEmpty()
                .noneMatch(e -> e.contains("列1"));
    }

    @Test
    void noHeaderStillForcesData() throws IOException {
        Recorder r = new Recorder();
        new DocumentReader(new DocumentReader.Options(null, null, false, false))
                .read(Files.writeString(dir.resolve("f.csv"), "氏名,電話番号\n山田,090\n"), r);
        assertThat(r.events).containsExactly("table null [列1, 列2]", "row 1 1 [氏名, 電話番号]", "row 2 2 [山田, 090]");
    }

    @Test
    void aSheetWithoutHeaderRowIsDataAndASheetWithOneKeepsIt() throws IOException {
        Path file = dir.resolve("two.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("名簿");
            String[][] rows = {{"123456789018", "090-1234-5678"}, {"234567890121", "080-2345-6789"}};
            for (int i = 0; i < rows.length; i++) {
                Row row = s.createRow(i);
                row.createCell(0).setCellValue(rows[i][0]);
                row.createCell(1).setCellValue(rows[i][1]);
            }
            Sheet h = wb.createSheet("見出しあり");
            h.createRow(0).createCell(0).setCellValue("電話番号");
            h.createRow(1).createCell(0).setCellValue("090-1234-5678");
            wb.write(out);
        }
        Recorder r = new Recorder();
        reader.read(file, r);
        assertThat(r.events).containsExactly("table 名簿 [列1, 列2]", "row 1 1 [123456789018, 090-1234-5678]",
                "row 2 2 [234567890121, 080-2345-6789]", "table 見出しあり [電話番号]", "row 1 2 [090-1234-5678]");
    }

    @Test
    void inBlocksTheVerdictIsTheSame() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("0").append(90_000_000_000L + i).append(',').append("user").append(i).append("@example.jp\n");
        }
        Path f = Files.writeString(dir.resolve("big.csv"), b.toString());
        Recorder one = new Recorder();
        reader.read(f, one);
        Recorder cut = new Recorder();
        List<Block> blocks = new ArrayList<>();
        reader.readInBlocks(f, cut, new Block.Sink() {
            @Override
            public void block(Block block) {
                blocks.add(block);
            }

            @Override
            public void drain() {
            }
        });
        blocks.forEach(x -> x.read(cut));
        assertThat(blocks).hasSizeGreaterThan(1);
        assertThat(one.events.get(0)).isEqualTo("table null [列1, 列2]");
        assertThat(one.events.get(1)).isEqualTo("row 1 1 [090000000000, user0@example.jp]");
        assertThat(cut.events).isEqualTo(one.events);
    }

    @Test
    void theRuleColumnByColumn() {
        assertThat(HeaderSniffer.isData(List.of("氏名", "電話"), List.of(List.of("山田", "090-1234-5678")))).isFalse();
        assertThat(HeaderSniffer.isData(List.of("山田", "03-1234-5678"), List.of(List.of("佐藤", "090-1234-5678")))).isTrue();
        assertThat(HeaderSniffer.isData(List.of("a@example.jp"), List.of())).isTrue();
        assertThat(HeaderSniffer.isData(List.of("2024年1月15日", "メモ"), List.of(List.of("令和6年1月16日", "x")))).isTrue();
        assertThat(HeaderSniffer.isData(List.of("山田", "花子"), List.of(List.of("佐藤", "一郎")))).isFalse(); // cannot tell: a header, as before
        assertThat(HeaderSniffer.names(3)).containsExactly("列1", "列2", "列3");
    }
}
