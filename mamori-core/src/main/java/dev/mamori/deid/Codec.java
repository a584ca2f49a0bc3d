package dev.mamori.deid;

import java.text.Normalizer;

/** Small helpers shared by the transforms. */
final class Codec {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Codec() {
    }

    /** RFC 4648 base32 without padding. */
    static String base32(byte[] b) {
        StringBuilder s = new StringBuilder((b.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            s.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return s.toString();
    }

    /** NFKC, then leading and trailing white space (full-width included) removed. */
    static String normalize(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFKC).strip();
    }
}
