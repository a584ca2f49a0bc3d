package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data rows of {@code identifier-rules.tsv}: card issuer ranges, 公安委員会 codes, the word lists
 * that decide a rule (product codes, ゆうちょ, banks, birth verbs) and the carriers' mail domains.
 */
final class IdentifierRules {

    private record Range(int digits, long first, long last, int lengths) {
    }

    private static final IdentifierRules DEFAULT = new IdentifierRules();

    private final Range[] cards;
    private final boolean[] commissions = new boolean[100];
    private final Map<String, Words> words = new HashMap<>();
    private final List<String> carrierDomains = new ArrayList<>();

    /** A word list looked for in text; ASCII words match case-insensitively. Immutable. */
    static final class Words {
        private final String[] list;
        private final boolean[] ascii;
        /** The first characters of the words (both cases for ASCII): most text characters start none. */
        private final String firsts;

        private Words(String[] list) {
            this.list = list.clone();
            this.ascii = new boolean[list.length];
            StringBuilder f = new StringBuilder();
            for (int i = 0; i < list.length; i++) {
                ascii[i] = list[i].chars().allMatch(c -> c < 128);
                char c = list[i].charAt(0);
                f.append(c);
                if (ascii[i]) {
                    f.append(Character.toLowerCase(c)).append(Character.toUpperCase(c));
                }
            }
            this.firsts = f.toString();
        }

        /** The index of the first word starting at {@code i}, or -1. */
        int at(String s, int i) {
            if (i < 0 || i >= s.length() || firsts.indexOf(s.charAt(i)) < 0) {
                return -1;
            }
            for (int k = 0; k < list.length; k++) {
                String w = list[k];
                if (i + w.length() <= s.length() && s.regionMatches(ascii[k], i, w, 0, w.length())) {
                    return k;
                }
            }
            return -1;
        }

        /** The length of the word starting at {@code i}, or 0. */
        int lengthAt(String s, int i) {
            int k = at(s, i);
            return k < 0 ? 0 : list[k].length();
        }

        /** True when a word occurs in {@code s[from, to)} (clipped to the text and to {@code start}'s line). */
        boolean onLine(String s, int start, int end, int before, int after) {
            int from = Math.max(0, start - before);
            int to = Math.min(s.length(), end + after);
            for (int i = start - 1; i >= from; i--) {
                if (s.charAt(i) == '\n') {
                    from = i + 1;
                    break;
                }
            }
            for (int i = end; i < to; i++) {
                if (s.charAt(i) == '\n') {
                    to = i;
                    break;
                }
            }
            return within(s, from, start) || within(s, end, to);
        }

        /**
         * True when a word occurs on {@code start}'s line as {@link #onLine} finds it, or on one of the {@code lines}
         * lines above it, at most {@code before} characters back: a heading of the lines below (ゆうちょ銀行 / 記号 14170
         * / 番号 28374611).
         */
        boolean onLineOrAbove(String s, int start, int end, int before, int after, int lines) {
            if (onLine(s, start, end, before, after)) {
                return true;
            }
            int from = Math.max(0, start - before);
            int i = start - 1;
            while (i >= from && s.charAt(i) != '\n') {
                i--;
            }
            int lineEnd = i;
            for (int l = 0; l < lines && lineEnd > from; l++) {
                int lineStart = lineEnd - 1;
                while (lineStart >= from && s.charAt(lineStart) != '\n') {
                    lineStart--;
                }
                if (within(s, Math.max(from, lineStart + 1), lineEnd)) {
                    return true;
                }
                lineEnd = lineStart;
            }
            return false;
        }

        private boolean within(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (firsts.indexOf(s.charAt(i)) < 0) {
                    continue;
                }
                for (int k = 0; k < list.length; k++) {
                    String w = list[k];
                    if (i + w.length() <= to && s.regionMatches(ascii[k], i, w, 0, w.length())) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private IdentifierRules() {
        List<Range> l = new ArrayList<>();
        for (DataFile.Row r : DataFile.read(IdentifierRules.class, "identifier-rules.tsv")) {
            switch (r.field(0)) {
                case "CARD" -> {
                    int lengths = 0;
                    for (String x : r.field(4).split(",")) {
                        lengths |= 1 << Integer.parseInt(x.strip());
                    }
                    String first = r.field(2);
                    if (first.length() != r.field(3).length()) {
                        throw new IllegalStateException(r.file() + ":" + r.line() + ": prefixes must have the same length");
                    }
                    l.add(new Range(first.length(), Long.parseLong(first), Long.parseLong(r.field(3)), lengths));
                }
                case "DL_COMMISSION" -> {
                    for (String x : r.field(1).split(",")) {
                        commissions[Integer.parseInt(x.strip())] = true;
                    }
                }
                case "WORDS" -> {
                    String[] w = r.field(2).split(",");
                    for (int i = 0; i < w.length; i++) {
                        w[i] = w[i].strip();
                        if (w[i].isEmpty()) {
                            throw new IllegalStateException(r.file() + ":" + r.line() + ": empty word");
                        }
                    }
                    words.put(r.field(1), new Words(w));
                }
                case "CARRIER_MAIL" -> {
                    for (String x : r.field(1).split(",")) {
                        carrierDomains.add(x.strip().toLowerCase(Locale.ROOT));
                    }
                }
                default -> throw new IllegalStateException(r.file() + ":" + r.line() + ": unknown rule " + r.field(0));
            }
        }
        cards = l.toArray(new Range[0]);
    }

    /** The word list {@code name} of the WORDS rows; a missing list is an error naming it. */
    Words words(String name) {
        Words w = words.get(name);
        if (w == null) {
            throw new IllegalStateException("identifier-rules.tsv: no WORDS " + name);
        }
        return w;
    }

    /** True when the domain {@code s[from, to)} is a carrier domain or a subdomain of one. */
    boolean carrierDomain(String s, int from, int to) {
        for (String d : carrierDomains) {
            int len = d.length();
            if (to - from >= len && s.regionMatches(true, to - len, d, 0, len)
                    && (to - from == len || s.charAt(to - len - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    static IdentifierRules get() {
        return DEFAULT;
    }

    /** True when the {@code len} digits at {@code d[from]} start with an issuer prefix of that length. */
    boolean cardIssuer(byte[] d, int from, int len) {
        for (Range r : cards) {
            if ((r.lengths & (1 << len)) == 0 || r.digits > len) {
                continue;
            }
            long p = 0;
            for (int i = 0; i < r.digits; i++) {
                p = p * 10 + d[from + i];
            }
            if (p >= r.first && p <= r.last) {
                return true;
            }
        }
        return false;
    }

    /** True when the first two digits are a known 公安委員会 code. */
    boolean licenceCommission(byte[] d, int from) {
        return commissions[d[from] * 10 + d[from + 1]];
    }
}
