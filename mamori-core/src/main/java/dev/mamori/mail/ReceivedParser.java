package dev.mamori.mail;

import static dev.mamori.mail.ReceivedIp.candidate;
import static dev.mamori.mail.ReceivedTokens.dateSeparator;
import static dev.mamori.mail.ReceivedTokens.envelopeFrom;
import static dev.mamori.mail.ReceivedTokens.id;
import static dev.mamori.mail.ReceivedTokens.indexOfIgnoreCase;
import static dev.mamori.mail.ReceivedTokens.stripTrailing;
import static dev.mamori.mail.ReceivedTokens.tokenize;

import dev.mamori.mail.ReceivedIp.Candidate;
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

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    // ------------------------------------------------------------------------------------------
    // the reader

    /**
     * State for reading one line: the flow, the skip rules, the clauses after {@code by}; the from-part
     * is read by {@link ReceivedFromPart}. Not reused.
     */
    private static final class Reader extends ReceivedFromPart {
        int semi;
        int byIdx = -1;
        int nameIdx = -1;
        String protocol = "";
        boolean fetchmail;
        boolean viaHttp;
        boolean criticalPath;

        Reader(String s) {
            super(s);
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
            if (isLocalName(name) && (c == null || c.ip == null || SpecialAddresses.isLoopback(c.ip))) {
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

        private Hop relay(Candidate c, int src) {
            nameClient(c, src);
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
            return new Hop.Relay(c.ip, rdns, helo, by, ident, envelopeFrom(s, t, byIdx), id(s, t, semi), auth, time);
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

    /**
     * "localhost", or a bare loopback address written as the name ({@link SpecialAddresses}; leading zeros allowed,
     * as everywhere in this parser). A bracketed literal ("[127.0.0.1]") is not a name, as SpamAssassin has it.
     */
    private static boolean isLocalName(String w) {
        if (w.equalsIgnoreCase("localhost") || w.equalsIgnoreCase("localhost.localdomain")) {
            return true;
        }
        if (w.isEmpty() || w.charAt(0) == '[' || w.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return false;
        }
        String ip = ReceivedIp.normalizeIp(w);
        return ip != null && SpecialAddresses.isLoopback(ip);
    }
}
