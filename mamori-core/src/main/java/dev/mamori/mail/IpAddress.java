package dev.mamori.mail;

import java.net.Inet6Address;
import java.net.UnknownHostException;

/**
 * IP address literals as bytes, parsed without any DNS look-up ({@code InetAddress.getByName} would
 * resolve a host name, and accepts odd IPv4 forms such as "1.2.3"): only a dotted quad (0–255, no
 * leading zeros beyond "0") or an IPv6 literal is an address. The parsing is {@link IpNumbers}'s,
 * the registry's own.
 */
public final class IpAddress {

    private IpAddress() {
    }

    /** The 4 or 16 bytes of an address literal (an IPv4-mapped IPv6 address gives 4), or null when {@code text} is not one. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        int from = text.regionMatches(true, 0, "IPv6:", 0, 5) ? 5 : 0;
        if (text.indexOf(':', from) < 0) {
            long v = IpNumbers.parseV4(text, from, text.length());
            return v < 0 ? null : bytes(v, 4);
        }
        long[] halves = new long[2];
        if (!IpNumbers.parseV6(text, from, text.length(), halves)) {
            return null;
        }
        if (halves[0] == 0 && (halves[1] >>> 32) == 0xFFFFL) {
            return bytes(halves[1] & 0xFFFF_FFFFL, 4); // ::ffff:a.b.c.d is the IPv4 address
        }
        byte[] out = new byte[16];
        System.arraycopy(bytes(halves[0], 8), 0, out, 0, 8);
        System.arraycopy(bytes(halves[1], 8), 0, out, 8, 8);
        return out;
    }

    private static byte[] bytes(long v, int n) {
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    /** The canonical text of an address literal (dotted quad, or compressed lower-case IPv6), or null. */
    public static String normalize(String text) {
        byte[] b = parse(text);
        return b == null ? null : format(b);
    }

    /** The text of 4 or 16 bytes; 16 bytes that are an IPv4-mapped address are written {@code ::ffff:a.b.c.d} (RFC 5952). */
    public static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        if (isMapped(b)) {
            return "::ffff:" + (b[12] & 255) + "." + (b[13] & 255) + "." + (b[14] & 255) + "." + (b[15] & 255);
        }
        try {
            String full = Inet6Address.getByAddress(null, b).getHostAddress();
            return compress(full);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** RFC 5952 text: the longest run of two or more zero groups becomes "::". */
    private static String compress(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < g.length; i++) {
            if (i == bestStart) {
                s.append(i == 0 ? "::" : ":");
                i += bestLen - 1;
                continue;
            }
            s.append(g[i]);
            if (i < g.length - 1) {
                s.append(':');
            }
        }
        return s.toString();
    }
}
