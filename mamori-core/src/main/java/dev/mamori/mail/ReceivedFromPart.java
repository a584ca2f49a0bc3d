package dev.mamori.mail;

import static dev.mamori.mail.ReceivedIp.candidate;
import static dev.mamori.mail.ReceivedIp.identOf;
import static dev.mamori.mail.ReceivedIp.isIpLiteral;
import static dev.mamori.mail.ReceivedTokens.stripTrailing;
import static dev.mamori.mail.ReceivedTokens.tokenize;

import dev.mamori.mail.ReceivedIp.Candidate;

/**
 * The from-part of one {@code Received:} line (between {@code from} and the first clause keyword),
 * read by shape rather than by MTA name: its words ({@link #readWord}) and comments
 * ({@link #readGroup}) leave facts here, and {@link #nameClient} turns them into the client's reverse
 * name, HELO and ident. The state of {@link ReceivedParser}'s reader for one line, which extends it;
 * not reused.
 */
abstract class ReceivedFromPart {

    // where the client address was found: in a comment, in a bracketed word after the name, as the name itself
    static final int SRC_GROUP = 1;
    static final int SRC_TOP = 2;
    static final int SRC_NAME = 3;

    final String s;
    final ReceivedTokens t = new ReceivedTokens();
    ReceivedTokens g;
    int mainEnd;
    int fromEnd;
    String name = "";
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
    // the client as the from-part names it: set by nameClient
    String rdns;
    String helo;
    String ident;

    ReceivedFromPart(String s) {
        this.s = s;
    }

    final void readWord(int k) {
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

    final void readGroup(int k) {
        if (g == null) {
            g = new ReceivedTokens();
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
        if (groupCand != null && !(groupGlued && !t.glued[k])) {
            return;
        }
        // a group glued to the HELO word is part of what the client said ("HELO x(y[127.0.0.1])"); a later group
        // the receiving MTA wrote after a space is what it recorded, so it wins
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

    /** Sets {@link #rdns}, {@link #helo} and {@link #ident} for the client address {@code c} found at {@code src}. */
    final void nameClient(Candidate c, int src) {
        rdns = "";
        helo = "";
        ident = c.ident == null ? "" : c.ident;
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
}
