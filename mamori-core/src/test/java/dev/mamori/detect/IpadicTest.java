package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.fst.IntsRefFSTEnum;
import org.junit.jupiter.api.Test;

/** Kuromoji's dictionary with its word index rebuilt ({@link Ipadic}): the same entries, the same tokens. */
class IpadicTest {

    @Test
    void theBuildWroteTheRebuiltIndexAndTheTokenizerUsesIt() throws IOException {
        assertThat(Ipadic.class.getResource(Ipadic.RESOURCE)).as("written by Maven's process-classes").isNotNull();
        assertThat(Ipadic.rebuiltFromThisKuromoji()).as("from the Kuromoji on the class path").isTrue();
        assertThat(Ipadic.DICTIONARY).isNotSameAs(TokenInfoDictionary.getInstance());
    }

    @Test
    void theRebuiltIndexHoldsEveryEntryWithItsOutput() throws IOException {
        IntsRefFSTEnum<Long> shipped = new IntsRefFSTEnum<>(Ipadic.kuromojiSurfaces());
        IntsRefFSTEnum<Long> rebuilt = new IntsRefFSTEnum<>(Ipadic.read(Ipadic.class.getResourceAsStream(Ipadic.RESOURCE)));
        int entries = 0;
        for (IntsRefFSTEnum.InputOutput<Long> a = shipped.next(); a != null; a = shipped.next()) {
            IntsRefFSTEnum.InputOutput<Long> b = rebuilt.next();
            assertThat(b).as("entry %d", entries).isNotNull();
            assertThat(b.input).as("entry %d", entries).isEqualTo(a.input);
            assertThat(b.output).as("entry %d", entries).isEqualTo(a.output);
            entries++;
        }
        assertThat(rebuilt.next()).isNull();
        assertThat(entries).isGreaterThan(300_000);
    }

    @Test
    void kuromojiGivesTheSameTokensWithEitherIndex() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "キャンペーン応募済み（受付3）", "２０２４年２月２４日に来店", "加藤　浩", "ＡＢＣ商事（株）：担当 ﾔﾏﾀﾞ",
                "「佐々木さん、〒100-0001 ですか？」", "〇〇様ｘ！＃＄％＆＊＋／＜＝＞＠［＼］＾＿｀｛｜｝～￥"));
        try (Stream<Path> files = Files.list(Path.of("..", "eval", "genres"))) {
            for (Path f : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        JapaneseTokenizer shipped = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        JapaneseTokenizer rebuilt = Ipadic.tokenizer();
        int compared = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                assertThat(tokens(rebuilt, line)).as(line).isEqualTo(tokens(shipped, line));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static String tokens(JapaneseTokenizer t, String text) throws IOException {
        OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
        PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
        StringBuilder out = new StringBuilder();
        t.setReader(new StringReader(text));
        t.reset();
        while (t.incrementToken()) {
            out.append(off.startOffset()).append('-').append(off.endOffset()).append(pos.getPartOfSpeech()).append(' ');
        }
        t.end();
        t.close();
        return out.toString();
    }
}
