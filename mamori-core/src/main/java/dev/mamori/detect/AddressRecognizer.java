package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.List;
import java.util.Set;

/**
 * Finds postal addresses (ADDRESS): a 都道府県 or a known 市区町村 from {@code municipalities.tsv},
 * matched with a {@link Trie} in one pass, followed by the rest of the address
 * ({@link AddressGrammar}). A bare prefecture (東京 in 東京オリンピック, 大阪府 alone) or a bare city is
 * reported with low confidence (below 0.4), so the engine drops it unless context (住所, 〒) lifts it.
 * In a column whose header suggests an address, a cell that starts with a prefecture or
 * municipality, or holds 丁目/番地/番/号 or block numbers, is accepted whole.
 */
final class AddressRecognizer implements Recognizer {

    private static final Byte PREFECTURE = 1;
    private static final Byte MUNICIPALITY = 2;
    private static final int MAX_CELL = 200;

    private final Trie<Byte> lexicon = new Trie<>();
    private final ContextWords context;
    private final int municipalities;

    AddressRecognizer() {
        this(ContextWords.get());
    }

    AddressRecognizer(ContextWords context) {
        this.context = context;
        int n = 0;
        for (DataFile.Row r : DataFile.read(AddressRecognizer.class, "municipalities.tsv")) {
            String pref = r.field(0);
            String muni = r.field(1);
            lexicon.put(pref, PREFECTURE);
            lexicon.put(muni, MUNICIPALITY);
            int gun = muni.indexOf('郡');
            if (gun > 0 && gun + 1 < muni.length()) {
                lexicon.put(muni.substring(gun + 1), MUNICIPALITY); // 当別町 as well as 石狩郡当別町
                lexicon.put(muni.substring(0, gun + 1), MUNICIPALITY); // 石狩郡, then the town as 町名
            }
            n++;
        }
        municipalities = n;
    }

    /** How many municipalities the lexicon holds (for tests and reports). */
    int lexiconSize() {
        return municipalities;
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.ADDRESS);
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null || !ctx.wants(PiiType.ADDRESS)) {
            return;
        }
        try {
            if (ctx.hinted(PiiType.ADDRESS) && acceptCell(text, out)) {
                return;
            }
            scan(text, out);
        } catch (RuntimeException | StackOverflowError e) {
            // never throw: a recognizer that fails finds nothing more in this text
        }
    }

    private boolean acceptCell(String text, List<Finding> out) {
        int s = 0;
        int e = text.length();
        while (s < e && (Character.isWhitespace(text.charAt(s)) || text.charAt(s) == '\u3000' || text.charAt(s) == '"')) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == '\u3000' || text.charAt(e - 1) == '"')) {
            e--;
        }
        if (e - s < 3 || e - s > MAX_CELL) {
            return false;
        }
        if (text.charAt(s) == '〒') { // 〒100-0001 東京都…: the postal code is not part of the address
            int p = s + 1;
            while (p < e && (AddressGrammar.isDigit(text.charAt(p)) || "-－‐−ー ".indexOf(text.charAt(p)) >= 0 || text.charAt(p) == '\u3000')) {
                p++;
            }
            s = p;
        }
        boolean starts = s < e && lexicon.startsSomeWord(text.charAt(s)) && lexicon.longest(text, s, e) > 0;
        if (!starts && !hasBlockNumbers(text, s, e)) {
            return false;
        }
        out.add(new Finding(PiiType.ADDRESS, s, e, 0.9, false, text.substring(s, e)));
        return true;
    }

    /** 丁目, 番地, digit + 番/号, or digits-digits: the shape of the end of an address. */
    private static boolean hasBlockNumbers(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if ((c == '丁' && i + 1 < e && t.charAt(i + 1) == '目') || (c == '番' && i + 1 < e && t.charAt(i + 1) == '地')) {
                return true;
            }
            if (i > s && (c == '番' || c == '号') && (AddressGrammar.isDigit(t.charAt(i - 1)) || "一二三四五六七八九十".indexOf(t.charAt(i - 1)) >= 0)) {
                return true;
            }
            if (i > s && i + 1 < e && "-－‐−".indexOf(c) >= 0 && AddressGrammar.isDigit(t.charAt(i - 1)) && AddressGrammar.isDigit(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private void scan(String text, List<Finding> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int len = lexicon.startsSomeWord(c) ? lexicon.longest(text, i) : 0;
            if (len == 0) {
                i++;
                continue;
            }
            Byte kind = lexicon.get(text, i, len);
            boolean pref = kind == PREFECTURE;
            if (!pref && i > 0 && (Morphology.isKanji(text.charAt(i - 1)) || Morphology.isKatakana(text.charAt(i - 1)))) {
                i++; // inside a longer word: 大阪市 in 東大阪市 is found from 東
                continue;
            }
            int start = i;
            int p = i + len;
            boolean muni = !pref;
            if (pref) {
                int m = p < n && lexicon.startsSomeWord(text.charAt(p)) ? lexicon.longest(text, p) : 0;
                if (m > 0 && lexicon.get(text, p, m) == MUNICIPALITY) {
                    p += m;
                    muni = true;
                } else {
                    int g = genericMunicipality(text, p);
                    muni = g > p;
                    p = Math.max(p, g);
                }
            }
            if (muni) { // 石狩郡 then 当別町, 大阪市 then 北区
                int m = p < n && lexicon.startsSomeWord(text.charAt(p)) ? lexicon.longest(text, p) : 0;
                if (m > 0 && lexicon.get(text, p, m) == MUNICIPALITY) {
                    p += m;
                }
            }
            AddressGrammar.Rest rest = AddressGrammar.parse(text, p);
            int end = Math.max(p, rest.end());
            double conf = confidence(pref, muni, rest.numbers());
            conf += 0.3 * context.score(PiiType.ADDRESS, text, start, end);
            conf = Math.max(0.05, Math.min(0.99, conf));
            out.add(new Finding(PiiType.ADDRESS, start, end, conf, false, text.substring(start, end)));
            i = end;
        }
    }

    private static double confidence(boolean pref, boolean muni, boolean numbers) {
        if (numbers) {
            return pref && muni ? 0.95 : muni ? 0.9 : 0.7;
        }
        return pref && muni ? 0.6 : muni ? 0.3 : 0.2;
    }

    /** A municipality the lexicon lacks, after a prefecture: up to six name characters then 市区町村, or …郡…町/村. */
    private static int genericMunicipality(String t, int p) {
        int limit = Math.min(t.length(), p + 14);
        boolean gun = false;
        for (int i = p; i < limit; i++) {
            char c = t.charAt(i);
            if (!(Morphology.isKanji(c) || Morphology.isKatakana(c))) {
                return p;
            }
            if (i > p && c == '郡') {
                gun = true;
            } else if (i > p && (c == '市' || c == '区' || c == '町' || c == '村') && (!gun || c != '市' && c != '区')) {
                return i + 1;
            }
            if (!gun && i - p >= 6) {
                return p;
            }
        }
        return p;
    }
}
