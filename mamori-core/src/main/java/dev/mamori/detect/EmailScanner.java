package dev.mamori.detect;

/**
 * E-mail addresses around an '@' or '＠': an RFC 5321-style local part (ASCII letters, digits and
 * !#$%&'*+/=?^_`{|}~.-, at most 64, no leading or trailing dot) and a domain of at least two
 * dot-separated labels (letters, digits, hyphens; no label starting or ending with '-') whose last
 * label is 2+ letters. Japanese punctuation after the address is never part of it.
 */
final class EmailScanner {

    int start;
    int end;

    private EmailScanner() {
    }

    static EmailScanner create() {
        return new EmailScanner();
    }

    private static boolean localChar(char c) {
        if (c >= 128) {
            return false;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
    }

    private static boolean labelChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** Tries the '@' at {@code at}; on success sets {@link #start} and {@link #end}. */
    boolean scan(String s, int at) {
        int j = at;
        while (j > 0 && at - j < 64 && localChar(s.charAt(j - 1))) {
            j--;
        }
        while (j < at && s.charAt(j) == '.') {
            j++;
        }
        if (j == at || s.charAt(at - 1) == '.') {
            return false;
        }
        int n = s.length();
        int k = at + 1;
        int labels = 0;
        int lastStart = -1;
        int lastEnd = -1;
        while (k < n && k - at < 256) {
            int ls = k;
            while (k < n && k - at < 256 && labelChar(s.charAt(k))) {
                k++;
            }
            if (k == ls || s.charAt(ls) == '-' || s.charAt(k - 1) == '-') {
                break;
            }
            labels++;
            lastStart = ls;
            lastEnd = k;
            if (k + 1 < n && s.charAt(k) == '.' && labelChar(s.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        if (labels < 2 || lastEnd - lastStart < 2) {
            return false;
        }
        for (int i = lastStart; i < lastEnd; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        start = j;
        end = lastEnd;
        return true;
    }
}
