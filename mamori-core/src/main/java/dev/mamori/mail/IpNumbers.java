package dev.mamori.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP addresses as the {@link IpRegistry} holds them: IPv4 as an unsigned 32-bit value in a
 * {@code long}, IPv6 as two unsigned 64-bit halves; read from text without any look-up, and turned
 * into an {@link InetAddress} for the MaxMind databases.
 */
final class IpNumbers {

    /** The last IPv4 address, and the last AS number, as unsigned values. */
    static final long MAX_V4 = 0xFFFF_FFFFL;

    private IpNumbers() {
    }

    /** A dotted quad in {@code s[from, to)} as an unsigned value, or -1. No leading zeros ("01"), no short forms. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int part = 0;
        int digits = 0;
        int octet = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && octet == 0) {
                    return -1;
                }
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 3) {
                    return -1;
                }
                value = (value << 8) | octet;
                part++;
                digits = 0;
                octet = 0;
            } else {
                return -1;
            }
        }
        if (digits == 0 || part != 3) {
            return -1;
        }
        return (value << 8) | octet;
    }

    /**
     * An IPv6 address in {@code s[from, to)} into {@code out[0]} (high 64 bits) and {@code out[1]}
     * (low 64 bits); false when it is not one. Accepts "::" compression and a trailing dotted quad.
     */
    static boolean parseV6(String s, int from, int to, long[] out) {
        int len = to - from;
        if (len < 2 || len > 45) {
            return false;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int j = i;
            int v = 0;
            while (j < to && j - i < 5) {
                int h = Character.digit(s.charAt(j), 16);
                if (h < 0) {
                    break;
                }
                v = (v << 4) | h;
                j++;
            }
            if (j < to && s.charAt(j) == '.') { // embedded IPv4 in the last 32 bits
                long v4 = parseV4(s, i, to);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                break;
            }
            int digits = j - i;
            if (digits == 0 || digits > 4 || count == 8) {
                return false;
            }
            groups[count++] = v;
            if (j == to) {
                break;
            }
            if (s.charAt(j) != ':') {
                return false;
            }
            if (j + 1 < to && s.charAt(j + 1) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i = j + 2;
            } else {
                i = j + 1;
                if (i == to) {
                    return false; // a trailing single ':'
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | full[k];
            lo = (lo << 16) | full[4 + k];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    static InetAddress inet4(long v4) {
        byte[] b = {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4};
        try {
            return InetAddress.getByAddress(b); // no look-up: an address from bytes
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static InetAddress inet6(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
