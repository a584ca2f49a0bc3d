package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void cp932WithVendorCharactersIsDetectedAndDecoded() throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        String csv = "氏名,会社,メモ\n髙橋一郎,㈱山田商事,①番～②番\n山﨑花子,株式会社テスト,住所は東京都千代田区\n";
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("sjis.csv", csv.getBytes(cp932)), r);

        assertThat(s.charset()).isEqualTo(cp932);
        assertThat(s.format()).isEqualTo(Format.CSV);
        assertThat(s.delimiter()).isEqualTo(',');
        assertThat(s.records()).isEqualTo(2);
        assertThat(r.events).containsExactly(
                "table null [氏名, 会社, メモ]",
                "row 1 2 [髙橋一郎, ㈱山田商事, ①番～②番]",
                "row 2 3 [山﨑花子, 株式会社テスト, 住所は東京都千代田区]");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void eucJpIsDetected() throws IOException {
        String csv = "氏名,住所,電話番号\n山田太郎,東京都新宿区西新宿二丁目,03-1234-5678\n鈴木花子,大阪府大阪市北区梅田一丁目,06-1234-5678\n";
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("euc.csv", csv.getBytes("EUC-JP")), r);

        assertThat(s.charset().name()).isEqualTo("EUC-JP");
        assertThat(r.events).containsExactly(
                "table null [氏名, 住所, 電話番号]",
                "row 1 2 [山田太郎, 東京都新宿区西新宿二丁目, 03-1234-5678]",
                "row 2 3 [鈴木花子, 大阪府大阪市北区梅田一丁目, 06-1234-5678]");
    }

    @Test
    void utf8BomIsStrippedFromTheFirstHeader() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write("名前,年齢\n太郎,30\n".getBytes(StandardCharsets.UTF_8));
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("bom.csv", b.toByteArray()), r);

        assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(s.bytes()).isEqualTo(b.size());
        assertThat(r.events).containsExactly("table null [名前, 年齢]", "row 1 2 [太郎, 30]");
        assertThat(r.events.get(0)).doesNotContain("\uFEFF");
    }

    @Test
    void delimitersAreDetected() throws IOException {
        for (String[] c : new String[][] {{"t.tsv", "\t"}, {"t.csv", "\t"}, {"p.csv", "|"}, {"s.csv", ";"}}) {
            String d = c[1];
            String text = "a" + d + "b" + d + "c\n1,5" + d + "2" + d + "3\n4" + d + "5" + d + "6,7\n";
            Recorder r = new Recorder();
            ReadSummary s = reader.read(write(c[0], text.getBytes(StandardCharsets.UTF_8)), r);
            assertThat(s.delimiter()).as(c[0]).isEqualTo(d.charAt(0));
            assertThat(r.events).as(c[0]).containsExactly(
                    "table null [a, b, c]", "row 1 2 [1,5, 2, 3]", "row 2 3 [4, 5, 6,7]");
        }
    }

    @Test
    void tsvExtensionMeansTabEvenWithManyCommas() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("x.tsv", "a,b,c\td\n1,2,3\t4\n".getBytes(StandardCharsets.UTF_8)), r);
        assertThat(s.delimiter()).isEqualTo('\t');
        assertThat(r.events).containsExactly("table null [a,b,c, d]", "row 1 2 [1,2,3, 4]");
    }

    @Test
    void quotedNewlinesEmptyLinesAndRaggedRows() throws IOException {
        String csv = "id,memo,tel\n1,\"line one\nline two\",090\n\n2,\"say \"\"hi\"\"\"\n3,x,y,extra\n";
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("q.csv", csv.getBytes(StandardCharsets.UTF_8)), r);

        assertThat(s.records()).isEqualTo(3);
        assertThat(r.events).containsExactly(
                "table null [id, memo, tel]",
                "row 1 2 [1, line one\nline two, 090]",
                "row 2 5 [2, say \"hi\", null]",
                "row 3 6 [3, x, y, extra]");
    }

    @Test
    void withoutHeaderRowEveryRecordIsDataAndColumnsAreNumbered() throws IOException {
        DocumentReader noHeader = new DocumentReader(new DocumentReader.Options(null, null, false, false));
        Recorder r = new Recorder();
        noHeader.read(write("n.csv", "a,b\nc,d\n".getBytes(StandardCharsets.UTF_8)), r);
        assertThat(r.events).containsExactly("table null [列1, 列2]", "row 1 1 [a, b]", "row 2 2 [c, d]");
    }

    @Test
    void oversizeFieldIsReadAsTextAndTheTableGoesOnAfterIt() throws IOException {
        assertThat(CsvTableReader.maxFieldChars()).isLessThanOrEqualTo(16 * 1024 * 1024);
        StringBuilder b = new StringBuilder("a,b\n1,2\n3,\"");
        int limit = CsvTableReader.maxFieldChars();
        b.append("x".repeat(limit + 10)).append("\"\n5,6\n");
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("big.csv", b.toString().getBytes(StandardCharsets.UTF_8)), r);

        assertThat(s.records()).isEqualTo(3); // the record read as text keeps its row number
        assertThat(r.events).containsExactly("table null [a, b]", "row 1 2 [1, 2]", "row 3 4 [5, 6]");
        assertThat(r.chunks).extracting(c -> c[0]).containsOnly("3");
        assertThat(r.chunks.get(0)[3]).startsWith("3,\"xxx");
        assertThat(r.problems).hasSize(1);
        ReadProblem p = r.problems.get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.unread()).isTrue();
        assertThat(p.message()).isEqualTo(dir.resolve("big.csv") + ":3: record 2 (starting at line 3) cannot be read as a"
                + " table row (a field is longer than " + limit + " chars; is a quote never closed?); its lines are read"
                + " as plain text");
    }

    @Test
    void extensionlessDelimitedTextIsSniffedAsCsv() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("export", "a;b\n1;2\n3;4\n".getBytes(StandardCharsets.UTF_8)), r);
        assertThat(s.format()).isEqualTo(Format.CSV);
        assertThat(s.delimiter()).isEqualTo(';');
        assertThat(r.events).containsExactly("table null [a, b]", "row 1 2 [1, 2]", "row 2 3 [3, 4]");
    }
}
