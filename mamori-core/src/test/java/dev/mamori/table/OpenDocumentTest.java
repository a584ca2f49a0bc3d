package dev.mamori.table;

import static dev.mamori.table.Recorder.lines;
import static dev.mamori.table.Recorder.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Scanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenDocument files as LibreOffice writes them (src/test/resources/…/odf: the flat .fods, .fodt and .fodp were written by
 * hand, and the .ods, .odt and .odp are LibreOffice's conversions of them): a spreadsheet read as tables like an XLSX,
 * with the shown text of its cells (a date in 和暦), its repeated rows, merged cells and comments; a text document and a
 * presentation read as lines like a DOCX and a PPTX, with what lies outside the body; files named otherwise read by their
 * content; locked and broken files refused with the file's name. The packages with objects or a password are put together
 * here, entry by entry.
 */
class OpenDocumentTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        return fixture(name, name);
    }

    private Path fixture(String name, String as) throws IOException {
        try (InputStream in = OpenDocumentTest.class.getResourceAsStream("odf/" + name)) {
            return Files.write(dir.resolve(as), in.readAllBytes());
        }
    }

    private static List<String> found(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            s.scan(file, file.getFileName().toString(), (LocatedFinding f) -> out.add(f.finding().type() + " " + f.finding().value()));
        }
        return out;
    }

    /** A package of these entries (the mimetype first and stored, as ODF asks). */
    private Path pack(String name, String mimetype, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] type = mimetype.getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(type);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";

    private static String manifest(String... entries) {
        StringBuilder b = new StringBuilder("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">");
        for (int i = 0; i < entries.length; i += 2) {
            b.append("<manifest:file-entry manifest:full-path=\"").append(entries[i]).append("\" manifest:media-type=\"")
                    .append(entries[i + 1]).append("\"/>");
        }
        return b.append("</manifest:manifest>").toString();
    }

    // ---- spreadsheets

    @Test
    void aSpreadsheetIsReadSheetBySheetWithItsCellsAsShown() throws IOException {
        Recorder r = read(fixture("meibo.ods"));
        assertThat(r.events).containsExactly(
                "table 会員名簿 [会員名簿（2024年4月1日現在）]",
                "row 1 3 [氏名, フリガナ, 生年月日, 電話番号, メール, 住所]",
                "row 2 4 [山田太郎, ヤマダ タロウ, 昭和60年4月11日, 090-1234-5678, taro.yamada@example.jp, 東京都千代田区霞が関1-2-3]",
                // a row written once with a repeat count of two: two rows
                "row 3 5 [鈴木花子, スズキ ハナコ, 平成2年12月1日, 03-3581-0000, null, 大阪府大阪市北区梅田1-1-1]",
                "row 4 6 [鈴木花子, スズキ ハナコ, 平成2年12月1日, 03-3581-0000, null, 大阪府大阪市北区梅田1-1-1]",
                // a merged cell keeps its columns: the date stays under 生年月日
                "row 5 7 [佐々木一郎, null, 昭和50年1月23日, 011-222-3333, ichiro@example.com, 北海道札幌市中央区北1条西2丁目]",
                // the page header (its sheet-name field not read), the comment with its author, the link's target
                "table 会員名簿 [シートの書き込み]",
                "row 6 1 [作成者：鈴木一郎]",
                "row 7 4 [コメント A4 作成者：佐藤花子\n旧姓 田中]",
                "row 8 4 [リンク：mailto:taro.yamada@example.jp]",
                "table メモ [担当 伊藤美咲\n内線 1234]");
        assertThat(r.problems).isEmpty();
        assertThat(new DocumentReader(null).probe(dir.resolve("meibo.ods")).format()).isEqualTo(Format.ODS);
    }

    @Test
    void theFlatFileIsReadAsThePackage() throws IOException {
        Recorder flat = read(fixture("meibo.fods"));
        Recorder pkg = read(fixture("meibo.ods"));
        // the hand-written flat file gives one date without its shown text (LibreOffice adds it): its value
        assertThat(flat.events).isEqualTo(pkg.events.stream().map(e -> e.replace("昭和50年1月23日", "1975-01-23")).toList());
    }

    @Test
    void scanningFindsTheMembersByColumnAndTheTitleApart() throws IOException {
        List<String> found = found(fixture("meibo.ods"));
        assertThat(found).contains("PERSON 山田太郎", "PERSON 佐々木一郎", "DATE_OF_BIRTH 昭和60年4月11日", "DATE_OF_BIRTH 昭和50年1月23日",
                "PHONE 090-1234-5678", "EMAIL ichiro@example.com", "PERSON 佐藤花子", "PERSON 鈴木一郎", "PERSON 伊藤美咲");
        assertThat(found.stream().filter(f -> f.startsWith("ADDRESS"))).hasSize(4);
    }

    @Test
    void aRowRepeatedPastReasonIsReadOnceAndSaid() throws IOException {
        String content = "<office:document-content " + NS + "><office:body><office:spreadsheet><table:table table:name=\"S\">"
                + "<table:table-row><table:table-cell><text:p>氏名</text:p></table:table-cell></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1048575\"><table:table-cell table:number-columns-repeated=\"16384\">"
                + "<text:p>山田太郎</text:p></table:table-cell></table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
        Path file = pack("big.ods", "application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", content));
        Recorder r = read(file);
        assertThat(r.rows).hasSize(1);
        assertThat(r.rows.get(0)).hasSize(16384).containsOnly("山田太郎");
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.text().en()).contains("written as repeated exceed the limit; past it, each is read once"));
    }

    @Test
    void cutXmlKeepsTheRowsBeforeTheDamage() throws IOException {
        String content = "<office:document-content " + NS + "><office:body><office:spreadsheet><table:table table:name=\"S\">"
                + "<table:table-row><table:table-cell><text:p>氏名</text:p></table:table-cell></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>山田太郎</text:p></table:table-cell></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>佐藤";
        Recorder r = read(pack("cut.ods", "application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", content)));
        assertThat(r.events).containsExactly("table S [氏名]", "row 1 2 [山田太郎]");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.text().en()).contains("malformed XML at line 1", "of content.xml", "the rest is not read");
            assertThat(p.unread()).isTrue();
        });
    }

    // ---- documents and presentations

    @Test
    void aTextDocumentIsReadWithWhatLiesOutsideItsBody() throws IOException {
        List<String> expected = List.of("履歴書", "ふりがな：山田 太郎 様", "生年月日\t昭和60年4月11日生", "現住所\t東京都港区芝公園4-2-8",
                "電話  090-8765-4321", "連絡先は携帯を優先", "面談メモは別紙", "年月\t学歴・職歴", "平成16年3月\t東京都立日比谷高等学校 卒業",
                "推薦者 大野智", "以上", "資格：普通自動車第一種運転免許",
                "削除された文字：旧住所 神奈川県横浜市中区本町6-50-10", "緊急時は母 山田花子（080-1111-2222）へ",
                "コメント 作成者：人事 佐藤", "持病あり、通院中とのこと", "社外秘　人事部 採用担当 木村", "問合せ 03-5253-2111",
                "作成者：中村由美", "作成者：小林誠");
        assertThat(lines(read(fixture("rireki.odt")))).isEqualTo(expected);
        assertThat(lines(read(fixture("rireki.fodt")))).isEqualTo(expected);
        List<String> found = found(dir.resolve("rireki.odt"));
        assertThat(found).contains("PERSON 山田 太郎", "PHONE 090-8765-4321", "PHONE 080-1111-2222", "PERSON 山田花子",
                "DATE_OF_BIRTH 昭和60年4月11日", "PERSON 大野智", "PERSON 中村由美", "PERSON 小林誠");
    }

    @Test
    void aPresentationGivesEachSlideThenItsNotesAndComments() throws IOException {
        List<String> expected = List.of("顧客対応報告", "担当：加藤雅之", "顧客：株式会社みなと 森本様 045-222-3333",
                "話すこと：前回の担当 斉藤", "コメント 作成者：課長 吉田", "森本様の携帯 070-1234-9876 を追記",
                "氏名\tメール", "松本 潤\tjun@example.org", "作成者：渡辺直美");
        assertThat(lines(read(fixture("slides.odp")))).isEqualTo(expected);
        assertThat(lines(read(fixture("slides.fodp")))).isEqualTo(expected);
    }

    @Test
    void objectsPastedIntoADocumentAreReadAfterIt() throws IOException {
        String doc = "<office:document-content " + NS + "><office:body><office:text><text:p>本文</text:p></office:text></office:body></office:document-content>";
        String sheet = "<office:document-content " + NS + "><office:body><office:spreadsheet><table:table>"
                + "<table:table-row><table:table-cell><text:p>氏名</text:p></table:table-cell><table:table-cell><text:p>電話</text:p></table:table-cell></table:table-row>"
                + "<table:table-row><table:table-cell><text:p>井上 陽子</text:p></table:table-cell><table:table-cell><text:p>090-2222-3333</text:p></table:table-cell></table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/manifest.xml", manifest("/", "application/vnd.oasis.opendocument.text", "content.xml", "text/xml",
                "Object 1/", "application/vnd.oasis.opendocument.spreadsheet", "Object 1/content.xml", "text/xml"));
        entries.put("content.xml", doc);
        entries.put("Object 1/content.xml", sheet);
        Path file = pack("with-object.odt", "application/vnd.oasis.opendocument.text", entries);
        assertThat(lines(read(file))).containsExactly("本文", "埋め込みオブジェクト 1", "氏名\t電話", "井上 陽子\t090-2222-3333");
    }

    // ---- named otherwise, sent, locked, broken

    @Test
    void theContentDecidesWhatAFileIs() throws IOException {
        Path zipped = fixture("meibo.ods", "名簿.zip");
        Path noName = fixture("rireki.odt", "rireki");
        Path xml = fixture("slides.fodp", "slides.xml");
        assertThat(DocumentReader.sniff(zipped).format()).isEqualTo(Format.ODS);
        assertThat(DocumentReader.sniff(noName).format()).isEqualTo(Format.ODT);
        assertThat(DocumentReader.sniff(xml).format()).isEqualTo(Format.ODP);
        assertThat(read(zipped).rows).hasSize(8);
        assertThat(lines(read(xml))).contains("松本 潤\tjun@example.org");
        // from standard input, by its content
        Recorder r = new Recorder();
        new DocumentReader(null).read(new ByteArrayInputStream(Files.readAllBytes(noName)), "-", r);
        assertThat(lines(r)).contains("推薦者 大野智");
    }

    @Test
    void aSpreadsheetAttachedToAMailIsReadAsRows() throws IOException {
        String b64 = Base64.getMimeEncoder().encodeToString(Files.readAllBytes(fixture("meibo.ods")));
        String mail = "From: a@example.jp\r\nTo: b@example.jp\r\nSubject: list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n送ります\r\n"
                + "--b\r\nContent-Type: application/vnd.oasis.opendocument.spreadsheet\r\nContent-Disposition: attachment; filename=\"meibo.ods\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n--b--\r\n";
        Path eml = Files.writeString(dir.resolve("m.eml"), mail);
        assertThat(lines(read(eml))).contains("添付ファイル 1", "シート：会員名簿",
                "山田太郎\tヤマダ タロウ\t昭和60年4月11日\t090-1234-5678\ttaro.yamada@example.jp\t東京都千代田区霞が関1-2-3");
    }

    @Test
    void aPasswordProtectedFileIsRefusedWithItsReason() throws IOException {
        String manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
                + "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\"/></manifest:file-entry>"
                + "</manifest:manifest>";
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("META-INF/manifest.xml", manifest);
        entries.put("content.xml", "\u0001\u0002 not XML: encrypted");
        Path file = pack("locked.odt", "application/vnd.oasis.opendocument.text", entries);
        assertThatThrownBy(() -> read(file)).isInstanceOf(ReadException.class)
                .satisfies(e -> assertThat(((ReadException) e).message("en")).contains("locked.odt", "protected by a password"));
    }

    @Test
    void brokenFilesAreRefusedNamingTheFileAndThePlace() throws IOException {
        byte[] odt = Files.readAllBytes(fixture("rireki.odt"));
        Path cut = Files.write(dir.resolve("cut.odt"), Arrays.copyOf(odt, odt.length / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ReadException.class)
                .satisfies(e -> assertThat(((ReadException) e).message("en")).contains("cut.odt", "ODT"));
        Path flat = Files.writeString(dir.resolve("bad.fodt"), "<office:document " + NS.replace("xmlns:table", "xmlns:t")
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n<office:body><office:text><text:p>山田</text:q>");
        assertThatThrownBy(() -> read(flat)).isInstanceOf(ReadException.class)
                .satisfies(e -> assertThat(((ReadException) e).message("en")).contains("bad.fodt", "not a readable ODT", "line 2"));
        // broken after some text: the text before is kept, and the rest said unread
        Path half = Files.writeString(dir.resolve("half.fodt"), "<office:document " + NS
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\">\n<office:body><office:text><text:p>佐藤花子</text:p>"
                + "<office:annotation><dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">森</dc:creator><text:p>済</text:p></office:annotation>"
                + "<text:p>山田</text:q>");
        Recorder r = read(half);
        assertThat(lines(r)).containsExactly("佐藤花子", "コメント 作成者：森", "済");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.text().en()).contains("malformed XML at line 2", "the rest is not read");
        });
    }

    @Test
    void aPartThatExpandsPastReasonIsRefusedAsAZipBomb() throws IOException {
        String content = "<office:document-content " + NS + "><office:body><office:text><text:p>"
                + " ".repeat(70 << 20) + "</text:p></office:text></office:body></office:document-content>";
        Path file = pack("bomb.odt", "application/vnd.oasis.opendocument.text", Map.of("content.xml", content));
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertThatThrownBy(() -> read(file)).isInstanceOf(ReadException.class)
                .satisfies(e -> assertThat(((ReadException) e).message("en")).contains("bomb.odt", "content.xml expands to more than 200 times"));
    }

    @Test
    void aByteThatIsNoCharacterIsReadAsOneAndTheRestIsRead() throws IOException {
        byte[] flat = Files.readAllBytes(fixture("rireki.fodt"));
        String text = new String(flat, StandardCharsets.UTF_8);
        int at = text.indexOf("履歴書");
        byte[] bad = flat.clone();
        bad[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xFF; // the first byte of 履
        Path file = Files.write(dir.resolve("bad-byte.fodt"), bad);
        Recorder r = read(file);
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.text().en()).endsWith(": bytes that are no character read as U+FFFD (3)"));
        List<String> lines = lines(r);
        assertThat(lines.get(0)).endsWith("歴書").startsWith("\uFFFD");
        assertThat(lines).contains("推薦者 大野智");
    }

    @Test
    void aPartNestedPastReasonIsPassedOverAndTheRestRead() throws IOException {
        int n = 100_000;
        String deep = "<text:span>".repeat(n) + "深い" + "</text:span>".repeat(n);
        Path file = Files.writeString(dir.resolve("deep.fodt"), "<office:document " + NS
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text><text:p>上 " + deep
                + "</text:p><text:p>下 佐藤花子</text:p></office:text></office:body></office:document>");
        Recorder r = read(file);
        assertThat(lines(r)).containsExactly("上 ", "下 佐藤花子");
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.text().en()).endsWith("a part nested more than 256 deep is not read"));
    }

    @Test
    void repeatsCannotMultiplyPastABudget() throws IOException {
        // three tables nested in each other's cells, each row and cell written once and repeated 100 times
        String cell = "<table:table-cell table:number-columns-repeated=\"100\">%s</table:table-cell>";
        String table = "<table:table><table:table-row table:number-rows-repeated=\"100\">" + cell + "</table:table-row></table:table>";
        String inner = String.format(table, "<text:p>山田太郎 090-1234-5678</text:p>");
        String nested = String.format(table, String.format(table, inner));
        Path file = Files.writeString(dir.resolve("bomb.fodt"), "<office:document " + NS
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>" + nested
                + "</office:text></office:body></office:document>");
        Recorder r = read(file);
        long chars = r.chunks.stream().mapToLong(c -> c[3].length()).sum();
        assertThat(chars).isLessThan(3L * OpenDocument.MAX_REPEATED_CHARS);
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.text().en()).contains("exceed the limit"));
        // a sheet's rows, each just under the budget alone
        StringBuilder rows = new StringBuilder("<table:table-row><table:table-cell><text:p>電話</text:p></table:table-cell></table:table-row>");
        for (int i = 0; i < 20; i++) {
            rows.append("<table:table-row table:number-rows-repeated=\"1999999\"><table:table-cell><text:p>090-1234-5678</text:p>"
                    + "</table:table-cell></table:table-row>");
        }
        Path ods = pack("rows.ods", "application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", "<office:document-content "
                + NS + "><office:body><office:spreadsheet><table:table table:name=\"S\">" + rows
                + "</table:table></office:spreadsheet></office:body></office:document-content>"));
        Recorder sheet = read(ods);
        assertThat((long) sheet.rows.size()).isLessThanOrEqualTo(OpenDocument.MAX_REPEATED_CELLS + 20);
        // 20 × 1,999,999 rows also pass the sheet's last row: both said
        assertThat(sheet.problems).extracting(p -> p.text().en()).hasSize(2).anyMatch(m -> m.contains("exceed the limit"))
                .anyMatch(m -> m.contains("rows of sheet 'S' past row 16777216 are not read"));
    }

    @Test
    void slidesFooterLinksAndADeclaredEncodingAreRead() throws IOException {
        String p = "xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\""
                + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
        Path odp = Files.writeString(dir.resolve("f.fodp"), "<office:document " + NS + " " + p
                + " office:mimetype=\"application/vnd.oasis.opendocument.presentation\"><office:body><office:presentation>"
                + "<presentation:footer-decl presentation:name=\"ftr1\">営業部 090-3456-7702</presentation:footer-decl>"
                + "<draw:page><draw:frame><draw:text-box><text:p>議題</text:p></draw:text-box></draw:frame></draw:page>"
                + "</office:presentation></office:body></office:document>");
        assertThat(lines(read(odp))).containsExactly("議題", "営業部 090-3456-7702");
        Path odt = Files.writeString(dir.resolve("l.fodt"), "<office:document " + NS + " " + p
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text>"
                + "<text:p>電話は<text:a xlink:href=\"tel:0312345678\">こちら</text:a></text:p></office:text></office:body></office:document>");
        assertThat(lines(read(odt))).containsExactly("電話はこちら", "リンク：tel:0312345678");
        String sjis = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><office:document " + NS
                + " office:mimetype=\"application/vnd.oasis.opendocument.text\"><office:body><office:text><text:p>山田太郎</text:p>"
                + "</office:text></office:body></office:document>";
        Path declared = Files.write(dir.resolve("sjis.fodt"), sjis.getBytes(java.nio.charset.Charset.forName("windows-31j")));
        Recorder r = read(declared);
        assertThat(lines(r)).containsExactly("山田太郎");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void aSheetWithNoRowsIsNoProblem() throws IOException {
        String content = "<office:document-content " + NS + "><office:body><office:spreadsheet><table:table table:name=\"空\">"
                + "<table:table-row table:number-rows-repeated=\"1048576\"><table:table-cell table:number-columns-repeated=\"1024\"/>"
                + "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
        Recorder r = read(pack("empty.ods", "application/vnd.oasis.opendocument.spreadsheet", Map.of("content.xml", content)));
        assertThat(r.events).isEmpty();
        assertThat(r.problems).isEmpty();
    }

    @Test
    void aDtdIsNotFollowed() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "090-9999-8888");
        Path flat = Files.writeString(dir.resolve("x.fodt"), "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \""
                + secret.toUri() + "\">]><office:document " + NS + " office:mimetype=\"application/vnd.oasis.opendocument.text\">"
                + "<office:body><office:text><text:p>&e;</text:p></office:text></office:body></office:document>");
        try {
            assertThat(lines(read(flat))).noneMatch(l -> l.contains("090-9999-8888"));
        } catch (ReadException e) {
            assertThat(e.message("en")).contains("x.fodt");
        }
    }
}
