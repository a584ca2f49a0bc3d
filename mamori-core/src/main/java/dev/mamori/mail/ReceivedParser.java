package dev.mamori.mail;

import java.time.OffsetDateTime;

/**
 * Reads the value of one {@code Received:} header (unfolded to one line) into a {@link Hop}.
 *
 * <p>The line is cut into top-level words and parenthesised comments (a single scan, no regular
 * expressions, linear in the length of the line). The part between {@code from} and the first
 * {@code by}/{@code with}/{@code via}/{@code id}/{@code for} describes the client; its comments are
 * read by shape rather than by MTA name:
 * <ul>
 * <li>{@code HELO (RDNS [IP])}: sendmail, Postfix, simta, Exchange; {@code (ident@RDNS [IP])}
 * and {@code (IDENT:ident@[IP])} carry an RFC 1413 ident; {@code unknown}/{@code softdnserr} mean
 * no reverse DNS;</li>
 * <li>{@code NAME ([IP] ...)}: the bracketed address alone; NAME is the HELO, except where the MTA
 * writes the verified reverse name there (Exim, {@code helo=} given separately, CommuniGate
 * {@code verified}, ecelerity {@code [IP:port]});</li>
 * <li>{@code RDNS (HELO name) (ident@IP)}: qmail and its kin (also EHLO, LHLO); {@code NAME (IP)}
 * with NAME fully qualified is qmail's "HELO equal to the reverse name";</li>
 * <li>{@code NAME [IP]}, {@code (HELO) [IP]}, {@code [IP] (account x HELO y)}, {@code NAME(IP)},
 * {@code claiming to be "x"}, a bare address as the name, and so on.</li>
 * </ul>
 * The client address is taken, in this order, from the first comment holding one, from a
 * bracketed word after the name, from the name itself. Authenticated submissions are recognised by
 * the RFC 3848 protocol names (ESMTPA, ESMTPSA, LMTPA, ...), ASMTP and HTTP after {@code with},
 * Courier's {@code (AUTH: LOGIN ...)}, Postfix's {@code (Authenticated sender: ...)}, sendmail's
 * {@code (authenticated bits=0)}, Critical Path's {@code (authenticated as ...)} and GMX.
 *
 * <p>Lines that record no network hand-over are {@link Hop.Skipped}: POP/IMAP retrieval
 * (fetchmail), qmail's {@code invoked by uid}/{@code invoked from network} notes, local pickups
 * ({@code from localhost} over loopback), {@code mail pickup service}, qmail-scanner re-scans,
 * {@code with local} deliveries, and lines without any client address. Lines with an address that
 * is not a valid IP literal ({@code [999.1.1.1]}) or without a {@code by} are {@link Hop.Unparsed}.
 * The behaviour follows SpamAssassin's {@code Received} parser on the formats it knows (see
 * {@code ReceivedParserTest}); the code is our own.
 */
public final class ReceivedParser {

    private static final Hop.Skipped EMPTY = new Hop.Skipped("empty header");
    private static final Hop.Skipped NO_FROM = new Hop.Skipped("no 'from' part: not a relay hand-over");
    private static final Hop.Skipped BY_ONLY = new Hop.Skipped("'by' without 'from': local delivery or pickup");
    private static final Hop.Skipped QMAIL_UID = new Hop.Skipped("qmail 'invoked by uid': local injection");
    private static final Hop.Skipped QMAIL_NETWORK = new Hop.Skipped("qmail 'invoked from network': the SMTP line above records the hand-over");
    private static final Hop.Skipped COMMENT = new Hop.Skipped("comment-only line");
    private static final Hop.Skipped PICKUP = new Hop.Skipped("mail pickup service: local submission");
    private static final Hop.Skipped FETCH = new Hop.Skipped("POP/IMAP retrieval (fetchmail or similar), not a relay hand-over");
    private static final Hop.Skipped QMAIL_SCANNER = new Hop.Skipped("qmail-scanner re-scan of the hand-over above");
    private static final Hop.Skipped LOCAL_PROTOCOL = new Hop.Skipped("local submission or batched delivery ('with local', BSMTP)");
    private static final Hop.Skipped LOCAL_PICKUP = new Hop.Skipped("local pickup from localhost over loopback");
    private static final Hop.Skipped NO_IP = new Hop.Skipped("no client IP address");
    private static final Hop.Unparsed NO_BY = new Hop.Unparsed("client address but no 'by' host");

    private ReceivedParser() {
    }

    /** The hop one {@code Received:} value describes. Never throws, never returns null. */
    public static Hop parse(String value) {
        if (value == null) {
            return EMPTY;
        }
        String s = normalize(value);
        if (s.isEmpty()) {
            return EMPTY;
        }
        if (s.charAt(0) == '(') {
            if (s.regionMatches(true, 0, "(from ", 0, 6)) {
                s = unwrapFrom(s);
            } else {
                return commentOnly(s);
            }
        }
        return new Reader(s).read();
    }

    // ------------------------------------------------------------------------------------------
    // text helpers

    /** Control characters, C1 controls and NBSP become spaces; runs of spaces collapse; trimmed. */
    static String normalize(String v) {
        int n = v.length();
        boolean clean = n > 0 && v.charAt(0) != ' ' && v.charAt(n - 1) != ' ';
        for (int i = 0; clean && i < n; i++) {
            char c = v.charAt(i);
            if (isBlank(c) && (c != ' ' || (i + 1 < n && v.charAt(i + 1) == ' '))) {
                clean = false;
            }
        }
        if (clean) {
            return v;
        }
        char[] out = new char[n];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (isBlank(c)) {
                if (!space) {
                    out[len++] = ' ';
                    space = true;
                }
            } else {
                out[len++] = c;
                space = false;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }

    private static boolean isBlank(char c) {
        return c <= ' ' || (c >= 0x7f && c <= 0xa0);
    }

    /** {@code (from X [IP]) by ...} (NAVGW and others) read as {@code from X [IP] by ...}. */
    private static String unwrapFrom(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return s.substring(1, i) + " " + s.substring(i + 1);
            }
        }
        return s.substring(1);
    }

    private static Hop commentOnly(String s) {
        if (indexOfIgnoreCase(s, "invoked by uid", 0, s.length()) >= 0) {
            return QMAIL_UID;
        }
        if (indexOfIgnoreCase(s, "invoked from network", 0, s.length()) >= 0) {
            return QMAIL_NETWORK;
        }
        return COMMENT;
    }

    /** Position of the last ';' outside parentheses (the date follows it), or the last ';' at all, or -1. */
    static int dateSeparator(String s) {
        int depth = 0;
        int top = -1;
        int any = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth > 0) {
                    depth--;
                }
            } else if (c == ';') {
                any = i;
                if (depth == 0) {
                    top = i;
                }
            }
        }
        return top >= 0 ? top : any;
    }

    static int indexOfIgnoreCase(String s, String needle, int from, int to) {
        int m = needle.length();
        char first = needle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = from; i + m <= to; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && s.regionMatches(true, i, needle, 0, m)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String stripTrailing(String w, char c) {
        int e = w.length();
        while (e > 0 && w.charAt(e - 1) == c) {
            e--;
        }
        return e == w.length() ? w : w.substring(0, e);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    // ------------------------------------------------------------------------------------------
    // tokens: top-level words and parenthesised groups

    /** Words and (possibly nested, possibly unclosed) parenthesised groups of one range of a line. */
    static final class Tokens {
        int n;
        int[] start = new int[24];
        int[] end = new int[24];
        boolean[] group = new boolean[24];
        /** A group written directly after a word, without a space: {@code name(1.2.3.4)}. */
        boolean[] glued = new boolean[24];

        void add(int st, int en, boolean grp, boolean gl) {
            if (n == start.length) {
                int c = n * 2;
                start = java.util.Arrays.copyOf(start, c);
                end = java.util.Arrays.copyOf(end, c);
                group = java.util.Arrays.copyOf(group, c);
                glued = java.util.Arrays.copyOf(glued, c);
            }
            start[n] = st;
            end[n] = en;
            group[n] = grp;
            glued[n] = gl;
            n++;
        }

        /** Token k is the word w, ignoring ASCII case. */
        boolean is(String s, int k, String w) {
            int a = start[k];
            int len = w.length();
            if (group[k] || end[k] - a != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                char c = s.charAt(a + i);
                char d = w.charAt(i);
                if (c != d && ((c | 0x20) != (d | 0x20) || (d | 0x20) < 'a' || (d | 0x20) > 'z')) {
                    return false;
                }
            }
            return true;
        }

        String text(String s, int k) {
            return s.substring(start[k], end[k]);
        }
    }

    /** Splits {@code s[from, to)}: spaces and ';' separate; a group runs to its matching ')' or to {@code to}. */
    static void tokenize(String s, int from, int to, Tokens out) {
        out.n = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == ';' || c == ')') {
                i++;
                continue;
            }
            if (c == '(') {
                char prev = i > from ? s.charAt(i - 1) : ' ';
                boolean glued = prev != ' ' && prev != ';' && prev != '(' && prev != ')';
                int depth = 1;
                int j = i + 1;
                while (j < to && depth > 0) {
                    char d = s.charAt(j);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                    j++;
                }
                out.add(i + 1, depth == 0 ? j - 1 : to, true, glued);
                i = j;
                continue;
            }
            int j = i + 1;
            while (j < to) {
                char d = s.charAt(j);
                if (d == ' ' || d == ';' || d == '(' || d == ')') {
                    break;
                }
                j++;
            }
            out.add(i, j, false, false);
            i = j;
        }
    }

    // ------------------------------------------------------------------------------------------
    // IP literals

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

    private static String identOf(String s, int st, int en) {
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
                i = b;
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

    static boolean isLoopback(String ip) {
        return ip.startsWith("127.") || ip.equals("::1");
    }

    // ------------------------------------------------------------------------------------------
    // the reader

    private static final int SRC_GROUP = 1;
    private static final int SRC_TOP = 2;
    private static final int SRC_NAME = 3;

    /** State for reading one line; not reused. */
    private static final class Reader {
        final String s;
        final Tokens t = new Tokens();
        Tokens g;
        int semi;
        int mainEnd;
        int fromEnd;
        int byIdx = -1;
        int nameIdx = -1;
        String name = "";
        String protocol = "";
        boolean fetchmail;
        boolean viaHttp;
        boolean criticalPath;
        // facts from the from-part
        String explicitHelo;
        boolean heloGroup;
        boolean account;
        boolean verified;
        String courierMech;
        boolean postfixAuth;
        boolean sendmailAuth;
        String eximIdent;
        Candidate groupCand;
        String groupRdnsWord;
        boolean groupGlued;
        Candidate topCand;
        String singleWordGroup;

        Reader(String s) {
            this.s = s;
        }

        Hop read() {
            semi = dateSeparator(s);
            mainEnd = semi < 0 ? s.length() : semi;
            tokenize(s, 0, mainEnd, t);
            if (t.n == 0 || !t.is(s, 0, "from")) {
                return t.n > 0 && t.is(s, 0, "by") ? BY_ONLY : NO_FROM;
            }
            fromEnd = t.n;
            for (int k = 2; k < t.n; k++) {
                if (t.group[k]) {
                    continue;
                }
                if (fromEnd == t.n && isClauseKeyword(k)) {
                    fromEnd = k;
                }
                if (t.is(s, k, "by")) {
                    byIdx = k;
                    break;
                }
            }
            if (t.n > 1 && !t.group[1] && fromEnd > 1) {
                nameIdx = 1;
                name = stripTrailing(t.text(s, 1), ',');
            }
            readAfterBy();
            if (nameIdx == 1 && t.n > 3 && t.is(s, 1, "mail") && t.is(s, 2, "pickup") && t.is(s, 3, "service")) {
                return PICKUP;
            }
            if (fetchmail || isFetchProtocol(protocol)) {
                return FETCH;
            }
            if (startsWithIgnoreCase(protocol, "qmail-scanner")) {
                return QMAIL_SCANNER;
            }
            for (int k = nameIdx == 1 ? 2 : 1; k < fromEnd; k++) {
                if (t.group[k]) {
                    readGroup(k);
                } else {
                    readWord(k);
                }
            }
            Candidate nameCand = null;
            if (nameIdx == 1) {
                Candidate c = candidate(s, t.start[1], t.end[1]);
                if (c != null && c.ident == null && c.gluedName == null) {
                    nameCand = c;
                }
            }
            Candidate c;
            int src;
            if (groupCand != null) {
                c = groupCand;
                src = SRC_GROUP;
            } else if (topCand != null) {
                c = topCand;
                src = SRC_TOP;
            } else {
                c = nameCand;
                src = SRC_NAME;
            }
            if (isLocalName(name) && (c == null || c.ip == null || isLoopback(c.ip))) {
                return LOCAL_PICKUP;
            }
            if (src != SRC_GROUP && (protocol.equalsIgnoreCase("local") || startsWithIgnoreCase(protocol, "local-")
                    || protocol.equalsIgnoreCase("BSMTP"))) {
                // Exim's "from USER by HOST with local", batched SMTP: no network peer. An address the MTA put
                // in a comment ("from x ([1.2.3.4]) by y with local", forged) is still reported.
                return LOCAL_PROTOCOL;
            }
            if (c == null) {
                return NO_IP;
            }
            if (c.ip == null) {
                return new Hop.Unparsed("invalid IP address literal: " + clip(c.raw));
            }
            if (byIdx < 0) {
                return NO_BY;
            }
            return relay(c, src);
        }

        private boolean isClauseKeyword(int k) {
            return t.is(s, k, "by") || t.is(s, k, "with") || t.is(s, k, "via") || t.is(s, k, "id") || t.is(s, k, "for");
        }

        /** Protocol after the first {@code with}/{@code via}; fetchmail, {@code (via HTTP)}, {@code (authenticated as ...)}. */
        private void readAfterBy() {
            if (byIdx < 0) {
                return;
            }
            for (int k = byIdx + 1; k < t.n; k++) {
                if (t.group[k]) {
                    int a = t.start[k];
                    int b = t.end[k];
                    while (a < b && s.charAt(a) == ' ') {
                        a++;
                    }
                    int c0 = a < b ? s.charAt(a) | 0x20 : 0;
                    if (c0 == 'f' && s.regionMatches(true, a, "fetchmail", 0, 9)) {
                        fetchmail = true;
                    } else if (c0 == 'v' && b - a >= 8 && s.regionMatches(true, a, "via HTTP", 0, 8) && (b - a == 8 || s.charAt(a + 8) == ' ')) {
                        viaHttp = true;
                    } else if (c0 == 'a' && s.regionMatches(true, a, "authenticated as ", 0, 17)) {
                        criticalPath = true;
                    }
                    continue;
                }
                if (protocol.isEmpty() && (t.is(s, k, "with") || t.is(s, k, "via"))) {
                    for (int m = k + 1; m < t.n; m++) {
                        if (!t.group[m]) {
                            protocol = stripTrailing(t.text(s, m), ',');
                            break;
                        }
                    }
                }
            }
        }

        private void readWord(int k) {
            if (t.is(s, k, "claiming") && k + 3 < fromEnd && t.is(s, k + 1, "to") && t.is(s, k + 2, "be") && !t.group[k + 3]) {
                String h = t.text(s, k + 3);
                if (h.length() >= 2 && h.charAt(0) == '"' && h.charAt(h.length() - 1) == '"') {
                    h = h.substring(1, h.length() - 1);
                }
                explicitHelo = h;
                return;
            }
            if (topCand == null && groupCand == null) {
                Candidate c = candidate(s, t.start[k], t.end[k]);
                if (c != null && c.bracketed) {
                    topCand = c;
                }
            }
        }

        private void readGroup(int k) {
            if (g == null) {
                g = new Tokens();
            }
            tokenize(s, t.start[k], t.end[k], g);
            if (g.n == 0) {
                return;
            }
            boolean word0 = !g.group[0];
            if (word0 && (g.is(s, 0, "HELO") || g.is(s, 0, "EHLO") || g.is(s, 0, "LHLO"))) {
                heloGroup = true;
                explicitHelo = g.n > 1 && !g.group[1] ? g.text(s, 1) : "";
                return;
            }
            if (word0 && g.is(s, 0, "account")) {
                account = true;
                for (int j = 1; j + 1 < g.n; j++) {
                    if ((g.is(s, j, "HELO") || g.is(s, j, "EHLO")) && !g.group[j + 1]) {
                        explicitHelo = g.text(s, j + 1);
                        break;
                    }
                }
                return;
            }
            if (word0 && g.is(s, 0, "AUTH:")) {
                if (g.n > 1 && !g.group[1] && courierMech == null) {
                    courierMech = stripTrailing(g.text(s, 1), ',');
                }
                return;
            }
            if (word0 && g.n > 2 && g.is(s, 0, "Authenticated") && g.is(s, 1, "sender:")) {
                postfixAuth = true;
                return;
            }
            for (int j = 0; j < g.n; j++) {
                if (g.is(s, j, "authenticated")) {
                    sendmailAuth = true;
                    return;
                }
            }
            Candidate bracketed = null;
            int bracketedIdx = -1;
            Candidate plain = null;
            boolean verifiedHere = false;
            int words = 0;
            for (int j = 0; j < g.n; j++) {
                if (g.group[j]) {
                    continue;
                }
                words++;
                int a = g.start[j];
                int b = g.end[j];
                if (b - a >= 5 && s.regionMatches(true, a, "helo=", 0, 5)) {
                    explicitHelo = s.substring(a + 5, b);
                    continue;
                }
                if (b - a >= 6 && s.regionMatches(true, a, "ident=", 0, 6)) {
                    eximIdent = s.substring(a + 6, b);
                    continue;
                }
                if (g.is(s, j, "verified")) {
                    verifiedHere = true;
                    continue;
                }
                Candidate c = candidate(s, a, b);
                if (c == null) {
                    continue;
                }
                if (c.bracketed) {
                    if (bracketed == null) {
                        bracketed = c;
                        bracketedIdx = j;
                    }
                } else if (plain == null) {
                    plain = c;
                }
            }
            if (bracketed == null && plain == null) {
                if (groupCand == null && topCand == null && singleWordGroup == null && g.n == 1 && words == 1) {
                    singleWordGroup = g.text(s, 0);
                }
                return;
            }
            if (groupCand != null) {
                return;
            }
            groupCand = bracketed != null ? bracketed : plain;
            verified = verifiedHere;
            groupGlued = t.glued[k];
            if (bracketed != null) {
                if (bracketed.gluedName != null) {
                    groupRdnsWord = bracketed.gluedName;
                } else if (bracketedIdx >= 1 && !g.group[bracketedIdx - 1]) {
                    groupRdnsWord = g.text(s, bracketedIdx - 1);
                }
            }
        }

        private Hop relay(Candidate c, int src) {
            String rdns = "";
            String helo = "";
            String ident = c.ident == null ? "" : c.ident;
            int eximAt = s.indexOf("Exim");
            boolean exim = eximAt >= 0 && eximAt < mainEnd;
            boolean nameIsAddress = name.startsWith("[") || isIpLiteral(name);
            switch (src) {
                case SRC_GROUP -> {
                    if (c.bracketed) {
                        if (groupRdnsWord != null) {
                            // sendmail, Postfix, simta: from HELO (RDNS [IP])
                            String w = groupRdnsWord;
                            int at = w.lastIndexOf('@');
                            if (at >= 0) {
                                ident = identOf(w, 0, at);
                                w = w.substring(at + 1);
                            }
                            rdns = reverseName(w);
                            helo = name;
                        } else if (c.ident != null) {
                            helo = name; // sendmail: from HELO (ident@[IP])
                        } else if (explicitHelo != null && !heloGroup) {
                            rdns = reverseName(name); // Exim, ecelerity: from RDNS ([IP] helo=HELO)
                        } else if (verified || c.portInside || exim) {
                            // CommuniGate "verified", ecelerity [IP:port], Exim: the name is the checked reverse name
                            rdns = reverseName(name);
                            helo = nameIsAddress && c.portInside ? "" : name;
                        } else if (heloGroup) {
                            rdns = qmailRemote(name); // qmail-ldap: from RDNS (HELO x) ([IP])
                        } else {
                            helo = name; // sendmail, Exchange, CommuniGate: from HELO ([IP])
                        }
                    } else if (groupGlued) {
                        // obtuse smtpd, smap: from RDNS(IP)[, claiming to be "HELO"]
                        rdns = name.equalsIgnoreCase("UNKNOWN") ? "" : name;
                    } else if (heloGroup) {
                        rdns = qmailRemote(name); // qmail: from RDNS (HELO x) (ident@IP)
                    } else if (c.port || name.indexOf('.') < 0 || nameIsAddress) {
                        helo = name; // XMail (IP:port), Scalix; a dotless or literal name is no reverse name
                    } else {
                        rdns = name; // qmail leaves out HELO when it equals the reverse name
                        helo = name;
                    }
                }
                case SRC_TOP -> {
                    if (heloGroup) {
                        rdns = reverseName(name); // GMX: from RDNS (EHLO x) [IP]
                    } else if (singleWordGroup != null) {
                        rdns = reverseName(name); // Exim 3: from RDNS (HELO) [IP]
                        helo = singleWordGroup;
                    } else if (exim) {
                        rdns = reverseName(name);
                        helo = name;
                    } else {
                        helo = name;
                    }
                }
                default -> {
                    // the address is the name: from [IP] ..., from IP by ...
                    if (name.startsWith("[")) {
                        helo = account ? "" : name;
                    }
                }
            }
            if (explicitHelo != null) {
                helo = explicitHelo;
            }
            if (ident.isEmpty() && eximIdent != null) {
                ident = eximIdent;
            }
            String by = "";
            if (byIdx + 1 < t.n && !t.group[byIdx + 1] && !isClauseKeyword(byIdx + 1)) {
                by = stripTrailing(t.text(s, byIdx + 1), ',');
            }
            String auth = auth(by, src);
            if (isWebmail(auth)) {
                helo = ""; // no HELO in HTTP; what stands there is not one
                rdns = "";
            }
            OffsetDateTime time = semi < 0 ? null : ReceivedDates.parse(s, semi + 1, s.length());
            return new Hop.Relay(c.ip, rdns, helo, by, ident, envelopeFrom(), id(), auth, time);
        }

        private String auth(String by, int src) {
            if (isAuthProtocol(protocol)) {
                return protocol;
            }
            if (viaHttp) {
                return "HTTP";
            }
            if (courierMech != null && !courierMech.isEmpty()) {
                return courierMech;
            }
            if (postfixAuth) {
                return "Postfix";
            }
            if (sendmailAuth) {
                return "Sendmail";
            }
            if (criticalPath) {
                return "CriticalPath";
            }
            if (heloGroup && src == SRC_TOP && (by.equalsIgnoreCase("mail.gmx.net") || by.equalsIgnoreCase("mail.gmx.com"))) {
                // GMX's submission proxy writes this form only for authenticated users
                return "GMX (" + protocol + " / " + by + ")";
            }
            return "";
        }

        private String id() {
            for (int k = 2; k + 1 < t.n; k++) {
                if (t.is(s, k, "id") && !t.group[k + 1]) {
                    String v = cleanId(s, t.start[k + 1], t.end[k + 1]);
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
            if (semi >= 0) {
                // some MTAs put the id after the date: "...; Thu, 10 Nov 2005 08:24:21 -0600 id 000000DB.4373"
                int n = s.length();
                int i = semi + 1;
                while (i < n) {
                    while (i < n && s.charAt(i) == ' ') {
                        i++;
                    }
                    int j = i;
                    while (j < n && s.charAt(j) != ' ') {
                        j++;
                    }
                    if (j - i == 2 && s.regionMatches(true, i, "id", 0, 2) && j + 1 < n) {
                        int e = s.indexOf(' ', j + 1);
                        String v = cleanId(s, j + 1, e < 0 ? n : e);
                        if (!v.isEmpty()) {
                            return v;
                        }
                    }
                    i = j;
                }
            }
            return "";
        }

        private String envelopeFrom() {
            // "envelope-from x", "envelope-sender <x>", "return-path: <x>": find the '-' first (rare), then the words around it
            int n = s.length();
            int valueAt = -1;
            for (int dash = s.indexOf('-'); dash >= 0 && valueAt < 0; dash = s.indexOf('-', dash + 1)) {
                if (dash >= 8 && s.regionMatches(true, dash - 8, "envelope-", 0, 9)) {
                    if (s.regionMatches(true, dash + 1, "from", 0, 4)) {
                        valueAt = dash + 5;
                    } else if (s.regionMatches(true, dash + 1, "sender", 0, 6)) {
                        valueAt = dash + 7;
                    }
                } else if (dash >= 6 && s.regionMatches(true, dash - 6, "return-path", 0, 11)) {
                    valueAt = dash + 5;
                }
            }
            if (valueAt >= 0) {
                int i = valueAt;
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '=' || s.charAt(i) == ':' || s.charAt(i) == '<')) {
                    i++;
                }
                int j = i;
                while (j < n && " <>(),;\"".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                if (j > i && i > valueAt) {
                    return s.substring(i, j);
                }
            }
            // XMail: "... for <rcpt> from <sender>"
            for (int k = byIdx + 1; k > 0 && k + 1 < t.n; k++) {
                if (t.is(s, k, "from") && !t.group[k + 1] && s.charAt(t.start[k + 1]) == '<') {
                    String v = cleanId(s, t.start[k + 1], t.end[k + 1]);
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
            return "";
        }
    }

    private static boolean isFetchProtocol(String p) {
        return p.equalsIgnoreCase("POP3") || p.equalsIgnoreCase("POP") || p.equalsIgnoreCase("POP3S") || p.equalsIgnoreCase("IMAP")
                || p.equalsIgnoreCase("IMAP4") || p.equalsIgnoreCase("IMAPS");
    }

    /** RFC 3848 / RFC 6531 authenticated protocol names, ASMTP, and webmail over HTTP. */
    private static boolean isAuthProtocol(String p) {
        switch (p.length()) {
            case 4, 5, 6, 7, 9, 10 -> {
                return p.equalsIgnoreCase("HTTP") || p.equalsIgnoreCase("HTTPS") || p.equalsIgnoreCase("HTTPU") || p.equalsIgnoreCase("ASMTP")
                        || p.equalsIgnoreCase("ESMTPA") || p.equalsIgnoreCase("ESMTPSA") || p.equalsIgnoreCase("LMTPA")
                        || p.equalsIgnoreCase("LMTPSA") || p.equalsIgnoreCase("UTF8SMTPA") || p.equalsIgnoreCase("UTF8SMTPSA")
                        || p.equalsIgnoreCase("UTF8LMTPA") || p.equalsIgnoreCase("UTF8LMTPSA");
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean isWebmail(String auth) {
        return auth.equalsIgnoreCase("HTTP") || auth.equalsIgnoreCase("HTTPS") || auth.equalsIgnoreCase("HTTPU");
    }

    private static boolean isIpLiteral(String w) {
        return !w.isEmpty() && normalizeIp(w) != null;
    }

    /** A name as a reverse-DNS result: empty for markers ({@code unknown}, {@code softdnserr}) and literals. */
    private static String reverseName(String w) {
        if (w.isEmpty() || w.equalsIgnoreCase("unknown") || w.equalsIgnoreCase("softdnserr") || w.equalsIgnoreCase("unverified")
                || w.charAt(0) == '[' || w.charAt(0) == '<' || isIpLiteral(w)) {
            return "";
        }
        return w;
    }

    /** qmail's remote host as written ({@code unknown} when tcpserver found none). */
    private static String qmailRemote(String w) {
        return w.equalsIgnoreCase("unknown") || w.startsWith("[") ? "" : w;
    }

    private static boolean isLocalName(String w) {
        return w.equalsIgnoreCase("localhost") || w.equalsIgnoreCase("localhost.localdomain") || w.equals("::1")
                || (w.startsWith("127.") && isIpLiteral(w));
    }

    private static String cleanId(String s, int a, int b) {
        if (a < b && s.charAt(a) == '<') {
            a++;
        }
        int e = a;
        while (e < b && s.charAt(e) != '>' && s.charAt(e) != '<') {
            e++;
        }
        while (e > a && s.charAt(e - 1) == ',') {
            e--;
        }
        return s.substring(a, e);
    }
}
