package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds people's names (PERSON). In free text, Kuromoji's IPADIC tags 名詞-固有名詞-人名-姓/名/一般;
 * an adjacent 姓 and 名 (optionally split by one space) make one span. Honorifics (様, さん, 氏 …)
 * and context words (担当, 氏名 …) raise the confidence; a lone surname without them stays below
 * 0.4. A surname that is part of an organisation or place (佐藤製薬, ㈱田中, 田中町) is skipped, using
 * the suffixes and prefixes of {@code org-suffixes.tsv}. In a column whose header suggests a name,
 * a cell shaped like a name is accepted without Kuromoji ({@link NameCell}).
 */
final class NameRecognizer implements Recognizer {

    private static final String SEI = "名詞-固有名詞-人名-姓";
    private static final String MEI = "名詞-固有名詞-人名-名";
    private static final String JINMEI = "名詞-固有名詞-人名-一般";
    private static final String[] HONORIFICS = {"様", "さま", "さん", "氏", "君", "くん", "殿", "先生", "先輩", "ちゃん",
        "社長", "部長", "課長", "係長", "主任", "教授", "医師", "弁護士", "議員", "会長", "市長", "町長", "村長", "区長", "知事", "首相",
        "総理", "大臣", "監督", "選手", "容疑者", "被告", "教諭", "院長", "所長", "店長", "理事長", "副社長", "専務", "常務"};

    private final String[] suffixes;
    private final String[] prefixes;
    private final ContextWords context;

    NameRecognizer() {
        this(ContextWords.get());
    }

    NameRecognizer(ContextWords context) {
        this.context = context;
        List<String> suf = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        for (DataFile.Row r : DataFile.read(NameRecognizer.class, "org-suffixes.tsv")) {
            (r.field(0).equals("PREFIX") ? pre : suf).add(r.field(1));
        }
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        suf.sort(longestFirst);
        pre.sort(longestFirst);
        suffixes = suf.toArray(new String[0]);
        prefixes = pre.toArray(new String[0]);
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.PERSON);
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null || !ctx.wants(PiiType.PERSON)) {
            return;
        }
        try {
            if (ctx.hinted(PiiType.PERSON)) {
                NameCell.Verdict v = NameCell.classify(text, this);
                if (v == NameCell.Verdict.NAME) {
                    out.add(NameCell.finding(text));
                    return;
                }
                if (v == NameCell.Verdict.NOT_A_NAME) {
                    return;
                }
            }
            if (!ctx.columnHints().isEmpty() && !ctx.hinted(PiiType.PERSON) && !hasPersonMarker(text)) {
                return; // a structured column of another type (住所, 電話): no name unless 様/殿/方 says so
            }
            NameLabels.find(text, this, out);
            for (int from = 0; from < text.length(); ) {
                int to = Morphology.chunkEnd(text, from);
                if (to <= from) {
                    break;
                }
                if (Morphology.hasKanjiOrKatakana(text, from, to)) {
                    scan(text, Morphology.tokens(text, from, to), to, out);
                }
                from = to;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // never throw: a recognizer that fails finds nothing more in this text
        }
    }

    private void scan(String text, List<Morphology.Token> ts, int chunkEnd, List<Finding> out) {
        int n = ts.size();
        for (int i = 0; i < n; i++) {
            Morphology.Token t = ts.get(i);
            boolean sei = t.is(SEI);
            if (!sei && !t.is(MEI) && !t.is(JINMEI)) {
                continue;
            }
            if (isOrgWord(text, t)) {
                continue;
            }
            int last = i;
            double base = sei ? 0.3 : t.is(JINMEI) ? 0.5 : 0.25;
            if (sei) {
                int j = i + 1;
                if (j < n && isShortSpace(text, ts.get(j))) {
                    j++; // the tokenizer discards punctuation, but keep this in case spaces come back
                }
                int gap = j < n ? ts.get(j).start() - t.end() : -1;
                boolean adjacent = gap == 0 || (gap == 1 && isSpace(text.charAt(t.end())));
                if (j < n && adjacent && ts.get(j).is(MEI) && !isOrgWord(text, ts.get(j))) {
                    last = j;
                    base = 0.65;
                } else if (j < n && gap == 1 && looksLikeGivenName(text, ts.get(j)) && !isOrgWord(text, ts.get(j))) {
                    last = j; // 橋本 千尋: the dictionary does not know every given name, the space says it is one
                    base = 0.55;
                }
            }
            int start = t.start();
            int end = ts.get(last).end();
            if (isOrganisation(text, ts, last, start, end, chunkEnd)) {
                i = last;
                continue;
            }
            double conf = base;
            if (honorificAfter(text, ts, last)) {
                conf += 0.35;
            }
            conf += 0.5 * context.score(PiiType.PERSON, text, start, end);
            conf = Math.max(0.05, Math.min(0.99, conf));
            out.add(new Finding(PiiType.PERSON, start, end, conf, false, text.substring(start, end)));
            i = last;
        }
    }

    /** One to three kanji, or two to four hiragana, tagged as a noun: the shape of a given name after a surname and a space. */
    private static boolean looksLikeGivenName(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        if (!t.is("名詞") || len < 1 || len > 4) {
            return false;
        }
        boolean kanji = true;
        boolean hira = true;
        for (int i = t.start(); i < t.end(); i++) {
            Character.UnicodeBlock b = Character.UnicodeBlock.of(text.charAt(i));
            kanji &= b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS && len <= 3;
            hira &= b == Character.UnicodeBlock.HIRAGANA && len >= 2;
        }
        return kanji || hira;
    }

    /** True when the text holds an honorific or 方 (山田様方): worth analysing even in a column of another type. */
    private static boolean hasPersonMarker(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '様' || c == '殿' || c == '氏' || c == '方' || c == '君' || (c == 'さ' && text.startsWith("さん", i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShortSpace(String text, Morphology.Token t) {
        return t.end() - t.start() == 1 && isSpace(text.charAt(t.start()));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000';
    }

    /** True when the token's text is itself an organisation word (大学 is tagged 人名-名 by IPADIC). */
    private boolean isOrgWord(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        for (String s : suffixes) {
            if (s.length() == len && text.startsWith(s, t.start())) {
                return true;
            }
        }
        return false;
    }

    private boolean isOrganisation(String text, List<Morphology.Token> ts, int last, int start, int end, int chunkEnd) {
        if (last + 1 < ts.size() && ts.get(last + 1).start() == end) {
            Morphology.Token next = ts.get(last + 1);
            if (next.is("名詞-固有名詞-組織") || next.is("名詞-接尾-地域") || next.is("名詞-固有名詞-地域")) {
                return true;
            }
        }
        if (endsWithOrgSuffix(text, ts, end, chunkEnd)) {
            return true;
        }
        int p = start;
        while (p > 0 && p > start - 2 && (text.charAt(p - 1) == ' ' || text.charAt(p - 1) == '\u3000')) {
            p--;
        }
        return hasOrgPrefixBefore(text, p);
    }

    boolean endsWithOrgSuffix(String text, List<Morphology.Token> ts, int end, int chunkEnd) {
        for (String s : suffixes) {
            if (text.startsWith(s, end) && (s.length() >= 2 || endsAtToken(ts, end + s.length(), chunkEnd))) {
                return true;
            }
        }
        return false;
    }

    boolean hasOrgPrefixBefore(String text, int p) {
        for (String s : prefixes) {
            if (p >= s.length() && text.startsWith(s, p - s.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when the text contains a company marker such as ㈱ or 株式会社. */
    boolean hasCompanyMarker(String text) {
        for (String s : prefixes) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text (a cell) ends with an organisation suffix of two or more characters. */
    boolean endsWithOrgSuffix(String cell) {
        for (String s : suffixes) {
            if (s.length() >= 2 && cell.endsWith(s) && cell.length() > s.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsAtToken(List<Morphology.Token> ts, int offset, int chunkEnd) {
        if (ts == null || offset >= chunkEnd) {
            return true;
        }
        for (Morphology.Token t : ts) {
            if (t.end() == offset) {
                return true;
            }
            if (t.start() >= offset) {
                return false;
            }
        }
        return false;
    }

    private static boolean honorificAfter(String text, List<Morphology.Token> ts, int last) {
        int end = ts.get(last).end();
        if (last + 1 < ts.size() && ts.get(last + 1).start() == end && ts.get(last + 1).is("名詞-接尾-人名")) {
            return true;
        }
        for (String h : HONORIFICS) {
            if (text.startsWith(h, end)) {
                return true;
            }
        }
        return false;
    }
}
