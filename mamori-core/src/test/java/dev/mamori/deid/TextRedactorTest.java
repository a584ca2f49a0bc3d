package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.MaskScope;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Message;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRedactorTest {

    private static final Detector ALL = Detector.all();

    private static String redact(String text, TextRedactor.Style style, MaskScope scope) throws IOException {
        StringWriter out = new StringWriter();
        new TextRedactor(ALL, style, scope).redact(utf8(text), StandardCharsets.UTF_8, out);
        return out.toString();
    }

    private static ByteArrayInputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hidesEachFindingAndKeepsEverythingElseLineEndsIncluded() throws IOException {
        String in = "相談者：山田太郎（45歳）\r\n電話 090-1234-5678\r\n\r\n担当 鈴木花子";
        StringWriter out = new StringWriter();
        TextRedactor.Summary s = new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.SPAN).redact(utf8(in), StandardCharsets.UTF_8, out);
        assertThat(out.toString()).isEqualTo("相談者：〈氏名〉（45歳）\r\n電話 〈電話番号〉\r\n\r\n担当 〈氏名〉");
        assertThat(s.findings()).containsEntry(PiiType.PERSON, 2L).containsEntry(PiiType.PHONE, 1L);
        assertThat(s.total()).isEqualTo(3);
        assertThat(s.lines()).isEqualTo(4);
        assertThat(s.hiddenChars()).isEqualTo(4 + 13 + 4);
        // a lone \r and a final \n stay too; a text without findings is copied as it is
        assertThat(redact("山田太郎様\rこんにちは\n", TextRedactor.Style.LABEL, MaskScope.SPAN)).isEqualTo("〈氏名〉様\rこんにちは\n");
        assertThat(redact("本日は晴れ。\n特記事項なし。\n", TextRedactor.Style.LABEL, MaskScope.SPAN)).isEqualTo("本日は晴れ。\n特記事項なし。\n");
        assertThat(redact("", TextRedactor.Style.LABEL, MaskScope.SPAN)).isEmpty();
    }

    @Test
    void blackoutKeepsTheLayout() throws IOException {
        String out = redact("氏名　山田太郎　電話 090-1234-5678\n", TextRedactor.Style.BLACKOUT, MaskScope.SPAN);
        assertThat(out).isEqualTo("氏名　■■■■　電話 *************\n");
        assertThat(out).hasSameSizeAs("氏名　山田太郎　電話 090-1234-5678\n");
    }

    @Test
    void aSensitiveFactHidesItsClauseOrSentenceWhenAsked() throws IOException {
        String in = "平成30年にうつ病と診断され、週2回デイケアに通所している。仕事は休職中。\n";
        String span = redact(in, TextRedactor.Style.BLACKOUT, MaskScope.SPAN);
        String clause = redact(in, TextRedactor.Style.BLACKOUT, MaskScope.CLAUSE);
        String sentence = redact(in, TextRedactor.Style.BLACKOUT, MaskScope.SENTENCE);
        assertThat(span).doesNotContain("うつ病").contains("週2回デイケア");
        assertThat(clause).startsWith("■■**■■■■■■■■■■、").endsWith("週2回デイケアに通所している。仕事は休職中。\n");
        assertThat(sentence).doesNotContain("デイケア").endsWith("。仕事は休職中。\n");
        assertThat(redact(in, TextRedactor.Style.LABEL, MaskScope.SENTENCE))
                .isEqualTo("〈" + PiiType.SENSITIVE_HEALTH.japanese() + "〉。仕事は休職中。\n");
    }

    @Test
    void rangesThatOverlapAreHiddenAsOneUnderTheFactsPlaceholder() {
        TextRedactor r = new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.CLAUSE);
        String text = "昨年、田中一郎は糖尿病で入院した。";
        List<Finding> f = List.of(new Finding(PiiType.PERSON, 3, 7, 0.9, false, "田中一郎"),
                new Finding(PiiType.SENSITIVE_HEALTH, 8, 11, 0.9, false, "糖尿病"));
        // the clause of 糖尿病 starts before the name: one range, the condition's placeholder
        assertThat(r.redact(text, f)).isEqualTo("昨年、〈" + PiiType.SENSITIVE_HEALTH.japanese() + "〉。");
        TextRedactor span = new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.SPAN);
        assertThat(span.redact(text, f)).isEqualTo("昨年、〈氏名〉は〈" + PiiType.SENSITIVE_HEALTH.japanese() + "〉で入院した。");
    }

    @Test
    void longTextsAreReadInWindowsAndKeepContextWithinThem() throws IOException {
        StringBuilder in = new StringBuilder();
        StringBuilder want = new StringBuilder();
        for (int i = 0; i < 3000; i++) { // ~120 K chars: two windows or more
            in.append("第").append(i).append("回の記録。担当者は山田太郎さんです。\n");
            want.append("第").append(i).append("回の記録。担当者は〈氏名〉さんです。\n");
            if (i % 40 == 0) {
                in.append('\n');
                want.append('\n');
            }
        }
        assertThat(redact(in.toString(), TextRedactor.Style.LABEL, MaskScope.SPAN)).isEqualTo(want.toString());
    }

    @Test
    void undecodableInputNamesTheLineAndALineTooLongIsRefused() {
        byte[] bad = "一行目\n二行目\n".getBytes(Charset.forName("windows-31j"));
        byte[] broken = java.util.Arrays.copyOf(bad, bad.length + 2);
        broken[bad.length] = (byte) 0x81; // a lead byte with no trail byte
        broken[bad.length + 1] = (byte) 0x0A;
        assertThatThrownBy(() -> new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.SPAN)
                .redact(new ByteArrayInputStream(broken), Charset.forName("windows-31j"), new StringWriter()))
                .isInstanceOf(Message.Problem.class).hasMessageContaining("line 3");
        String huge = "a".repeat(TextRedactor.MAX_LINE + 1);
        assertThatThrownBy(() -> redact(huge, TextRedactor.Style.LABEL, MaskScope.SPAN))
                .isInstanceOf(Message.Problem.class).hasMessageContaining("line 1");
    }

    @Test
    void crlfTextsAreWrittenWindowByWindowNotHeldWhole() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10000; i++) { // ~300 Ki chars: four windows or more
            b.append("第").append(i).append("回の記録。担当者は山田太郎さんです。\r\n");
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        int[] writtenAtHalf = {-1};
        java.io.InputStream watched = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            private int read;

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, Math.min(len, 4096));
                read += Math.max(n, 0);
                if (writtenAtHalf[0] < 0 && read > bytes.length / 2) {
                    writtenAtHalf[0] = out.getBuffer().length();
                }
                return n;
            }
        };
        new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.SPAN).redact(watched, StandardCharsets.UTF_8, out);
        assertThat(writtenAtHalf[0]).as("written before the input's second half was read").isPositive();
        assertThat(out.toString()).isEqualTo(b.toString().replace("山田太郎", "〈氏名〉"));
    }

    @Test
    void aFactOverAWindowsCutIsHiddenWholeAndAFactOverALineBreakCountedOnce() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 66; i++) {
            b.append("x".repeat(990)).append('\n'); // no blank line to cut at
        }
        b.append("被告人は覚醒剤取締法違反の\n疑いで逮捕された。\n");
        String out = redact(b.toString(), TextRedactor.Style.LABEL, MaskScope.SPAN);
        assertThat(out).doesNotContain("覚醒剤").doesNotContain("逮捕");
        StringWriter w = new StringWriter();
        TextRedactor.Summary s = new TextRedactor(ALL, TextRedactor.Style.LABEL, MaskScope.SPAN)
                .redact(utf8("被告人は覚醒剤取締法違反の\n疑いで逮捕された。\n"), StandardCharsets.UTF_8, w);
        assertThat(s.findings()).containsEntry(PiiType.SENSITIVE_CRIME, 1L);
    }

    @Test
    void blackoutKeepsTheBytesOfALegacyEncoding() throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        String in = "リスペリドン錠1μgを1日2回服用している。";
        StringWriter out = new StringWriter();
        new TextRedactor(ALL, TextRedactor.Style.BLACKOUT, MaskScope.SPAN, cp932)
                .redact(new ByteArrayInputStream(in.getBytes(cp932)), cp932, out);
        assertThat(out.toString()).isNotEqualTo(in).contains("■");
        assertThat(out.toString().getBytes(cp932)).hasSameSizeAs(in.getBytes(cp932)); // μ is two bytes: ■, not *
    }
}
