package dev.mamori.table;

import static dev.mamori.table.Recorder.lines;
import static dev.mamori.table.Recorder.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RTF as WordPad and Word write it (src/test/resources/…/rtf: wordpad.rtf is written in WordPad's shape, Shift_JIS
 * bytes as \'hh under a font of charset 128; rireki.rtf is LibreOffice's export of legacy/rireki.fodt, characters as
 * \\uN with their fallbacks), read as lines like a .doc: the same text, ruby by its base, tracked deletions, footnotes,
 * comments, headers and the author.
 */
class RtfTextTest {

    @TempDir
    Path dir;

    private Path fixture(String name, String as) throws IOException {
        try (InputStream in = RtfTextTest.class.getResourceAsStream("rtf/" + name)) {
            return Files.write(dir.resolve(as), in.readAllBytes());
        }
    }

    @Test
    void aWordPadFileIsReadInItsFontsCodePage() throws IOException {
        Path file = fixture("wordpad.rtf", "申込書.rtf");
        Recorder r = read(file);
        assertThat(lines(r)).containsExactly("申込書", "氏名：山田太郎　様", "電話\t090-1234-5678", "旧姓：髙橋",
                "緊急連絡先\t佐藤花子 03-3333-4444", // a table row, its cell's two paragraphs one value; the picture not read
                "Email: hanako@example.jp", "コメント 作成者：鈴木", "本人確認済み　携帯 080-2222-3333", "作成者：高橋健太");
        assertThat(r.problems).isEmpty();
        assertThat(new DocumentReader(null).probe(file).format()).isEqualTo(Format.RTF);
        List<String> found = new ArrayList<>();
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            s.scan(file, "申込書.rtf", (LocatedFinding f) -> found.add(f.finding().type() + " " + f.finding().value()));
        }
        assertThat(found).contains("PERSON 山田太郎", "PHONE 090-1234-5678", "PHONE 080-2222-3333", "PERSON 佐藤花子",
                "PHONE 03-3333-4444", "EMAIL hanako@example.jp", "PERSON 高橋健太");
    }

    @Test
    void aWordDocumentSavedAsRtfGivesWhatTheDocGives() throws IOException {
        List<String> rtf = lines(read(fixture("rireki.rtf", "rireki.rtf")));
        assertThat(rtf).containsExactly("履 歴 書", "ふりがな：山田太郎 様",
                "メール：taro.yamada@example.jp または t.yamada@example.com（携帯 090-1234-5678）", "変更履歴：新電話 03-1111-2222",
                "注記あり、巻末", "氏名\t山田 太郎", "生年月日\t昭和60年4月11日生\t性別\t男",
                "現住所\t〒150-0002 東京都渋谷区渋谷2-21-1 渋谷ハイツ305", "\t電話\t03-3456-7890",
                "家族\t妻 山田花子 090-5555-1234  長男 山田一郎 個人番号 712345678905  以上", "本人署名 山田太郎",
                "第2部 職務経歴 上司 佐々木恵 連絡先 sasaki.megumi@example.co.jp", "削除された文字：旧電話 03-9999-0000",
                "脚注：前住所 神奈川県横浜市西区みなとみらい2-2-1", "文末脚注：推薦者 大野智 090-3333-1111",
                "履歴書 応募者：山田太郎", "連絡先 taro.yamada@example.jp", "職務経歴書 第2部 担当：佐々木恵", "緊急連絡 080-7777-8888",
                "作成者：人事部 森田健二");
        // a .doc that is RTF (Word's "rich text" saved under .doc) is read by its content
        assertThat(lines(read(fixture("rireki.rtf", "rireki.doc")))).isEqualTo(rtf);
    }

    @Test
    void shiftJisWrittenWithItsSecondByteAsAsciiAndOtherWordShapes() throws IOException {
        // RTF 1.6's usual form for double-byte text: the lead byte escaped, the trail byte as it is (山田 = \'8eR\'93c,
        // 表 = \'95\\); Word's author in the document's code page under a Latin default font; a drawing text box
        // (\do … \dptxbxtext) as report generators write it; an upr group with its Unicode form
        String rtf = "{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}"
                + "{\\f1\\fnil\\fcharset128 MS Mincho;}}{\\info{\\author \\'8d\\'82\\'8b\\'b4 \\'8c\\'92\\'91\\'be}}"
                + "\\pard\\f1 \\'8e\\'81\\'96\\'bc\\'81F\\'8eR\\'93c\\'91\\'be\\'98Y \\'95\\\\\\par "
                + "{\\*\\do\\dobxcolumn{\\dptxbx{\\dptxbxtext\\pard\\f1 \\'90\\'bf\\'8b\\'81\\'8f\\'91 090-1234-5678\\par}}}"
                + "{\\upr{\\f1 \\'81\\'48}{\\*\\ud{\\u21513?}}}\\par}";
        Path file = Files.write(dir.resolve("word.rtf"), rtf.getBytes(StandardCharsets.US_ASCII));
        assertThat(lines(read(file))).containsExactly("氏名：山田太郎 表", "請求書 090-1234-5678", "吉", "作成者：高橋 健太");
    }

    @Test
    void aFileNamedRtfIsReadAsWhatItIs() throws IOException {
        Path text = Files.writeString(dir.resolve("memo.rtf"), "\n氏名：山田太郎\n");
        assertThat(DocumentReader.sniff(text).format()).isEqualTo(Format.TEXT);
        assertThat(lines(read(text))).contains("氏名：山田太郎");
        Path lead = Files.writeString(dir.resolve("lead.doc"), "\r\n{\\rtf1\\ansi\\ansicpg932 \\'8eR\\'93c}");
        assertThat(lines(read(lead))).containsExactly("山田");
    }

    @Test
    void brokenRtfGivesWhatItHasAndNeverThrows() throws IOException {
        byte[] good = Files.readAllBytes(fixture("wordpad.rtf", "w.rtf"));
        Random rnd = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = java.util.Arrays.copyOf(good, rnd.nextInt(good.length));
            for (int k = rnd.nextInt(8); k > 0 && b.length > 0; k--) {
                b[rnd.nextInt(b.length)] = (byte) "{}\\'u0-9 \u0080".charAt(rnd.nextInt(10));
            }
            Path f = Files.write(dir.resolve("m" + i + ".rtf"), b);
            read(f); // lines or nothing, never an exception
        }
        Path deep = Files.writeString(dir.resolve("deep.rtf"), "{\\rtf1 " + "{".repeat(100_000) + "山田" + "}".repeat(100_000) + " 佐藤}",
                StandardCharsets.UTF_8);
        assertThat(lines(read(deep))).isNotEmpty();
    }
}
