package dev.mamori.table;

import static dev.mamori.table.Recorder.lines;
import static dev.mamori.table.Recorder.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Scanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Office 97–2003 and Outlook files that offices still keep: .xls read as tables like .xlsx (header, shown values,
 * formulas' results, sheets), .doc and .ppt as lines like .docx and .pptx, .msg as lines like a mail (sender, recipients,
 * subject, body, attachments in these formats); files whose content belies their name read by their content; locked and
 * broken files refused with the file's name. The .doc and one .xls are LibreOffice's (src/test/resources/…/legacy); the
 * other files are written here, the .xls and .ppt with POI, the .msg stream by stream as Outlook lays it out.
 */
class LegacyOfficeTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        try (InputStream in = LegacyOfficeTest.class.getResourceAsStream("legacy/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static List<String> found(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            s.scan(file, file.getFileName().toString(), (LocatedFinding f) -> out.add(f.finding().type() + " " + f.finding().value()));
        }
        return out;
    }

    // ---- XLS

    private static byte[] workbook() throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSSFSheet s = wb.createSheet("顧客");
            String[] header = {"氏名", "個人番号", "生年月日", "郵便番号", "宛名"};
            HSSFRow h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            HSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14);
            Object[][] rows = {{"山田 太郎", 123456789018.0, 31148.0, 1000001.0}, {"佐藤 花子", 987654321098.0, 33000.0, 5300001.0}};
            for (int r = 0; r < rows.length; r++) {
                HSSFRow row = s.createRow(r + 2); // a blank row between the header and the data
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((Double) rows[r][1]);
                row.createCell(2).setCellValue((Double) rows[r][2]);
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellValue((Double) rows[r][3]);
                row.createCell(4).setCellFormula("A" + (r + 3) + "&\" 様\"");
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // the results Excel would keep
            wb.createSheet("空");
            wb.createSheet("メモ").createRow(0).createCell(0).setCellValue("担当：田中");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsIsReadSheetBySheetLikeAnXlsx() throws IOException {
        Path file = Files.write(dir.resolve("顧客.xls"), workbook());
        Recorder r = read(file);
        assertThat(r.events).containsExactly(
                "table 顧客 [氏名, 個人番号, 生年月日, 郵便番号, 宛名]",
                "row 1 3 [山田 太郎, 123456789018, 1985/4/11, 1000001, 山田 太郎 様]",
                "row 2 4 [佐藤 花子, 987654321098, 1990/5/7, 5300001, 佐藤 花子 様]",
                "table メモ [担当：田中]");
        assertThat(r.problems).isEmpty();
        assertThat(new DocumentReader(null).probe(file).format()).isEqualTo(Format.XLS);
    }

    @Test
    void anXlsFromAnotherProgramGivesItsFindingsByColumn() throws IOException {
        Path file = fixture("roster.xls");
        Recorder r = read(file);
        assertThat(r.events).containsExactly(
                "table 会員名簿 [氏名, 電話番号, 郵便番号, 生年月日, 会員番号]",
                "row 1 2 [佐藤 花子, 090-1234-5678, 1000001, 1985/4/12, 123]",
                "row 2 3 [鈴木 一郎, 03-3333-4444, 5300001, 1990/12/1, 124.5]",
                "table メモ [担当：田中]");
        // a bare 7-digit postal code is found under its header, as in a CSV
        assertThat(found(file)).contains("PERSON 佐藤 花子", "PHONE 090-1234-5678", "POSTAL_CODE 1000001", "POSTAL_CODE 5300001");
    }

    @Test
    void formulasFilledDownKeepTheirTextResults() throws IOException {
        Recorder r = read(fixture("formula-shared.xls"));
        // each row's formulas (E to H) repeat its cells (A to D): the first row's too, whose result follows a SHRFMLA record
        assertThat(r.rows).hasSize(4).allSatisfy(row -> assertThat(row.subList(4, 8)).isEqualTo(row.subList(0, 4)));
        assertThat(r.rows.get(0)).startsWith("佐藤花子", "0600001");
    }

    @Test
    void japaneseDateFormatsShowADate() throws IOException {
        Path file = dir.resolve("dates.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            HSSFSheet s = wb.createSheet("日付");
            String[] formats = {"[$-411]ggge\"年\"m\"月\"d\"日\"", "[$-411]ge.m.d", "yyyy\"年\"m\"月\"d\"日\"", "yyyy/mm/dd", "0.00E+00",
                "m\"月\"d\"日\"", "yyyy\"年\"m\"月\""};
            HSSFRow h = s.createRow(0);
            HSSFRow row = s.createRow(1);
            for (int i = 0; i < formats.length + 2; i++) {
                h.createCell(i).setCellValue("列" + (char) ('A' + i));
                HSSFCellStyle style = wb.createCellStyle();
                // the last two: the built-in formats 31 and 57 of a Japanese Excel, written without their format record
                style.setDataFormat(i < formats.length ? wb.createDataFormat().getFormat(formats[i]) : (short) (i == formats.length ? 31 : 57));
                row.createCell(i).setCellValue(31148.0); // 1985-04-11
                row.getCell(i).setCellStyle(style);
            }
            wb.write(out);
        }
        assertThat(read(file).rows).singleElement().isEqualTo(List.of("昭和60年4月11日", "昭和60年4月11日", "1985/4/11", "1985/04/11",
                "3.11E+04", "4月11日", "1985年4月", "1985/4/11", "昭和60年4月11日"));
    }

    @Test
    void whatIsWrittenOnASheetOutsideItsCellsIsReadAfterItsRows() throws IOException {
        Path file = dir.resolve("連絡先.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            HSSFSheet s = wb.createSheet("連絡先");
            s.createRow(0).createCell(0).setCellValue("氏名");
            s.createRow(1).createCell(0).setCellValue("渡辺 直子");
            var patriarch = s.createDrawingPatriarch();
            var comment = patriarch.createCellComment(new org.apache.poi.hssf.usermodel.HSSFClientAnchor(0, 0, 0, 0, (short) 1, 1, (short) 3, 4));
            comment.setString(new org.apache.poi.hssf.usermodel.HSSFRichTextString("本人携帯 090-8765-4321"));
            comment.setAuthor("田中一郎");
            s.getRow(1).getCell(0).setCellComment(comment);
            s.getHeader().setCenter("社外秘 作成者 木村拓也");
            s.getFooter().setCenter("Page &P"); // a page's number only: nothing to read
            var link = wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.EMAIL);
            link.setAddress("mailto:naoko.w@example.co.jp");
            s.getRow(1).createCell(1).setCellValue("メールを送る");
            s.getRow(1).getCell(1).setHyperlink(link);
            wb.write(out);
        }
        Recorder r = read(file);
        assertThat(r.events).containsExactly(
                "table 連絡先 [氏名]",
                "row 1 2 [渡辺 直子, メールを送る]",
                "table 連絡先 [シートの書き込み]",
                "row 2 1 [社外秘 作成者 木村拓也]",
                "row 3 2 [コメント A2 作成者：田中一郎\n本人携帯 090-8765-4321]",
                "row 4 2 [リンク：mailto:naoko.w@example.co.jp]");
        assertThat(found(file)).contains("PHONE 090-8765-4321", "EMAIL naoko.w@example.co.jp", "PERSON 木村拓也");
    }

    @Test
    void anXlsOnStandardInputIsKnownByItsContent() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(new ByteArrayInputStream(workbook()), "-", r);
        assertThat(s.format()).isEqualTo(Format.XLS);
        assertThat(r.rows).hasSize(2);
    }

    @Test
    void aLockedOrBrokenXlsIsRefusedWithItsName() throws IOException {
        byte[] locked;
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            locked = workbook();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        Path file = Files.write(dir.resolve("locked.xls"), locked);
        assertThatThrownBy(() -> read(file)).isInstanceOf(ReadException.class)
                .hasMessage(file + ": a workbook protected by a password; not read (remove the password, then scan it)");
        byte[] whole = workbook();
        Path cut = Files.write(dir.resolve("cut.xls"), java.util.Arrays.copyOf(whole, 1024));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ReadException.class).hasMessageStartingWith(cut + ": not a readable XLS");
    }

    @Test
    void anExcel2003XmlWorkbookSavedAsXlsIsReadAsAWorkbook() throws IOException {
        String xml = """
                <?xml version="1.0"?>
                <?mso-application progid="Excel.Sheet"?>
                <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
                  xmlns:html="http://www.w3.org/TR/REC-html40">
                 <Worksheet ss:Name="名簿"><Table>
                  <Row><Cell><Data ss:Type="String">氏名</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">生年月日</Data></Cell>
                   <Cell><Data ss:Type="String">郵便番号</Data></Cell></Row>
                  <Row ss:Index="3"><Cell ss:MergeAcross="1"><ss:Data ss:Type="String"><html:B>松田</html:B> 龍平</ss:Data>
                    <Comment ss:Author="田中"><ss:Data>携帯 090-8888-9999</ss:Data></Comment></Cell>
                   <Cell ss:Index="3"><Data ss:Type="DateTime">1985-04-11T00:00:00.000</Data></Cell><Cell><Data ss:Type="Number">1500001</Data></Cell></Row>
                 </Table></Worksheet>
                </Workbook>
                """;
        Path file = Files.writeString(dir.resolve("export.xls"), xml);
        Recorder r = read(file);
        assertThat(r.events).containsExactly("table 名簿 [氏名, , 生年月日, 郵便番号]", // a name merged across two cells
                "row 1 3 [松田 龍平, null, 1985/4/11, 1500001]",
                "table 名簿 [シートの書き込み]", "row 2 3 [コメント A3 作成者：田中\n携帯 090-8888-9999]");
        assertThat(DocumentReader.sniff(Files.writeString(dir.resolve("export.xml"), xml)).format()).isEqualTo(Format.XLS);
        Path broken = Files.writeString(dir.resolve("broken.xls"), xml.substring(0, xml.indexOf("<Row ss:Index")) + "<Row><Cell>");
        assertThatThrownBy(() -> read(broken)).isInstanceOf(ReadException.class)
                .hasMessageStartingWith(broken + ": not a readable XLS (Excel 2003 XML): malformed XML at line");
        Path entity = Files.writeString(dir.resolve("entity.xls"), "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet><Table><Row><Cell><Data>&e;</Data></Cell></Row></Table></Worksheet></Workbook>");
        assertThatThrownBy(() -> read(entity)).isInstanceOf(ReadException.class).hasMessageStartingWith(entity + ": ");
    }

    @Test
    void anExcel2003XmlWorkbookIsReadInTheEncodingItDeclaresAndABadByteDoesNotLoseIt() throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">"
                + "<Worksheet><Table><Row><Cell><Data>氏名</Data></Cell><Cell><Data>備考</Data></Cell></Row>"
                + "<Row><Cell><Data>髙橋 ①子</Data></Cell><Cell><Data>XXY</Data></Cell></Row></Table></Worksheet></Workbook>";
        byte[] bytes = xml.getBytes(Charset.forName("windows-31j"));
        int bad = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("XX");
        bytes[bad] = (byte) 0x81; // a lead byte with no trail byte: no character of Shift_JIS
        bytes[bad + 1] = (byte) 0x20;
        Path file = Files.write(dir.resolve("sjis.xls"), bytes);
        Recorder r = read(file);
        // windows-31j as Windows writes Shift_JIS (髙, ①); the bad byte is one U+FFFD, not the whole file lost
        assertThat(r.rows).containsExactly(List.of("髙橋 ①子", "\uFFFD Y"));
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.text().en()).endsWith(": bytes that are no character read as U+FFFD (1)"));
    }

    // ---- DOC, PPT

    @Test
    void aDocIsReadLikeADocx() throws IOException {
        Path file = fixture("resume.doc");
        Recorder r = read(file);
        assertThat(lines(r)).containsExactly(
                "社外秘　人事部 田中一郎",
                "履歴書",
                "氏名　山田 太郎（やまだ たろう）",
                "住所\t東京都千代田区霞が関1-2-3 霞が関ビル4階", // a cell's two paragraphs, one value
                "電話\t03-1234-5678",
                "メール\ttaro.yamada@example.jp",
                "志望動機：貴社の物流事業に関心があります。前職は倉庫管理です。",
                "本籍：北海道札幌市",
                "以上",
                "\t旧姓：鈴木", // the footnote
                "緊急連絡先：090-1234-5678", // the text box
                "コメント", "電話番号を確認してください",
                "作成者：高橋 美咲");
        assertThat(r.problems).isEmpty();
        assertThat(found(file)).contains("PERSON 山田 太郎", "ADDRESS 東京都千代田区霞が関1-2-3 霞が関ビル4階", "PHONE 03-1234-5678",
                "PHONE 090-1234-5678", "EMAIL taro.yamada@example.jp", "PERSON 高橋 美咲");
    }

    @Test
    void aDocsFieldsRubySectionsAndCommentsKeepTheirText() throws IOException {
        List<String> lines = lines(read(fixture("rireki.doc")));
        assertThat(lines).contains(
                "履歴書 応募者：山田太郎", "職務経歴書 第2部 担当：佐々木恵", "緊急連絡 080-7777-8888", // both sections' headers and footers
                "ふりがな：山田太郎 様", // ruby: the name under the reading
                "メール：taro.yamada@example.jp または t.yamada@example.com（携帯 090-1234-5678）", // links: their shown text
                "家族\t妻 山田花子 090-5555-1234 長男 山田一郎 個人番号 712345678905 以上", // a table inside a cell: its text
                "変更履歴：新電話 03-1111-2222", "削除された文字：旧電話 03-9999-0000"); // a tracked deletion, apart
        assertThat(lines).noneMatch(l -> l.contains("HYPERLINK") || l.contains("EQ ") || l.contains("\\o"));
        assertThat(lines(read(fixture("cmt.doc")))).containsSubsequence("コメント", "本人希望：連絡は 090-7070-8080 へ",
                "二段落目 takagi@example.jp").containsOnlyOnce("コメント");
    }

    @Test
    void aDocRenamedDocxIsReadAsADoc() throws IOException {
        Path file = Files.write(dir.resolve("履歴書.docx"), Files.readAllBytes(fixture("resume.doc")));
        assertThat(lines(read(file))).contains("電話\t03-1234-5678");
    }

    private Path ppt() throws IOException {
        Path file = dir.resolve("体制.ppt");
        try (HSLFSlideShow show = new HSLFSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            HSLFSlide slide = show.createSlide();
            HSLFTextBox title = slide.createTextBox();
            title.setText("新体制のお知らせ");
            HSLFTextBox body = slide.createTextBox();
            body.setText("営業部長　渡辺 健一（内線 4021）\r連絡先：watanabe@example.co.jp");
            show.createInformationProperties();
            show.getSummaryInformation().setAuthor("小林 直樹");
            show.write(out);
        }
        return file;
    }

    @Test
    void aPptIsReadLikeAPptx() throws IOException {
        Recorder r = read(ppt());
        assertThat(lines(r)).containsExactly("新体制のお知らせ", "営業部長　渡辺 健一（内線 4021）", "連絡先：watanabe@example.co.jp",
                "作成者：小林 直樹");
        assertThat(r.problems).isEmpty();
    }

    // ---- MSG

    /** One stream of a message's storage: a string property (…001F, UTF-16LE) or binary data (…0102). */
    private static void stream(DirectoryEntry d, String tag, byte[] value) throws IOException {
        d.createDocument("__substg1.0_" + tag, new ByteArrayInputStream(value));
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    /** A fixed-size properties stream: a header of {@code header} bytes, then {tag, flags, value} entries of 16 bytes. */
    private static void properties(DirectoryEntry d, int header, Map<Integer, Long> values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(header + 16 * values.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.position(header);
        for (Map.Entry<Integer, Long> e : values.entrySet()) {
            b.putInt(e.getKey()).putInt(6).putLong(e.getValue());
        }
        d.createDocument("__properties_version1.0", new ByteArrayInputStream(b.array()));
    }

    /** How a test message keeps its strings. */
    private enum Strings {
        /** UTF-16 (Outlook 2003 and later). */
        UNICODE,
        /** Windows' Shift_JIS, the code page not named (as Outlook before 2003 left many). */
        CP932,
        /** Windows' Shift_JIS, named by PR_MESSAGE_CODEPAGE alone. */
        CP932_NAMED,
        /** Windows' Shift_JIS for the people's names only: the subject and the body are ASCII. */
        CP932_NAMES
    }

    /**
     * An Outlook message as Outlook lays it out in its OLE2 file: the message's properties as streams at the root, each
     * recipient and attachment in a storage of its own. The sender is an Exchange user (a directory name, and the SMTP
     * address in PR_SENDER_SMTP_ADDRESS); the attachments are a workbook, a text file, a picture and a Word document
     * stored as an OLE object (a storage, as Outlook keeps a rich-text mail's objects).
     */
    private Path msg(String name, Strings strings) throws IOException {
        Charset sjis = Charset.forName("windows-31j");
        boolean ascii = strings == Strings.CP932_NAMES;
        java.util.function.BiConsumer<DirectoryEntry, String[]> text = (d, tv) -> {
            try {
                if (strings == Strings.UNICODE) {
                    stream(d, tv[0] + "001F", utf16(tv[1]));
                } else {
                    stream(d, tv[0] + "001E", tv[1].getBytes(sjis));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        Path file = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file);
             POIFSFileSystem doc = new POIFSFileSystem(Files.newInputStream(fixture("resume.doc")))) {
            DirectoryEntry root = fs.getRoot();
            text.accept(root, new String[] {"001A", "IPM.Note"});
            text.accept(root, new String[] {"0037", ascii ? "Re: schedule" : "【至急】山本様の件"});
            text.accept(root, new String[] {"0C1A", "中島 裕子"});
            text.accept(root, new String[] {"0C1F", "/O=EXAMPLE/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=NAKAJIMA"});
            text.accept(root, new String[] {"5D01", "y.nakajima@example.co.jp"});
            text.accept(root, new String[] {"0E04", "山本 一郎"});
            text.accept(root, new String[] {"1000", ascii ? "Hello,\r\nThe meeting moves to 3 pm. Tel 090-8765-4321"
                    : "山本様\r\n\r\nお電話（090-8765-4321）ありがとうございました。\r\n中島"});
            properties(root, 32, strings == Strings.CP932_NAMED ? Map.of(0x3FFD0003, 932L) : Map.of()); // PR_MESSAGE_CODEPAGE
            DirectoryEntry to = root.createDirectory("__recip_version1.0_#00000000");
            text.accept(to, new String[] {"3001", "山本 一郎"});
            text.accept(to, new String[] {"39FE", "ichiro.yamamoto@example.jp"});
            properties(to, 8, Map.of(0x0C150003, 1L)); // PR_RECIPIENT_TYPE: To
            DirectoryEntry cc = root.createDirectory("__recip_version1.0_#00000001");
            text.accept(cc, new String[] {"3001", "森 真由美（経理部）"});
            text.accept(cc, new String[] {"39FE", "mori@example.co.jp"});
            properties(cc, 8, Map.of(0x0C150003, 2L)); // Cc
            if (!ascii) {
                DirectoryEntry a = root.createDirectory("__attach_version1.0_#00000000");
                text.accept(a, new String[] {"3707", "名簿.xls"});
                stream(a, "37010102", workbook());
                DirectoryEntry b = root.createDirectory("__attach_version1.0_#00000001");
                text.accept(b, new String[] {"3707", "メモ.txt"});
                stream(b, "37010102", "緊急連絡先：03-5555-6666".getBytes(sjis));
                DirectoryEntry c = root.createDirectory("__attach_version1.0_#00000002");
                text.accept(c, new String[] {"3707", "写真.jpg"});
                text.accept(c, new String[] {"370E", "image/jpeg"});
                stream(c, "37010102", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
                DirectoryEntry o = root.createDirectory("__attach_version1.0_#00000003");
                properties(o, 8, Map.of(0x37050003, 6L)); // PR_ATTACH_METHOD: an OLE object
                org.apache.poi.poifs.filesystem.EntryUtils.copyNodes(doc.getRoot(), o.createDirectory("__substg1.0_3701000D"));
            }
            fs.writeFilesystem(out);
        }
        return file;
    }

    @Test
    void anOutlookMessageIsReadLikeAMail() throws IOException {
        Recorder r = read(msg("山本様の件.msg", Strings.UNICODE));
        List<String> lines = lines(r);
        assertThat(lines).startsWith(
                "From: 中島 裕子 <y.nakajima@example.co.jp>", // the SMTP address, not the Exchange directory name
                "To: 山本 一郎 <ichiro.yamamoto@example.jp>",
                "Cc: 森 真由美（経理部） <mori@example.co.jp>",
                "Subject: 【至急】山本様の件",
                "山本様", "お電話（090-8765-4321）ありがとうございました。", "中島",
                "添付ファイル 1", // the workbook's rows, as lines
                "シート：顧客", "氏名\t個人番号\t生年月日\t郵便番号\t宛名",
                "山田 太郎\t123456789018\t1985/4/11\t1000001\t山田 太郎 様",
                "佐藤 花子\t987654321098\t1990/5/7\t5300001\t佐藤 花子 様",
                "シート：メモ", "担当：田中",
                "添付ファイル 2", "緊急連絡先：03-5555-6666",
                "添付ファイル 4"); // the Word document stored as an OLE object
        assertThat(lines).contains("住所\t東京都千代田区霞が関1-2-3 霞が関ビル4階", "作成者：高橋 美咲");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.text().en()).contains("attachment 3 (image/jpeg) is of a kind not read");
        });
    }

    @Test
    void anOutlookMessageInTheWindowsCodePageIsDecodedAsShiftJis() throws IOException {
        for (Strings strings : new Strings[] {Strings.CP932, Strings.CP932_NAMED, Strings.CP932_NAMES}) {
            Path file = msg(strings + ".msg", strings);
            List<String> lines = lines(read(file));
            assertThat(lines).as(strings.name()).startsWith("From: 中島 裕子 <y.nakajima@example.co.jp>",
                    "To: 山本 一郎 <ichiro.yamamoto@example.jp>", "Cc: 森 真由美（経理部） <mori@example.co.jp>");
            if (strings != Strings.CP932_NAMES) {
                assertThat(lines).as(strings.name()).contains("Subject: 【至急】山本様の件", "お電話（090-8765-4321）ありがとうございました。");
            }
        }
        assertThat(found(dir.resolve("CP932.msg"))).contains("PERSON 中島 裕子", "PERSON 山本 一郎", "PHONE 090-8765-4321",
                "MY_NUMBER 123456789018", "PHONE 03-5555-6666", "EMAIL y.nakajima@example.co.jp");
    }

    // ---- names that the content belies

    @Test
    void aFileIsReadAsWhatItIsWhateverItsOfficeNameSays() throws IOException {
        // web systems export "Excel" files that are HTML tables
        Path html = Files.writeString(dir.resolve("export.xls"), "<html><body><table><tr><td>氏名</td><td>電話</td></tr>"
                + "<tr><td>山田 太郎</td><td>090-1111-2222</td></tr></table></body></html>");
        assertThat(lines(read(html))).contains("山田 太郎\t090-1111-2222");
        assertThat(DocumentReader.sniff(html).format()).isEqualTo(Format.HTML);
        // a translation file of Tcl, a text that happens to end in .msg
        Path msg = Files.writeString(dir.resolve("ja.msg"), "namespace eval ::msgcat {\n  ::msgcat::mcset ja Yes はい\n}\n");
        assertThat(DocumentReader.sniff(msg).format()).isEqualTo(Format.TEXT);
        assertThat(lines(read(msg))).contains("  ::msgcat::mcset ja Yes はい");
        Path rtf = Files.writeString(dir.resolve("memo.doc"), "{\\rtf1\\ansi\\ansicpg932 {\\fonttbl} \\'8e\\'52\\'93\\'63}");
        assertThat(lines(read(rtf))).containsExactly(" 山田"); // Word's "rich text" saved as .doc (the blank after {\fonttbl} is text)
        Path xlsx = Files.write(dir.resolve("really-an-xls.xlsx"), workbook());
        assertThat(read(xlsx).rows).hasSize(2);
    }
}
