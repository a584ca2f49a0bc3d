package dev.mamori.mail;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, parsed without any DNS look-up: {@link InetAddress#getByName} would resolve
 * a host name, and accepts odd IPv4 forms such as "1.2.3"; here only a dotted quad (0–255, no
 * leading zeros beyond "0") or an IPv6 literal is an address.
 */
public final class IpAddress {

    private IpAddress() {
    }

    /** The 4 or 16 bytes of an address literal, or null when {@code text} is not one. */
    public static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String t = text;
        if (t.regionMatches(true, 0, "IPv6:", 0, 5)) {
            t = t.substring(5);
        }
        if (t.indexOf(':') < 0) {
            return parseV4(t);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return null; // not even a candidate: no zone ids, no brackets
            }
        }
        try {
            return InetAddress.getByName(t).getAddress(); // an IPv6 literal: parsed, never looked up (::ffff:a.b.c.d gives 4 bytes)
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static byte[] parseV4(String t) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zero
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** The canonical text of an address literal (dotted quad, or compressed lower-case IPv6), or null. */
    public static String normalize(String text) {
        byte[] b = parse(text);
        return b == null ? null : format(b);
    }

    public static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        try {
            String full = Inet6Address.getByAddress(null, b).getHostAddress();
            return compress(full);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
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

    /** Loopback, private (RFC 1918, fc00::/7), link-local, CGNAT 100.64/10 and unspecified addresses: never a public relay. */
    public static boolean isPrivate(byte[] b) {
        if (b.length == 4) {
            int a0 = b[0] & 255;
            int a1 = b[1] & 255;
            return a0 == 10 || a0 == 127 || a0 == 0 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)
                    || (a0 == 169 && a1 == 254) || (a0 == 100 && a1 >= 64 && a1 <= 127);
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 15; i++) {
            zeroPrefix &= b[i] == 0;
        }
        return zeroPrefix /* :: and ::1 */ || (b[0] & 0xfe) == 0xfc || ((b[0] & 255) == 0xfe && (b[1] & 0xc0) == 0x80);
    }
}
