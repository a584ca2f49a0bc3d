package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds words that reveal special care-required personal information (要配慮個人情報):
 * SENSITIVE_HEALTH, SENSITIVE_CRIME, SENSITIVE_CREED and SENSITIVE_OTHER, from the terms of
 * {@code sensitive-terms.tsv}, each with the provision of 個人情報保護法2条3項 or 施行令2条 it comes
 * from. All terms are matched in one pass with a {@link Trie}, longest first; negative terms
 * (システム障害) hide the terms inside them. Short kana terms (がん) are confirmed with Kuromoji,
 * ASCII terms (HIV) need word boundaries. Confidence is the term's strength plus context (患者,
 * 本人, 様 raise it; システム, 回線 lower it).
 */
final class SensitiveRecognizer implements Recognizer {

    private static final Set<PiiType> TYPES = Set.of(PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED,
            PiiType.SENSITIVE_OTHER);
    private static final int SHORT_KANA = 3;
    private static final int WINDOW = 12;

    /** One term: its type, strength, and how to confirm it. Negative terms have no type. */
    record Term(PiiType type, String provision, double strength, boolean negative, boolean kana, boolean ascii) {
    }

    private final Trie<Term> terms = new Trie<>();
    private final ContextWords context;
    private int size;

    SensitiveRecognizer() {
        this(ContextWords.get());
    }

    SensitiveRecognizer(ContextWords context) {
        this.context = context;
        for (DataFile.Row r : DataFile.read(SensitiveRecognizer.class, "sensitive-terms.tsv")) {
            PiiType type = PiiType.valueOf(r.field(0));
            if (!TYPES.contains(type)) {
                throw new IllegalStateException(r.file() + ":" + r.line() + ": not a SENSITIVE_* type: " + type);
            }
            String w = r.field(1);
            boolean neg = w.startsWith("!");
            String word = neg ? w.substring(1) : w;
            boolean kana = word.length() <= SHORT_KANA && word.chars().allMatch(c -> Morphology.isHiragana(c) || Morphology.isKatakana(c));
            boolean ascii = word.chars().allMatch(c -> c < 128);
            double strength = Double.parseDouble(r.fieldOr(4, "0.6"));
            terms.put(word, new Term(type, r.field(2), strength, neg, kana, ascii));
            size++;
        }
    }

    /** How many terms (positive and negative) the lexicon holds. */
    int lexiconSize() {
        return size;
    }

    @Override
    public Set<PiiType> types() {
        return TYPES;
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null) {
            return;
        }
        EnumSet<PiiType> wanted = EnumSet.noneOf(PiiType.class);
        for (PiiType t : TYPES) {
            if (ctx.wants(t)) {
                wanted.add(t);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try {
            scan(text, wanted, out);
        } catch (RuntimeException | StackOverflowError e) {
            // never throw: a recognizer that fails finds nothing more in this text
        }
    }

    private void scan(String text, Set<PiiType> wanted, List<Finding> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int len = terms.startsSomeWord(text.charAt(i)) ? terms.longest(text, i) : 0;
            if (len == 0) {
                i++;
                continue;
            }
            Term t = terms.get(text, i, len);
            int end = i + len;
            if (t.negative()) {
                i = end;
                continue;
            }
            if (!wanted.contains(t.type()) || (t.ascii() && !asciiBoundaries(text, i, end)) || (t.kana() && !isNoun(text, i, end))) {
                i++;
                continue;
            }
            double conf = t.strength() + 0.3 * context.score(t.type(), text, i, end);
            conf = Math.max(0.05, Math.min(0.99, conf));
            out.add(new Finding(t.type(), i, end, conf, false, text.substring(i, end)));
            i = end;
        }
    }

    private static boolean asciiBoundaries(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) >= 128)
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) >= 128);
    }

    /** True when Kuromoji ends a noun where the term ends: がん in 肺がん or がんが, not in がんばる. */
    private static boolean isNoun(String text, int s, int e) {
        int from = Math.max(0, s - WINDOW);
        int to = Math.min(text.length(), e + WINDOW);
        for (Morphology.Token tok : Morphology.tokens(text, from, to)) {
            if (tok.start() <= s && tok.end() == e) {
                return tok.is("名詞");
            }
            if (tok.start() >= e) {
                break;
            }
        }
        return false;
    }
}
