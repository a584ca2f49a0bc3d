package dev.mamori.detect;

/**
 * E-mail addresses around an '@' or '＠': an RFC 5321-style local part (ASCII letters, digits and
 * !#$%&'*+/=?^_`{|}~.-, at most 64, no leading or trailing dot) and a domain of at least two
 * dot-separated labels (letters, digits, hyphens; no label starting or ending with '-') whose last
 * label is 2+ letters. Japanese punctuation after the address is never part of it.
 *
 * <p>Two forms real text adds: the Japanese carriers' legacy addresses, whose local parts may start
 * or end with a dot or hold consecutive dots (taro..x@docomo.ne.jp, hanako.@ezweb.ne.jp) — accepted
 * only under the CARRIER_MAIL domains of {@code identifier-rules.tsv}; and addresses written to evade
 * harvesting, with the '@' as a bracketed token ([at], (at), (a), （at）, [@], (アット)) or replaced by
 * ★, ☆ or ﹫, or spaced (" @ "), and dots as [dot] or (dot), one space allowed around a token. Full-width
 * letters, digits, dots and hyphens count as their ASCII ones (ｔａｎａｋａ＠ａｂｃ．ｃｏ．ｊｐ). The span covers the address as written.
 */
final class EmailScanner {

    int start;
    int end;

    private final IdentifierRules rules = IdentifierRules.get();

    private EmailScanner() {
    }

    static EmailScanner create() {
        return new EmailScanner();
    }

    /**
     * A full-width letter, digit, ．, － or ＿ (ｔａｎａｋａ＠ａｂｃ．ｃｏ．ｊｐ, typed in an IME's full-width mode) as its ASCII one; not
     * the full-width marks that separate fields (／, ：, ｜).
     */
    private static char half(char c) {
        return c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || c == '．' || c == '－' || c == '＿'
                ? (char) (c - 0xFEE0) : c;
    }

    private static boolean localChar(char c) {
        c = half(c);
        if (c >= 128) {
            return false;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
    }

    private static boolean labelChar(char c) {
        c = half(c);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean open(char c) {
        return c == '[' || c == '(' || c == '（' || c == '［';
    }

    private static boolean close(char c) {
        return c == ']' || c == ')' || c == '）' || c == '］';
    }

    private static final String[] AT_WORDS = {"at", "a", "@", "＠", "アットマーク", "アット", "あっと"};
    private static final String[] DOT_WORDS = {"dot", ".", "．", "ドット"};

    /** The length of a bracketed token ([at], （ドット）…) of {@code words} at {@code i}, or 0. */
    private static int token(String s, int i, String[] words) {
        if (!open(Chars.at(s, i))) {
            return 0;
        }
        for (String w : words) {
            int e = i + 1 + w.length();
            if (e < s.length() && s.regionMatches(true, i + 1, w, 0, w.length()) && close(s.charAt(e))) {
                return e + 1 - i;
            }
        }
        return 0;
    }

    /** The length of an obfuscated '@' token at {@code i} (no surrounding space), or 0. */
    static int atToken(String s, int i) {
        return token(s, i, AT_WORDS);
    }

    /** Tries the '@' at {@code at} (also written " @ "); on success sets {@link #start} and {@link #end}. */
    boolean scan(String s, int at) {
        return address(s, at, at + 1, false)
                || (Chars.at(s, at - 1) == ' ' && Chars.at(s, at + 1) == ' ' && address(s, at - 1, at + 2, false));
    }

    /** A character written in place of '@' so that harvesters miss it (info★example.jp, ﹫ U+FE6B). */
    static boolean atSubstitute(char c) {
        return c == '★' || c == '☆' || c == '﹫';
    }

    /** Tries a substitute '@' (★, ☆, ﹫) at {@code at}: an address only with a full domain after it. */
    boolean scanSubstitute(String s, int at) {
        return address(s, at, at + 1, false);
    }

    /** Tries an obfuscated '@' token ([at]…) starting at {@code i}; on success sets {@link #start} and {@link #end}. */
    boolean scanObfuscated(String s, int i) {
        int len = atToken(s, i);
        if (len == 0) {
            return false;
        }
        int before = i;
        int after = i + len;
        if (Chars.at(s, i - 1) == ' ' && Chars.at(s, after) == ' ') { // sato [at] example [dot] com
            before--;
            after++;
        }
        return address(s, before, after, true);
    }

    /** The local part ends at {@code localEnd}, the domain starts at {@code domainStart}. */
    private boolean address(String s, int localEnd, int domainStart, boolean obfuscated) {
        int j = localEnd;
        while (j > 0 && localEnd - j < 64 && localChar(s.charAt(j - 1))) {
            j--;
        }
        if (j == localEnd) {
            return false;
        }
        int domainEnd = domain(s, domainStart, obfuscated);
        if (domainEnd < 0) {
            return false;
        }
        boolean oddDots = half(s.charAt(j)) == '.' || half(s.charAt(localEnd - 1)) == '.';
        if (oddDots && !rules.carrierDomain(s, domainStart, domainEnd)) { // legacy carrier addresses keep their dots
            while (j < localEnd && half(s.charAt(j)) == '.') {
                j++;
            }
            if (j == localEnd || half(s.charAt(localEnd - 1)) == '.') {
                return false;
            }
        }
        int key = logKey(s, j, localEnd);
        if (key > 0) {
            j = key; // user=k.matsuda@…: a log's key is no part of the address
        }
        start = j;
        end = domainEnd;
        return true;
    }

    /** The keys a log or a URL writes before an address with '=' (user=, email=, from=). */
    private static final String[] LOG_KEYS = {"user", "email", "e-mail", "mail", "from", "to", "login", "uid", "account", "sender",
        "recipient", "rcpt", "address", "addr"};

    /** Where an address starts after a log's key and its '=' at {@code j} (user=…), or 0 when none is there. */
    private static int logKey(String s, int j, int localEnd) {
        for (String k : LOG_KEYS) {
            int e = j + k.length();
            if (e + 1 < localEnd && s.regionMatches(true, j, k, 0, k.length()) && s.charAt(e) == '=') {
                return e + 1;
            }
        }
        return 0;
    }

    /** The end of a domain of 2+ labels starting at {@code k}, the last 2+ letters; or -1. */
    private static int domain(String s, int k, boolean obfuscated) {
        int n = s.length();
        int at = k;
        int labels = 0;
        int lastStart = -1;
        int lastEnd = -1;
        while (k < n && k - at < 256) {
            int ls = k;
            while (k < n && k - at < 256 && labelChar(s.charAt(k))) {
                k++;
            }
            if (k == ls || half(s.charAt(ls)) == '-' || half(s.charAt(k - 1)) == '-') {
                break;
            }
            labels++;
            lastStart = ls;
            lastEnd = k;
            if (k + 1 < n && half(s.charAt(k)) == '.' && labelChar(s.charAt(k + 1))) {
                k++;
            } else if (obfuscated && (token(s, k, DOT_WORDS) > 0 || (Chars.at(s, k) == ' ' && token(s, k + 1, DOT_WORDS) > 0))) {
                boolean spaced = s.charAt(k) == ' ';
                int t = spaced ? k + 1 : k;
                t += token(s, t, DOT_WORDS);
                if (spaced && Chars.at(s, t) == ' ') {
                    t++;
                }
                if (!labelChar(Chars.at(s, t))) {
                    break;
                }
                k = t;
            } else {
                break;
            }
        }
        if (labels < 2 || lastEnd - lastStart < 2) {
            return -1;
        }
        for (int i = lastStart; i < lastEnd; i++) {
            char c = half(s.charAt(i));
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return -1;
            }
        }
        return lastEnd;
    }
}
