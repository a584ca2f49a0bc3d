package dev.mamori.mail;

/**
 * IP address literals as {@code Received:} lines write them, for {@link ReceivedParser}: which words
 * look like an address ({@link #candidate}) and the normalised text of a literal ({@link #normalizeIp}).
 * A dotted quad may carry leading zeros here (read as decimal), as some MTAs write it.
 */
final class ReceivedIp {

    private ReceivedIp() {
    }

    /** An address-looking word: where it was, what it normalises to (null when not a valid address). */
    static final class Candidate {
        String raw;
        String ip;
        boolean bracketed;
        /** {@code [1.2.3.4:5678]}: the port inside the brackets (ecelerity). */
        boolean portInside;
        /** A port given any way ({@code 1.2.3.4:5678}, {@code [1.2.3.4]:5678}, {@code [1.2.3.4.5678]}). */
        boolean port;
        /** {@code ident@} before the address, {@code IDENT:} removed. */
        String ident;
        /** A name written directly before the '[' ({@code host.example[1.2.3.4]}). */
        String gluedName;
    }

    /**
     * The word {@code s[st, en)} read as an address: {@code [IP]}, {@code [IP]:port}, {@code [IP:port]},
     * {@code [IP.port]}, {@code [IPv6:...]}, {@code ident@[IP]}, {@code name[IP]}, or unbracketed
     * {@code IP}, {@code ident@IP}, {@code IP:port}. Null when the word does not look like an address
     * at all; a Candidate with a null {@code ip} when it looks like one but is invalid ({@code 999.1.1.1}).
     */
    static Candidate candidate(String s, int st, int en) {
        while (en > st && s.charAt(en - 1) == ',') {
            en--;
        }
        if (en <= st) {
            return null;
        }
        int lb = -1;
        for (int i = st; i < en; i++) {
            if (s.charAt(i) == '[') {
                lb = i;
                break;
            }
        }
        if (lb >= 0) {
            int rb = -1;
            for (int i = lb + 1; i < en; i++) {
                if (s.charAt(i) == ']') {
                    rb = i;
                    break;
                }
            }
            if (rb < 0) {
                return null;
            }
            boolean portAfter = false;
            if (rb + 1 < en) {
                if (s.charAt(rb + 1) != ':' || rb + 2 >= en || !allDigits(s, rb + 2, en)) {
                    return null;
                }
                portAfter = true;
            }
            int a = lb + 1;
            if (rb - a > 5 && s.regionMatches(true, a, "IPv6:", 0, 5)) {
                a += 5;
            }
            int shape = shape(s, a, rb);
            if (shape == NOT_IP) {
                return null;
            }
            Candidate c = new Candidate();
            c.raw = s.substring(st, en);
            c.bracketed = true;
            c.port = portAfter;
            if (lb > st) {
                if (s.charAt(lb - 1) == '@') {
                    c.ident = identOf(s, st, lb - 1);
                } else {
                    c.gluedName = s.substring(st, lb);
                }
            }
            switch (shape) {
                case V4 -> c.ip = v4(s, a, rb);
                case V4_PORT -> {
                    int colon = s.lastIndexOf(':', rb - 1);
                    c.ip = v4(s, a, colon);
                    c.portInside = true;
                    c.port = true;
                }
                case V4_DOTPORT -> {
                    int dot = s.lastIndexOf('.', rb - 1);
                    c.ip = v4(s, a, dot);
                    c.port = true;
                }
                default -> c.ip = v6(s, a, rb);
            }
            return c;
        }
        int at = -1;
        for (int i = en - 1; i >= st; i--) {
            if (s.charAt(i) == '@') {
                at = i;
                break;
            }
        }
        int a = at + 1 > st ? at + 1 : st;
        int shape = shape(s, a, en);
        if (shape == NOT_IP || shape == V4_DOTPORT) {
            return null;
        }
        Candidate c = new Candidate();
        c.raw = s.substring(st, en);
        if (at >= st) {
            c.ident = identOf(s, st, at);
        }
        switch (shape) {
            case V4 -> c.ip = v4(s, a, en);
            case V4_PORT -> {
                c.ip = v4(s, a, s.lastIndexOf(':', en - 1));
                c.port = true;
            }
            default -> c.ip = v6(s, a, en);
        }
        return c;
    }

    static String identOf(String s, int st, int en) {
        if (en - st >= 6 && s.regionMatches(true, st, "IDENT:", 0, 6)) {
            st += 6;
        }
        return s.substring(st, en);
    }

    private static final int NOT_IP = 0;
    private static final int V4 = 1;
    private static final int V4_PORT = 2;
    private static final int V4_DOTPORT = 3;
    private static final int V6 = 4;

    /**
     * What {@code s[a, b)} looks like: digits and three dots (V4), and a {@code :port} (V4_PORT) or a
     * fifth dotted number (V4_DOTPORT, Exim 3's port); hex digits with two or more colons (V6);
     * anything else NOT_IP. Only the shape: {@code 999.1.1.1} is V4.
     */
    private static int shape(String s, int a, int b) {
        if (b <= a) {
            return NOT_IP;
        }
        int dots = 0;
        int colons = 0;
        boolean hexLetter = false;
        int lastColon = -1;
        int lastDot = -1;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
                lastDot = i;
            } else if (c == ':') {
                colons++;
                lastColon = i;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hexLetter = true;
            } else if (c < '0' || c > '9') {
                return NOT_IP;
            }
        }
        if (colons >= 2) {
            return V6;
        }
        if (hexLetter) {
            return NOT_IP;
        }
        if (colons == 1) {
            return dots == 3 && lastColon > lastDot && lastColon + 1 < b && lastColon > a ? V4_PORT : NOT_IP;
        }
        if (dots == 3) {
            return V4;
        }
        if (dots == 4) {
            return V4_DOTPORT;
        }
        return NOT_IP;
    }

    private static boolean allDigits(String s, int a, int b) {
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return b > a;
    }

    /**
     * A normalised IP literal (dotted quad without leading zeros; IPv6 compressed, lower case, IPv4-mapped
     * addresses as IPv4; an {@code IPv6:} prefix and surrounding brackets removed), or null.
     */
    static String normalizeIp(String text) {
        if (text == null) {
            return null;
        }
        int a = 0;
        int b = text.length();
        if (b - a >= 2 && text.charAt(0) == '[' && text.charAt(b - 1) == ']') {
            a++;
            b--;
        }
        if (b - a > 5 && text.regionMatches(true, a, "IPv6:", 0, 5)) {
            a += 5;
        }
        int shape = shape(text, a, b);
        return shape == V4 ? v4(text, a, b) : shape == V6 ? v6(text, a, b) : null;
    }

    /** Dotted quad in {@code s[a, b)}, leading zeros allowed (read as decimal), normalised; else null. */
    static String v4(String s, int a, int b) {
        int[] o = new int[4];
        if (!v4Octets(s, a, b, o)) {
            return null;
        }
        return o[0] + "." + o[1] + "." + o[2] + "." + o[3];
    }

    private static boolean v4Octets(String s, int a, int b, int[] o) {
        int part = 0;
        int v = 0;
        int digits = 0;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
                v = v * 10 + (c - '0');
            } else if (c == '.') {
                if (digits == 0 || part == 3 || v > 255) {
                    return false;
                }
                o[part++] = v;
                v = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || part != 3 || v > 255) {
            return false;
        }
        o[3] = v;
        return true;
    }

    /** IPv6 literal in {@code s[a, b)} (optionally with a dotted IPv4 tail), RFC 5952 text; IPv4-mapped as IPv4. */
    static String v6(String s, int a, int b) {
        int[] g = new int[8];
        int ng = 0;
        int gap = -1;
        int i = a;
        if (b - a < 2) {
            return null;
        }
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < b) {
            int j = i;
            int v = 0;
            while (j < b && j - i < 5) {
                int h = Character.digit(s.charAt(j), 16);
                if (h < 0) {
                    break;
                }
                v = (v << 4) | h;
                j++;
            }
            if (j < b && s.charAt(j) == '.') {
                int[] o = new int[4];
                if (ng > 6 || !v4Octets(s, i, b, o)) {
                    return null;
                }
                g[ng++] = (o[0] << 8) | o[1];
                g[ng++] = (o[2] << 8) | o[3];
                break;
            }
            if (j == i || j - i > 4 || ng == 8) {
                return null;
            }
            g[ng++] = v;
            i = j;
            if (i == b) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < b && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = ng;
                i++;
            } else if (i == b) {
                return null;
            }
        }
        int[] full = new int[8];
        if (gap >= 0) {
            if (ng > 7) {
                return null;
            }
            int tail = ng - gap;
            System.arraycopy(g, 0, full, 0, gap);
            System.arraycopy(g, gap, full, 8 - tail, tail);
        } else {
            if (ng != 8) {
                return null;
            }
            System.arraycopy(g, 0, full, 0, 8);
        }
        if (full[0] == 0 && full[1] == 0 && full[2] == 0 && full[3] == 0 && full[4] == 0 && full[5] == 0xffff) {
            return (full[6] >> 8) + "." + (full[6] & 0xff) + "." + (full[7] >> 8) + "." + (full[7] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int k = 0; k < 8;) {
            if (full[k] != 0) {
                k++;
                continue;
            }
            int e = k;
            while (e < 8 && full[e] == 0) {
                e++;
            }
            if (e - k > bestLen) {
                bestStart = k;
                bestLen = e - k;
            }
            k = e;
        }
        StringBuilder out = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                out.append("::");
                k += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(full[k]));
        }
        return out.toString();
    }

    static boolean isIpLiteral(String w) {
        return !w.isEmpty() && normalizeIp(w) != null;
    }
}
