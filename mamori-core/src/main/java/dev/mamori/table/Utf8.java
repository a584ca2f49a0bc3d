package dev.mamori.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks bytes for well-formed UTF-8 as the JDK's decoder judges it (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), without decoding: ASCII eight bytes at a time. By hand because the JDK offers validation only by
 * decoding into a buffer. {@code Utf8Test} compares it with the JDK's decoder on random bytes.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    /** The bytes {@code s} takes in UTF-8 (a lone surrogate counted as its pair's half); 0 for null. */
    static long length(CharSequence s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }

    static boolean valid(byte[] b) {
        return valid(b, 0, b.length);
    }

    /** True when {@code b[from, to)} is well-formed UTF-8 on its own. */
    static boolean valid(byte[] b, int from, int to) {
        int n = to;
        int i = from;
        while (i < n) {
            if (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                len = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                len = 3;
                if (c == 0xE0) {
                    lo = 0xA0; // not overlong
                } else if (c == 0xED) {
                    hi = 0x9F; // not a surrogate
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                len = 4;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F; // not above U+10FFFF
                }
            } else {
                return false;
            }
            if (i + len > n) {
                return false;
            }
            int c1 = b[i + 1] & 0xFF;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k < len; k++) {
                int ck = b[i + k] & 0xFF;
                if (ck < 0x80 || ck > 0xBF) {
                    return false;
                }
            }
            i += len;
        }
        return true;
    }
}
