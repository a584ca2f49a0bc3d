package dev.mamori.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the field delimiter of delimited text from its head: for each of comma, tab, semicolon and
 * pipe, counts the fields of each record (respecting double quotes, so quoted delimiters and line
 * breaks do not count) and prefers the delimiter whose field count is most consistent, then largest.
 */
final class DelimiterSniffer {

    static final char[] CANDIDATES = {',', '\t', ';', '|'};
    private static final int MAX_RECORDS = 200;

    /** A candidate's verdict: its most common field count and the share of records that have it. */
    record Verdict(char delimiter, int fields, double consistency, int records) {
        boolean delimited(int minRecords) {
            return fields > 1 && records >= minRecords && consistency >= 0.9;
        }
    }

    private DelimiterSniffer() {
    }

    /** The best verdict; {@code complete} says whether {@code text} is the whole input. */
    static Verdict sniff(String text, boolean complete) {
        Verdict best = null;
        for (char d : CANDIDATES) {
            Verdict v = verdict(text, d, complete);
            if (best == null || better(v, best)) {
                best = v;
            }
        }
        return best;
    }

    private static boolean better(Verdict a, Verdict b) {
        boolean da = a.fields() > 1;
        boolean db = b.fields() > 1;
        if (da != db) {
            return da;
        }
        if (Math.abs(a.consistency() - b.consistency()) > 1e-9) {
            return a.consistency() > b.consistency();
        }
        return a.fields() > b.fields();
    }

    static Verdict verdict(String text, char delimiter, boolean complete) {
        List<Integer> counts = new ArrayList<>();
        int fields = 1;
        boolean quoted = false;
        boolean empty = true;
        int n = text.length();
        for (int i = 0; i < n && counts.size() < MAX_RECORDS; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                empty = false;
            } else if (quoted) {
                continue;
            } else if (c == delimiter) {
                fields++;
                empty = false;
            } else if (c == '\n' || c == '\r') {
                if (!empty) {
                    counts.add(fields);
                }
                fields = 1;
                empty = true;
            } else {
                empty = false;
            }
        }
        if (!empty && complete && !quoted) {
            counts.add(fields); // last record without a line break
        }
        return tally(delimiter, counts);
    }

    private static Verdict tally(char delimiter, List<Integer> counts) {
        if (counts.isEmpty()) {
            return new Verdict(delimiter, 0, 0, 0);
        }
        Map<Integer, Integer> freq = new HashMap<>();
        int mode = counts.get(0);
        for (int c : counts) {
            int f = freq.merge(c, 1, Integer::sum);
            if (f > freq.get(mode) || (f == freq.get(mode) && c > mode)) {
                mode = c;
            }
        }
        return new Verdict(delimiter, mode, freq.get(mode) / (double) counts.size(), counts.size());
    }
}
