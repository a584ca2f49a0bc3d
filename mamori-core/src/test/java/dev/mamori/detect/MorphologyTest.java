package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** Kuromoji's tokens are remembered per thread for short texts: the remembered ones must be those of a fresh analysis. */
class MorphologyTest {

    private static final String[] TEXTS = {
        "高橋さんは東京に住んでいます。", "髙橋さんは東京に住んでいます。", "𠮷田さんは東京に住んでいます。", "吉田さんは東京に住んでいます。",
        "山田太郎", "", "糖尿病のため食事制限あり、商品選定に配慮", "\uD800山田", "ﾔﾏﾀﾞ ﾀﾛｳ様",
    };

    /** Tokens of every text, computed on a new thread: nothing remembered from before. */
    private static <T> T onFreshThread(Supplier<T> work) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            return ex.submit(work::get).get();
        } finally {
            ex.shutdown();
        }
    }

    private static List<List<Morphology.Token>> all(String prefix) {
        List<List<Morphology.Token>> out = new ArrayList<>();
        for (String t : TEXTS) {
            String text = prefix + t;
            out.add(Morphology.tokens(text, prefix.length(), text.length()));
        }
        return out;
    }

    @Test
    void looksUpEveryEntryOfAWordNotOnlyTheOneTheTokenizerChose() {
        String sei = "名詞-固有名詞-人名-姓";
        String mei = "名詞-固有名詞-人名-名";
        assertThat(Morphology.hasEntry("梢", 0, 1, mei)).isTrue(); // a common noun in context, a given name too
        assertThat(Morphology.hasEntry("教頭 大友 佐和", 3, 5, sei)).isTrue(); // a place and a surname
        assertThat(Morphology.hasEntry("教頭 大友 佐和", 6, 8, mei)).isTrue();
        assertThat(Morphology.hasEntry("会社", 0, 2, sei)).isFalse();
        assertThat(Morphology.hasEntry("会社", 0, 2, mei)).isFalse();
        assertThat(Morphology.hasEntry("大友", 0, 1, sei)).isFalse(); // a prefix of a surname is not one
        assertThat(Morphology.hasEntry("髙橋", 0, 2, sei)).isTrue(); // variants in their common form
        assertThat(Morphology.hasEntry("𠮷田", 0, 3, sei)).isTrue(); // 𠮷 in its common form 吉
        assertThat(Morphology.hasEntry("𩸽", 0, 2, mei)).isFalse(); // outside the BMP with no common form: not looked up
        assertThat(Morphology.hasEntry("", 0, 0, sei)).isFalse();
        assertThat(Morphology.hasEntry("ながいながいながいなまえ", 0, 12, mei)).isFalse();
    }

    @Test
    void rememberedTokensAreThoseOfAFreshAnalysisAtEveryOffset() throws Exception {
        List<List<Morphology.Token>> fresh = onFreshThread(() -> all(""));
        List<List<Morphology.Token>> again = onFreshThread(() -> {
            all("");
            all("前置き、"); // the same texts at another offset of a longer string: same key, other offsets
            return all("");
        });
        assertThat(again).isEqualTo(fresh);
        assertThat(fresh.get(0)).isNotEmpty();
        // 𠮷 (two chars) is analysed as 吉: its token covers the surrogate pair, also when 吉田 was analysed first
        assertThat(fresh.get(2).get(0)).extracting(Morphology.Token::start, Morphology.Token::end).containsExactly(0, 3);
        List<List<Morphology.Token>> shifted = onFreshThread(() -> {
            all("");
            return all("前置き、");
        });
        for (int k = 0; k < TEXTS.length; k++) {
            List<Morphology.Token> expected = new ArrayList<>();
            for (Morphology.Token t : fresh.get(k)) {
                expected.add(new Morphology.Token(t.start() + 4, t.end() + 4, t.pos()));
            }
            assertThat(shifted.get(k)).as(TEXTS[k]).isEqualTo(expected);
        }
    }

    @Test
    void longTextsAndManyDistinctTextsGiveTheSameTokens() throws Exception {
        String longText = "山田太郎さんは横浜市に住んでいます。".repeat(Morphology.CACHED_LENGTH / 10);
        assertThat(longText.length()).isGreaterThan(Morphology.CACHED_LENGTH);
        List<Morphology.Token> expectedLong = onFreshThread(() -> Morphology.tokens(longText, 0, longText.length()));
        List<List<Morphology.Token>> first = onFreshThread(() -> all(""));
        List<List<Morphology.Token>> afterMany = onFreshThread(() -> {
            all("");
            for (int i = 0; i < Morphology.CACHED + 10; i++) {
                String t = "番号" + i + "の佐藤さん";
                Morphology.tokens(t, 0, t.length());
            }
            assertThat(Morphology.tokens(longText, 0, longText.length())).isEqualTo(expectedLong);
            assertThat(Morphology.tokens(longText, 0, longText.length())).isEqualTo(expectedLong);
            return all("");
        });
        assertThat(afterMany).isEqualTo(first);
    }

    /** Kuromoji's own analysis of {@code text} as written, by a tokenizer of its own: no digit rewritten, nothing remembered. */
    private static List<Morphology.Token> kuromoji(String text) throws Exception {
        List<Morphology.Token> out = new ArrayList<>();
        try (JapaneseTokenizer t = Ipadic.tokenizer()) {
            OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
            PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
            t.setReader(new StringReader(text));
            t.reset();
            while (t.incrementToken()) {
                String p = pos.getPartOfSpeech();
                out.add(new Morphology.Token(off.startOffset(), off.endOffset(), p == null ? "" : p));
            }
            t.end();
        }
        return out;
    }

    @Test
    void textsThatDifferInTheirDigitsAreAnalysedAsKuromojiAnalysesEach() throws Exception {
        assertThat(Morphology.digitsAsZero("2024年5月26日に来店（受付1921）")).isEqualTo("0000年0月00日に来店（受付0000）");
        assertThat(Morphology.digitsAsZero("北１条西３丁目")).isEqualTo("北１条西３丁目"); // full-width digits are IPADIC's words
        assertThat(Morphology.digitsAsZero("第1期線の工事")).isEqualTo("第1期線の工事"); // 第1期線 is one of IPADIC's words
        String[] templates = {"#年#月#日に来店、ポイントカード再発行（受付#）", "担当：池田。次回訪問は#月（受付#）", "電話は#-#-#、〒#-#まで",
            "#丁目#番地の#号、#F", "#人で#回、#.#kg", "No.#のA#B、v#.#.#", "第#期線の工事は#年に", "山田#号さん#才", "#歳の長男と#か月の次女"};
        Random random = new Random(50);
        for (String template : templates) {
            for (int k = 0; k < 20; k++) {
                StringBuilder text = new StringBuilder();
                for (char c : template.toCharArray()) {
                    if (c == '#') {
                        for (int n = 1 + random.nextInt(4); n > 0; n--) {
                            text.append((char) ('0' + random.nextInt(10)));
                        }
                    } else {
                        text.append(c);
                    }
                }
                String t = text.toString();
                assertThat(Morphology.tokens(t, 0, t.length())).as(t).isEqualTo(kuromoji(t));
            }
        }
    }
}
