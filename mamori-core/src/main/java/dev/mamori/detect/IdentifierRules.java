package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.List;

/** The data rows of {@code identifier-rules.tsv}: card issuer ranges and 公安委員会 codes. */
final class IdentifierRules {

    private record Range(int digits, long first, long last, int lengths) {
    }

    private static final IdentifierRules DEFAULT = new IdentifierRules();

    private final Range[] cards;
    private final boolean[] commissions = new boolean[100];

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
                default -> throw new IllegalStateException(r.file() + ":" + r.line() + ": unknown rule " + r.field(0));
            }
        }
        cards = l.toArray(new Range[0]);
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
