package dev.mamori.detect;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Kuromoji (IPADIC) morphological analysis shared by the language recognizers. One
 * {@link JapaneseTokenizer} per thread, reused with setReader/reset/end/close: building one loads
 * the dictionary's connection costs and is far slower than tokenizing a sentence.
 *
 * <p>CP932 and 人名用 variant kanji the dictionary lacks (髙, 﨑, 𠮷, …) are mapped to their common
 * form before analysis; token offsets are mapped back to the caller's text.
 */
final class Morphology {

    /** One token: offsets into the caller's text and the IPADIC part of speech (名詞-固有名詞-人名-姓). */
    record Token(int start, int end, String pos) {
        boolean is(String prefix) {
            return pos != null && pos.startsWith(prefix);
        }
    }

    /** Longest piece of text handed to the tokenizer at once; bounds memory on huge inputs. */
    static final int CHUNK = 4096;

    private static final String VARIANTS = "髙高﨑崎德徳濵浜邊辺邉辺齋斎齊斉櫻桜瀨瀬冨富曻昇國国澤沢廣広眞真惠恵實実壽寿榮栄藏蔵濱浜豐豊禮礼";
    /** CJK compatibility ideographs (U+F900..U+FAFF) to their canonical (NFC) form. */
    private static final char[] COMPAT = new char[0x200];

    static {
        for (int i = 0; i < COMPAT.length; i++) {
            String n = java.text.Normalizer.normalize(String.valueOf((char) (0xF900 + i)), java.text.Normalizer.Form.NFC);
            COMPAT[i] = n.length() == 1 ? n.charAt(0) : (char) (0xF900 + i);
        }
    }
    private static final int YOSHI = 0x20BB7; // 𠮷 (つちよし)

    /** How many distinct short texts each thread remembers the tokens of, and how long a text may be. */
    static final int CACHED = 1024;
    static final int CACHED_LENGTH = 256;

    private static final ThreadLocal<Map<String, Analysis>> CACHE = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(CACHED * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Analysis> eldest) {
                    return size() > CACHED;
                }
            });

    private static final ThreadLocal<JapaneseTokenizer> TOKENIZER = ThreadLocal.withInitial(Ipadic::tokenizer);

    private Morphology() {
    }

    /**
     * Loads Kuromoji's dictionaries (about 0.3 s in a fresh JVM), so that a command can do it on an idle core while it
     * reads its arguments and inputs, instead of on the first worker that meets Japanese text.
     */
    static void prepare() {
        TOKENIZER.get();
    }

    /** True for kanji (including compatibility and supplementary ideographs), 々 and katakana. */
    static boolean isKanji(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == '々' || cp == '〆' || cp == 'ヶ';
    }

    static boolean isKatakana(int cp) {
        return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 'ー' || (cp >= 0xFF66 && cp <= 0xFF9F);
    }

    static boolean isHiragana(int cp) {
        return cp >= 0x3041 && cp <= 0x3096;
    }

    /** Both hiragana, both katakana (ー among them) or both kanji. */
    static boolean sameScript(char x, char y) {
        return isHiragana(x) && isHiragana(y) || isKatakana(x) && isKatakana(y) || isKanji(x) && isKanji(y);
    }

    /** True when the region holds a kanji or katakana: text without any cannot hold a name. */
    static boolean hasKanjiOrKatakana(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x3400 && (isKanji(c) || isKatakana(c) || Character.isHighSurrogate(c))) {
                return true;
            }
        }
        return false;
    }

    /** The common form of a variant kanji, or the code point itself. */
    static int commonForm(int cp) {
        if (cp == YOSHI) {
            return '吉';
        }
        if (cp < 0x4E00) {
            return cp;
        }
        if (cp >= 0xF900 && cp <= 0xFAFF && COMPAT[cp - 0xF900] != cp) {
            return COMPAT[cp - 0xF900];
        }
        for (int i = 0; i < VARIANTS.length(); i += 2) {
            if (VARIANTS.charAt(i) == cp) {
                return VARIANTS.charAt(i + 1);
            }
        }
        return cp;
    }

    /**
     * True when IPADIC has the word {@code text[from, to)} (variant kanji in their common form) as an entry of the
     * part of speech {@code pos}, whichever entry the tokenizer chose in context: 梢 is a common noun and a given name,
     * 大友 a place and a surname; for a surname or a given name, also when UniDic has it ({@link UnidicNames}: 小鳥遊).
     * A look-up in Kuromoji's own dictionary (its FST of surfaces, then the entries of the surface), as its tokenizer
     * does it; false for a word longer than 8 characters, not in the dictionary, or with a character outside the BMP
     * that has no common form inside it.
     */
    static boolean hasEntry(String text, int from, int to, String pos) {
        if (ipadicEntry(text, from, to, pos)) {
            return true;
        }
        return pos.equals(SURNAME) ? UnidicNames.surname(text, from, to) : pos.equals(GIVEN_NAME) && UnidicNames.given(text, from, to);
    }

    private static final String SURNAME = "名詞-固有名詞-人名-姓";
    private static final String GIVEN_NAME = "名詞-固有名詞-人名-名";

    /** {@link #hasEntry} in IPADIC alone. */
    static boolean ipadicEntry(String text, int from, int to, String pos) {
        if (to - from < 1 || to - from > 8) {
            return false;
        }
        try {
            org.apache.lucene.analysis.ja.dict.TokenInfoDictionary dictionary = Ipadic.DICTIONARY;
            org.apache.lucene.analysis.ja.dict.TokenInfoFST fst = dictionary.getFST();
            org.apache.lucene.util.fst.FST.BytesReader r = fst.getBytesReader();
            org.apache.lucene.util.fst.FST.Arc<Long> arc = fst.getFirstArc(new org.apache.lucene.util.fst.FST.Arc<>());
            long output = 0;
            for (int i = from; i < to; ) {
                int raw = text.codePointAt(i);
                int cp = commonForm(raw); // 𠮷 → 吉
                if (cp > 0xFFFF || Character.isSurrogate((char) cp)) {
                    return false; // the dictionary's surfaces are BMP characters
                }
                arc = fst.findTargetArc(cp, arc, arc, i == from, r);
                if (arc == null) {
                    return false;
                }
                output += arc.output();
                i += Character.charCount(raw);
            }
            if (!arc.isFinal()) {
                return false;
            }
            org.apache.lucene.util.IntsRef ids = new org.apache.lucene.util.IntsRef();
            dictionary.lookupWordIds((int) (output + arc.nextFinalOutput()), ids);
            for (int i = 0; i < ids.length; i++) {
                String p = dictionary.getPartOfSpeech(ids.ints[ids.offset + i]);
                if (p != null && p.startsWith(pos)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false; // an in-memory dictionary does not fail to read; a recognizer never throws
        }
    }

    /**
     * Tokens of {@code text[from, to)}, offsets into {@code text}, punctuation and spaces kept (tagged
     * 記号). Returns an empty list when analysis fails.
     */
    static List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        StringBuilder norm = new StringBuilder(to - from);
        int[] map = new int[to - from + 1];
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (i + n > to) {
                n = 1;
                cp = text.charAt(i);
            }
            int c = n == 1 && Character.isSurrogate(text.charAt(i)) ? '\uFFFD' : commonForm(cp); // lone surrogate
            map[norm.length()] = i;
            norm.appendCodePoint(c);
            if (Character.charCount(c) == 2) {
                map[norm.length() - 1] = i;
            }
            i += n;
        }
        map[norm.length()] = to;
        String key = norm.toString();
        Analysis a = analyse(key);
        if (a == null) {
            return out;
        }
        for (int k = 0; k < a.pos.length; k++) {
            out.add(new Token(map[a.starts[k]], map[a.ends[k]], a.pos[k]));
        }
        return out;
    }

    /**
     * Kuromoji's tokens of an already normalised text: offsets into it and parts of speech. Short texts are
     * remembered per thread (the last {@link #CACHED} distinct ones): a column of remarks or a form repeats
     * the same few values, and tokenizing is deterministic. Null when analysis fails (not remembered).
     */
    private static Analysis analyse(String text) {
        String norm = digitsAsZero(text);
        Map<String, Analysis> cache = norm.length() <= CACHED_LENGTH ? CACHE.get() : null;
        Analysis a = cache == null ? null : cache.get(norm);
        if (a != null) {
            return a;
        }
        a = tokenize(norm);
        if (a != null && cache != null) {
            cache.put(norm, a);
        }
        return a;
    }

    /**
     * The text with each ASCII digit 1–9 written 0: the tokens do not change, since IPADIC has no word with an ASCII digit
     * but 第1期線 and 第2期線 (a text with 期線 is left as it is) and its unknown words take a run of digits whatever they
     * are. So a column of remarks that differ only in their dates and numbers (2024年5月26日に来店, 受付1921) is analysed
     * once. Full-width digits are kept: IPADIC has 北１条, 南１０線 and 300 more.
     */
    static String digitsAsZero(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) < '1' || text.charAt(i) > '9')) {
            i++;
        }
        if (i == text.length() || text.contains("期線")) {
            return text;
        }
        char[] cs = text.toCharArray();
        for (; i < cs.length; i++) {
            if (cs[i] >= '1' && cs[i] <= '9') {
                cs[i] = '0';
            }
        }
        return new String(cs);
    }

    private static Analysis tokenize(String norm) {
        JapaneseTokenizer t = TOKENIZER.get();
        OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
        PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
        int n = norm.length();
        int[] starts = new int[16];
        int[] ends = new int[16];
        String[] parts = new String[16];
        int count = 0;
        try {
            t.setReader(new StringReader(norm));
            t.reset();
            while (t.incrementToken()) {
                if (count == parts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                    parts = Arrays.copyOf(parts, count * 2);
                }
                starts[count] = Math.min(off.startOffset(), n);
                ends[count] = Math.min(off.endOffset(), n);
                String p = pos.getPartOfSpeech();
                parts[count] = p == null ? "" : p;
                count++;
            }
            t.end();
        } catch (IOException | RuntimeException e) {
            TOKENIZER.remove(); // its state is unknown: start afresh next time
            return null;
        } finally {
            try {
                t.close();
            } catch (IOException | RuntimeException ignored) {
                TOKENIZER.remove();
            }
        }
        return new Analysis(Arrays.copyOf(starts, count), Arrays.copyOf(ends, count), Arrays.copyOf(parts, count));
    }

    /** Tokens of one normalised text, offsets into it; never changed once made. */
    private record Analysis(int[] starts, int[] ends, String[] pos) {
    }

    /**
     * Where to end a chunk starting at {@code from}: at a line end or sentence end near
     * {@link #CHUNK} characters, never inside a surrogate pair.
     */
    static int chunkEnd(String text, int from) {
        int limit = Math.min(text.length(), from + CHUNK);
        if (limit == text.length()) {
            return limit;
        }
        for (int i = limit - 1; i > from + CHUNK / 2; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '。' || c == '\r') {
                return i + 1;
            }
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }
}
