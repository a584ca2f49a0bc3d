package dev.mamori.detect;

import dev.mamori.data.DataFile;
/**
 * The Japanese telephone number ranges of {@code phone-prefixes.tsv}: which national numbers (with
 * the trunk 0) are assigned, by prefix and total length.
 */
final class PhonePlan {

    static final int NONE = 0;
    static final int FIXED = 1;
    static final int MOBILE = 2;
    static final int OTHER = 3; // IP, M2M, free dial, navi dial: valid non-geographic ranges

    private static final PhonePlan DEFAULT = new PhonePlan();

    // 3-digit prefixes 0AB: index AB; 4-digit prefixes 0ABC: index ABC.
    private final byte[] kind3 = new byte[100];
    private final short[] next3 = new short[100];
    private final byte[] len3 = new byte[100];
    private final byte[] kind4 = new byte[1000];
    private final byte[] len4 = new byte[1000];

    private PhonePlan() {
        for (DataFile.Row r : DataFile.read(PhonePlan.class, "phone-prefixes.tsv")) {
            String k = r.field(0);
            String p = r.field(1);
            String next = r.field(2);
            int len = Integer.parseInt(r.field(3));
            byte kind = (byte) switch (k) {
                case "FIXED" -> FIXED;
                case "MOBILE" -> MOBILE;
                default -> OTHER;
            };
            if (p.length() < 3 || p.length() > 4 || p.charAt(0) != '0') {
                throw new IllegalStateException(r.file() + ":" + r.line() + ": prefix must be 0AB or 0ABC");
            }
            int v = Integer.parseInt(p.substring(1));
            if (p.length() == 4) {
                kind4[v] = kind;
                len4[v] = (byte) len;
            } else {
                kind3[v] = kind;
                len3[v] = (byte) len;
                int mask = 0;
                for (int i = 0; i < next.length(); i++) {
                    char c = next.charAt(i);
                    mask |= c == '*' ? 0x3ff : 1 << (c - '0');
                }
                next3[v] = (short) mask;
            }
        }
    }

    static PhonePlan get() {
        return DEFAULT;
    }

    /**
     * The kind of the national number {@code d[from..from+len)} (which starts with 0), or
     * {@link #NONE} when no assigned range has this prefix and length.
     */
    int classify(byte[] d, int from, int len) {
        if (len < 10 || len > 11 || d[from] != 0) {
            return NONE;
        }
        int ab = d[from + 1] * 10 + d[from + 2];
        int abc = ab * 10 + d[from + 3];
        if (kind4[abc] != NONE) {
            return len4[abc] == len ? kind4[abc] : NONE;
        }
        if (kind3[ab] != NONE && len3[ab] == len && (next3[ab] & (1 << d[from + 3])) != 0) {
            return kind3[ab];
        }
        return NONE;
    }
}
