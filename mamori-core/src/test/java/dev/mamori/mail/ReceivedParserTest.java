package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReceivedParserTest {

    // ------------------------------------------------------------------------------------------
    // SpamAssassin 4.0.1 vectors (README-received-vectors.md)

    static final String[] FIELDS = {"ip", "rdns", "helo", "by", "ident", "envfrom", "id", "auth"};

    /**
     * Rows (by the start of their header value) and fields where our answer knowingly differs from
     * SpamAssassin's, each with the reason ours is the one to keep. ip, by and auth may never be
     * listed. Empty: we agree on every field of every row.
     */
    static final Map<String, Set<String>> KNOWN_DIFFERENCES = Map.of();

    record Vector(int line, String value, Map<String, String> sa) {
        boolean ignored() {
            return sa == null;
        }

        @Override
        public String toString() {
            return "line " + line + ": " + (value.length() > 90 ? value.substring(0, 90) + "..." : value);
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (InputStream in = ReceivedParserTest.class.getResourceAsStream("sa-rcvd-parser-vectors.tsv")) {
            assertThat(in).as("sa-rcvd-parser-vectors.tsv on the test class path").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String l;
            int line = 0;
            while ((l = r.readLine()) != null) {
                line++;
                if (line == 1) {
                    continue; // header row
                }
                int tab = l.lastIndexOf('\t');
                String value = l.substring(0, tab);
                String relay = l.substring(tab + 1).trim();
                out.add(new Vector(line, value, relay.isEmpty() ? null : saFields(relay)));
            }
        }
        return out;
    }

    /** {@code [ ip=... rdns=... ... auth=... msa=0 ]} into field → value (values may hold spaces). */
    static Map<String, String> saFields(String relay) {
        String body = relay.substring(relay.indexOf('[') + 1, relay.lastIndexOf(']')).trim() + " ";
        Map<String, String> m = new LinkedHashMap<>();
        String[] keys = {"ip", "rdns", "helo", "by", "ident", "envfrom", "id", "auth", "msa"};
        int pos = 0;
        for (int k = 0; k < keys.length; k++) {
            String key = keys[k] + "=";
            int at = k == 0 ? body.indexOf(key) : body.indexOf(" " + key, pos) + 1;
            int valueStart = at + key.length();
            int next = k + 1 < keys.length ? body.indexOf(" " + keys[k + 1] + "=", valueStart) : body.length();
            m.put(keys[k], body.substring(valueStart, next).trim());
            pos = next;
        }
        return m;
    }

    static Stream<Vector> rows() throws IOException {
        return vectors().stream();
    }

    /**
     * SpamAssassin replaces whitespace, NUL, '#', brackets, parentheses, angle brackets and '|' by '!'
     * in its relay string ({@code helo=!10.0.0.1!} for the literal {@code [10.0.0.1]}); we keep the
     * text as written. Compare after applying the same masking to our value.
     */
    static String saMasked(String field, String v) {
        if (field.equals("id") || field.equals("auth")) {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            b.append(Character.isWhitespace(c) || "\0#[]()<>|".indexOf(c) >= 0 ? '!' : c);
        }
        return b.toString();
    }

    static String field(Hop.Relay r, String f) {
        return switch (f) {
            case "ip" -> r.ip();
            case "rdns" -> r.rdns();
            case "helo" -> r.helo();
            case "by" -> r.by();
            case "ident" -> r.ident();
            case "envfrom" -> r.envfrom();
            case "id" -> r.id();
            case "auth" -> r.auth();
            default -> throw new IllegalArgumentException(f);
        };
    }

    static Set<String> knownDifferences(Vector v) {
        for (Map.Entry<String, Set<String>> e : KNOWN_DIFFERENCES.entrySet()) {
            if (v.value().startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return Set.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithSpamAssassin(Vector v) {
        Hop hop = ReceivedParser.parse(v.value());
        if (v.ignored()) {
            // SpamAssassin ignores the line: so must we, and never with a client address
            assertThat(hop).as(v.value()).isNotInstanceOf(Hop.Relay.class);
            return;
        }
        assertThat(hop).as(v.value()).isInstanceOf(Hop.Relay.class);
        Hop.Relay r = (Hop.Relay) hop;
        Set<String> known = knownDifferences(v);
        for (String f : FIELDS) {
            if (known.contains(f)) {
                continue;
            }
            assertThat(saMasked(f, field(r, f))).as(f + " of " + v.value()).isEqualTo(v.sa().get(f));
        }
    }

    @Test
    void agreementPerField() throws IOException {
        List<Vector> vs = vectors();
        assertThat(vs).hasSize(144);
        Map<String, Integer> agree = new LinkedHashMap<>();
        for (String f : FIELDS) {
            agree.put(f, 0);
        }
        int parsed = 0;
        int ignoredAgree = 0;
        int ignored = 0;
        int known = 0;
        for (Vector v : vs) {
            Hop hop = ReceivedParser.parse(v.value());
            if (v.ignored()) {
                ignored++;
                if (!(hop instanceof Hop.Relay)) {
                    ignoredAgree++;
                }
                continue;
            }
            parsed++;
            known += knownDifferences(v).size();
            if (hop instanceof Hop.Relay r) {
                for (String f : FIELDS) {
                    if (saMasked(f, field(r, f)).equals(v.sa().get(f))) {
                        agree.merge(f, 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("Received parser vs SpamAssassin 4.0.1: ");
        report.append(parsed).append(" parsed rows:");
        agree.forEach((f, n) -> report.append(' ').append(f).append('=').append(n));
        report.append("; ignored rows not read as relays: ").append(ignoredAgree).append('/').append(ignored);
        System.out.println(report);
        assertThat(parsed).isEqualTo(110);
        assertThat(ignoredAgree).isEqualTo(ignored);
        for (String f : List.of("ip", "by", "auth")) {
            assertThat(agree.get(f)).as(f).isEqualTo(parsed);
        }
        int total = agree.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isEqualTo(parsed * FIELDS.length - known);
    }

    // ------------------------------------------------------------------------------------------
    // formats from the spam sample and from our own trap

    static Hop.Relay relay(String value) {
        Hop h = ReceivedParser.parse(value);
        assertThat(h).as(value).isInstanceOf(Hop.Relay.class);
        return (Hop.Relay) h;
    }

    static void assertRelay(String value, String ip, String rdns, String helo, String by) {
        Hop.Relay r = relay(value);
        assertThat(r.ip()).as("ip of " + value).isEqualTo(ip);
        assertThat(r.rdns()).as("rdns of " + value).isEqualTo(rdns);
        assertThat(r.helo()).as("helo of " + value).isEqualTo(helo);
        assertThat(r.by()).as("by of " + value).isEqualTo(by);
    }

    @Test
    void sendmailAndPostfixFromTheSample() {
        Hop.Relay r = relay("from mailbox-11.st1.spray.net (mailbox-11.st1.spray.net [212.78.202.111]) by webnote.net (8.9.3/8.9.3)"
                + " with ESMTP id SAA05992; Sat, 27 Jul 2002 05:11:37 +0100");
        assertThat(r).isEqualTo(new Hop.Relay("212.78.202.111", "mailbox-11.st1.spray.net", "mailbox-11.st1.spray.net", "webnote.net",
                "", "", "SAA05992", "", OffsetDateTime.of(2002, 7, 27, 5, 11, 37, 0, ZoneOffset.ofHours(1))));
        assertRelay("from smtp7a6a (ATHM-216-217-xxx-158.newedgenetworks.com [216.217.85.158] (may be forged)) by mandark.labs.netnoteinc.com"
                + " (8.11.6/8.11.2) with ESMTP id g565WOm11443 for <jm@netnoteinc.com>; Thu, 6 Jun 2002 06:32:26 +0100",
                "216.217.85.158", "ATHM-216-217-xxx-158.newedgenetworks.com", "smtp7a6a", "mandark.labs.netnoteinc.com");
        assertRelay("from ns1.winernet.com (unknown [202.96.172.214]) by mail.netnoteinc.com (Postfix) with ESMTP id 88DA011410E"
                + " for <jm7@netnoteinc.com>; Wed,  1 Aug 2001 05:29:43 +0000 (Eire)", "202.96.172.214", "", "ns1.winernet.com",
                "mail.netnoteinc.com");
        Hop.Relay ident = relay("from bluemail.dk (IDENT:nobody@[211.57.216.185]) by webnote.net (8.9.3/8.9.3) with SMTP id WAA12021;"
                + " Thu, 29 Aug 2002 22:32:54 +0100");
        assertThat(ident.ip()).isEqualTo("211.57.216.185");
        assertThat(ident.ident()).isEqualTo("nobody");
        assertThat(ident.helo()).isEqualTo("bluemail.dk");
        // unbracketed literal standing for the reverse name (Exchange IMS): not a reverse name
        assertRelay("from onz (204.145.237.129 [204.145.237.129]) by nexus.wbmultimedia.com.sg with SMTP (Microsoft Exchange Internet"
                + " Mail Service Version 5.5.2653.13) id TC5LX1H8; Tue, 24 Sep 2002 14:04:50 +0800", "204.145.237.129", "", "onz",
                "nexus.wbmultimedia.com.sg");
        assertRelay("from r-mail2.hanmail.net (unverified [207.191.164.65]) by msdmail.co.kr (EMWAC SMTPRS 0.83) with SMTP id"
                + " <B0000215474@msdmail.co.kr>; Sat, 14 Sep 2002 09:30:21 +0900", "207.191.164.65", "", "r-mail2.hanmail.net",
                "msdmail.co.kr");
    }

    @Test
    void bracketedAndUnbracketedAddresses() {
        assertRelay("from [49.164.250.3] by rly-xw01.mx.aol.com with SMTP; Jul, 22 2002 10:54:48 AM -0800", "49.164.250.3", "",
                "[49.164.250.3]", "rly-xw01.mx.aol.com");
        assertRelay("from unknown (124.215.35.163) by rly-xw01.mx.aol.com with QMQP; Aug, 26 2002 11:16:45 AM +1100", "124.215.35.163",
                "", "unknown", "rly-xw01.mx.aol.com");
        assertRelay("from 82.60.152.190 ([82.60.152.190]) by smtp4.cyberec.com with QMQP; Jul, 22 2002 9:46:37 AM +0700",
                "82.60.152.190", "", "82.60.152.190", "smtp4.cyberec.com");
        assertRelay("from 208.152.233.32 by executive01.amerecruitment.com.au (InterScan E-Mail VirusWall NT); Wed, 05 Jun 2002"
                + " 16:16:03 +0800", "208.152.233.32", "", "", "executive01.amerecruitment.com.au");
        assertRelay("from jyybg.excite.com [66.134.56.234] by secrephone.com (SMTPD32-6.04) id A3F0E9E00D4; Wed, 28 Aug 2002"
                + " 01:40:05 -0400", "66.134.56.234", "", "jyybg.excite.com", "secrephone.com");
        assertRelay("from (schabmueller.de) [62.157.239.77] by post.wwl.de with smtp (Exim 3.12 #1) id 17j2zG-0003Pa-00 (Debian);"
                + " Fri, 26 Jul 2002 10:46:44 +0200", "62.157.239.77", "", "schabmueller.de", "post.wwl.de");
        assertRelay("from IP1.centra.worldwithoutwire.com(209.162.229.98), claiming to be \"exchangeserver1.int.centra-ind.com\""
                + " via SMTP by mail.nonline.net, id smtpdV82674; Sun Jul 29 11:34:20 2001", "209.162.229.98",
                "IP1.centra.worldwithoutwire.com", "exchangeserver1.int.centra-ind.com", "mail.nonline.net");
        assertRelay("from localhost.localdomain ([211.101.236.180]) by webnote.net (8.9.3/8.9.3) with ESMTP id IAA16752 for"
                + " <jm@jmason.org>; Mon, 3 Jun 2002 08:58:49 +0100", "211.101.236.180", "", "localhost.localdomain", "webnote.net");
        // leading zeros are read as decimal and dropped
        assertRelay("from x (y.example [010.001.020.003]) by z.example with ESMTP id 1; Mon, 3 Jun 2002 08:58:49 +0100", "10.1.20.3",
                "y.example", "x", "z.example");
        // IPv6 client, compressed and lower-cased; IPv4-mapped becomes IPv4
        assertRelay("from mx.example (mx.example [IPv6:2001:DB8:0:0:0:0:0:25]) by in.example (Postfix) with ESMTPS id 4F; Sat,"
                + " 16 Oct 2004 21:30:02 +0000", "2001:db8::25", "mx.example", "mx.example", "in.example");
        assertRelay("from a.example ([::ffff:198.51.100.7]) by b.example with esmtp; Mon, 18 Aug 2003 15:37:48 +0300", "198.51.100.7", "",
                "a.example", "b.example");
    }

    @Test
    void invalidAddressesAreNotAddresses() {
        assertThat(ReceivedParser.parse("from x (y.example [999.1.1.1]) by z.example with ESMTP id 1; Mon, 3 Jun 2002 08:58:49 +0100"))
                .isInstanceOf(Hop.Unparsed.class);
        assertThat(ReceivedParser.parse("from 999.1.1.1 by z.example with SMTP; Mon, 3 Jun 2002 08:58:49 +0100"))
                .isInstanceOf(Hop.Unparsed.class);
        assertThat(ReceivedParser.parse("from x ([1.2.3]) by z.example with SMTP")).isNotInstanceOf(Hop.Relay.class);
        assertThat(ReceivedParser.parse("from x ([1.2.3.4.5.6]) by z.example with SMTP")).isNotInstanceOf(Hop.Relay.class);
        assertThat(ReceivedParser.parse("from x (y [2001:db8::1::2]) by z.example with SMTP")).isInstanceOf(Hop.Unparsed.class);
        assertThat(ReceivedParser.parse("from x (y [1.2.3.4]) with SMTP")).isInstanceOf(Hop.Unparsed.class);
        assertThat(ReceivedIp.normalizeIp("1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(ReceivedIp.normalizeIp("001.002.003.004")).isEqualTo("1.2.3.4");
        assertThat(ReceivedIp.normalizeIp("[IPv6:2001:db8:0:0:1:0:0:1]")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ReceivedIp.normalizeIp("2001:0db8:0000:0000:0000:ff00:0042:8329")).isEqualTo("2001:db8::ff00:42:8329");
        assertThat(ReceivedIp.normalizeIp("::")).isEqualTo("::");
        assertThat(ReceivedIp.normalizeIp("::1")).isEqualTo("::1");
        assertThat(ReceivedIp.normalizeIp("1::")).isEqualTo("1::");
        assertThat(ReceivedIp.normalizeIp("2001:db8:1:1:1:1:1:0")).isEqualTo("2001:db8:1:1:1:1:1:0");
        assertThat(ReceivedIp.normalizeIp("::FFFF:10.0.0.1")).isEqualTo("10.0.0.1");
        for (String bad : new String[] {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1234.1.1.1", "1..2.3", "12345::", "1:2:3:4:5:6:7:8:9", ":1::",
            "1:::2", "host.example", "", "::ffff:1.2.3.256"}) {
            assertThat(ReceivedIp.normalizeIp(bad)).as(bad).isNull();
        }
    }

    @Test
    void notRelayHandOvers() {
        String[] skipped = {
            "from mail.webnote.net [193.120.211.219] by localhost with POP3 (fetchmail-5.9.0) for zzzz@localhost (single-drop);"
                + " Mon, 26 Aug 2002 15:13:35 +0100 (IST)",
            "from phobos [127.0.0.1] by localhost with IMAP (fetchmail-5.9.0) for zzzz@localhost (single-drop); Mon, 02 Sep 2002"
                + " 16:25:31 +0100 (IST)",
            "from localhost (localhost [127.0.0.1]) by phobos.labs.spamassassin.taint.org (Postfix) with ESMTP id 7611443F99 for"
                + " <zzzz@localhost>; Mon, 26 Aug 2002 17:18:12 -0400 (EDT)",
            "from localhost (jalapeno [127.0.0.1]) by zzzzason.org (Postfix) with ESMTP id 648B016F7B for <zzzz@localhost>; Tue,  3 Sep"
                + " 2002 14:31:00 +0100 (IST)",
            "(qmail 20707 invoked by uid 1012); 25 Aug 2002 04:58:17 -0000",
            "(qmail 64810 messnum 521750 invoked from network[159.134.237.78/wendell.eircom.net]); 8 Mar 2004 23:59:05 -0000",
            "from mail pickup service by hotmail.com with Microsoft SMTPSVC; Tue, 16 Mar 2004 18:12:31 -0800",
            "by alpha03.esi.co.kr id AA12345; Wed, 28 Aug 2002 03:04:00 +0100",
            "(from www-data@localhost) by mail.virtualed.org (8.11.1/8.9.3/Debian 8.9.3-21) id g7ND33I22386; Fri, 23 Aug 2002 09:03:03 -0400",
            "from fwd03.sul.t-online.de by mailout05.sul.t-online.com with smtp id 17cjaD-0000sk-06; Wed, 7 Aug 2002 09:29:37 +0200",
            "from [14.102.59.97] by rly-xr02.mx.aol.com with local; Fri, 2 Aug 2002 04:17:07 +1200",
            "from 127.0.0.1 (AVG SMTP 7.0.299 [265.6.8]); Wed, 05 Jan 2005 15:06:48 -0800",
            "",
            "   \r\n\t ",
        };
        for (String v : skipped) {
            assertThat(ReceivedParser.parse(v)).as(v).isInstanceOf(Hop.Skipped.class);
        }
        assertThat(ReceivedParser.parse(null)).isInstanceOf(Hop.Skipped.class);
        // a local content filter handing back over loopback is a relay in SpamAssassin's sense (its ip is 127.0.0.1)
        assertRelay("from av.example (localhost [127.0.0.1]) by mx.example (Postfix) with ESMTP id 1; Mon, 26 Aug 2002 17:18:12 -0400",
                "127.0.0.1", "localhost", "av.example", "mx.example");
    }

    @Test
    void mamoriTrapLine() {
        Hop.Relay r = relay("from helo.example (unknown [203.0.113.9]) by trap.example.jp (Mamori trap) with ESMTP id 7f3a9c for"
                + " <info@example.jp>; Tue, 2 Jan 2024 09:15:00 +0900");
        assertThat(r).isEqualTo(new Hop.Relay("203.0.113.9", "", "helo.example", "trap.example.jp", "", "", "7f3a9c", "",
                OffsetDateTime.of(2024, 1, 2, 9, 15, 0, 0, ZoneOffset.ofHours(9))));
        Hop.Relay named = relay("from [192.0.2.1] (mail.example.net [198.51.100.20]) by trap.example.jp (Mamori trap) with ESMTP id"
                + " a1 for <x@example.jp>; Tue, 2 Jan 2024 00:00:01 +0000");
        assertThat(named.ip()).isEqualTo("198.51.100.20");
        assertThat(named.rdns()).isEqualTo("mail.example.net");
        assertThat(named.helo()).isEqualTo("[192.0.2.1]");
        Hop.Relay v6 = relay("from v6.example (unknown [IPv6:2001:DB8::A]) by trap.example.jp (Mamori trap) with ESMTP id b2 for"
                + " <x@example.jp>; Tue, 2 Jan 2024 00:00:01 +0000");
        assertThat(v6.ip()).isEqualTo("2001:db8::a");
        assertThat(v6.rdns()).isEmpty();
    }

    @Test
    void dates() {
        assertThat(date("Mon, 8 Mar 2004 16:07:35 -0800 (PST)")).isEqualTo(OffsetDateTime.of(2004, 3, 8, 16, 7, 35, 0, ZoneOffset.ofHours(-8)));
        assertThat(date("14 Nov 2003 08:05:52 -0000")).isEqualTo(OffsetDateTime.of(2003, 11, 14, 8, 5, 52, 0, ZoneOffset.UTC));
        assertThat(date("Wed, 12 Feb 2003 14:22:21 PST")).isEqualTo(OffsetDateTime.of(2003, 2, 12, 14, 22, 21, 0, ZoneOffset.ofHours(-8)));
        assertThat(date("18 Sep 2002 07:47:28 UT")).isEqualTo(OffsetDateTime.of(2002, 9, 18, 7, 47, 28, 0, ZoneOffset.UTC));
        assertThat(date("Mon, 05 Jun 2006 16:02:40 (EDT)")).isEqualTo(OffsetDateTime.of(2006, 6, 5, 16, 2, 40, 0, ZoneOffset.ofHours(-4)));
        assertThat(date(" 8 Mar 04 12:23:56 -0000")).isEqualTo(OffsetDateTime.of(2004, 3, 8, 12, 23, 56, 0, ZoneOffset.UTC));
        assertThat(date("Thu, 6 May 2004 17:40:44-0500")).isEqualTo(OffsetDateTime.of(2004, 5, 6, 17, 40, 44, 0, ZoneOffset.ofHours(-5)));
        assertThat(date("Sun Nov 13 14:50:12 2005")).isEqualTo(OffsetDateTime.of(2005, 11, 13, 14, 50, 12, 0, ZoneOffset.UTC));
        assertThat(date("Jul, 31 2002 10:24:56 PM +1100")).isEqualTo(OffsetDateTime.of(2002, 7, 31, 22, 24, 56, 0, ZoneOffset.ofHours(11)));
        assertThat(date("Jun, 03 2002 7:52:02 AM +0700")).isEqualTo(OffsetDateTime.of(2002, 6, 3, 7, 52, 2, 0, ZoneOffset.ofHours(7)));
        assertThat(date("Thu, 10 Nov 2005 08:24:21 -0600 id 000000DB.43735815.00001E11"))
                .isEqualTo(OffsetDateTime.of(2005, 11, 10, 8, 24, 21, 0, ZoneOffset.ofHours(-6)));
        assertThat(date("Sat, 16 Oct 2004 21:30:02 +0000 (UTC) (envelope-from bind-users-bounce@isc.org)"))
                .isEqualTo(OffsetDateTime.of(2004, 10, 16, 21, 30, 2, 0, ZoneOffset.UTC));
        // junk
        assertThat(date("29 Jul 0102 16:06:22 +0100")).isNull();
        assertThat(date("no date here")).isNull();
        assertThat(date("")).isNull();
        assertThat(date("31 Feb 2004 10:00:00 +0000")).isNull();
        assertThat(date("Mon, 8 Mar 2004 25:07:35 -0800")).isNull();
        assertThat(date("Mon, 8 Mar 2004")).isNull();
        // the date is read from after the last ';' outside parentheses
        assertThat(relay("from a (b [192.0.2.1]) by c.example with ESMTP id 1; Mon, 8 Mar 2004 16:07:35 -0800 (PST; x)").time())
                .isEqualTo(OffsetDateTime.of(2004, 3, 8, 16, 7, 35, 0, ZoneOffset.ofHours(-8)));
        assertThat(relay("from a (b [192.0.2.1]) by c.example with ESMTP id 1").time()).isNull();
    }

    static OffsetDateTime date(String d) {
        return ReceivedDates.parse(d, 0, d.length());
    }

    @Test
    void strayCarriageReturnsTabsAndEightBitJunk() {
        String clean = "from a.example (b.example [192.0.2.1]) by c.example (Postfix) with ESMTP id 4A; Mon, 8 Mar 2004 16:07:35 -0800";
        Hop.Relay expected = relay(clean);
        assertThat(relay("from a.example\r (b.example\r\n\t[192.0.2.1])\r\n by c.example (Postfix)\twith ESMTP id 4A;\r\n Mon, 8 Mar 2004"
                + " 16:07:35 -0800\r")).isEqualTo(expected);
        assertThat(relay("\u00a0from a.example (b.example [192.0.2.1]) by c.example (Postfix) with ESMTP id 4A; Mon, 8 Mar 2004 16:07:35"
                + " -0800\u0000")).isEqualTo(expected);
        Hop.Relay junk = relay("from \u00e9\u00ff\u0085x (b.example [192.0.2.1]) by c.example with ESMTP; Mon, 8 Mar 2004 16:07:35 -0800");
        assertThat(junk.ip()).isEqualTo("192.0.2.1");
        assertThat(junk.helo()).isEqualTo("\u00e9\u00ff");
    }

    @Test
    void veryLongLinesReturnQuickly() {
        Random rnd = new Random(7);
        StringBuilder random = new StringBuilder();
        while (random.length() < 100_000) {
            random.append((char) (32 + rnd.nextInt(95)));
        }
        String[] lines = {
            random.toString(),
            "from " + random,
            "from x " + "(".repeat(100_000),
            "from x " + "(y [1.2.3.4] ".repeat(8_000) + " by z",
            "from x " + "[1.2.3.4] ".repeat(10_000),
            "from " + "a ".repeat(50_000) + "by b",
            "from x (y [1.2.3.4]) by z " + "with ".repeat(20_000) + ";" + " 1".repeat(50_000),
            "from x (y [1.2.3.4]) by z " + "id ".repeat(30_000) + "; " + "id ".repeat(30_000),
            "from x (y [1.2.3.4]) by z " + "envelope-fro".repeat(8_000),
            "from x (" + "[".repeat(100_000) + ") by z",
            "from x (" + "1.".repeat(50_000) + ") by z",
            "from x (y [" + "1:".repeat(50_000) + "]) by z",
            ";".repeat(100_000),
            "from x (y [1.2.3.4]) by z; " + "Mon 1 Jan 2000 ".repeat(7_000),
        };
        for (int i = 0; i < 3; i++) {
            ReceivedParser.parse(lines[i % lines.length]); // class loading
        }
        for (String line : lines) {
            long t0 = System.nanoTime();
            Hop h = ReceivedParser.parse(line);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(h).isNotNull();
            // a bound for runaway backtracking only (quadratic on 100,000 chars takes seconds, linear a few ms): far enough
            // above the linear time that a shared, busy machine does not trip it (50 ms did, at 61 ms, in CI's JIT warm-up)
            assertThat(ms).as("ms for " + line.substring(0, 40)).isLessThan(2_000);
        }
    }

    @Test
    void neverThrowsOnMutatedVectors() throws IOException {
        List<Vector> vs = vectors();
        Random rnd = new Random(20240611);
        String alphabet = "()[]<>;:.@,=\"' \t\r\n0123456789abcdefABCDEF:fromby with id HELO EHLO IPv6:\u0000\u00ff\u3042";
        int relays = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder(vs.get(rnd.nextInt(vs.size())).value());
            int edits = 1 + rnd.nextInt(8);
            for (int e = 0; e < edits && b.length() > 0; e++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(6)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 2 -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 3 -> b.setLength(at);
                    case 4 -> b.insert(at, vs.get(rnd.nextInt(vs.size())).value(), 0, rnd.nextInt(40));
                    default -> b.insert(at, (char) rnd.nextInt(0x10000));
                }
            }
            String v = b.toString();
            Hop h = ReceivedParser.parse(v);
            assertThat(h).as(v).isNotNull();
            if (h instanceof Hop.Relay r) {
                relays++;
                assertThat(r.ip()).as(v).isNotEmpty().isEqualTo(ReceivedIp.normalizeIp(r.ip()));
                assertThat(r.rdns()).isNotNull();
                assertThat(r.helo()).isNotNull();
                assertThat(r.by()).isNotNull();
                assertThat(r.ident()).isNotNull();
                assertThat(r.envfrom()).isNotNull();
                assertThat(r.id()).isNotNull();
                assertThat(r.auth()).isNotNull();
            }
        }
        assertThat(relays).isGreaterThan(1_000);
        for (int i = 0; i < 2_000; i++) {
            char[] c = new char[rnd.nextInt(200)];
            for (int k = 0; k < c.length; k++) {
                c[k] = rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x10000) : alphabet.charAt(rnd.nextInt(alphabet.length()));
            }
            String v = (rnd.nextBoolean() ? "from " : "") + new String(c);
            assertThat(ReceivedParser.parse(v)).isNotNull();
        }
    }

    /** Every Received header of the evaluation spam sample: no exceptions, only valid addresses. */
    @Test
    void spamSampleHeaders() throws IOException {
        Path dir = Path.of("..", "eval", "spam-sample", "messages");
        assertThat(dir).as("the sample is part of the repository").isDirectory();
        int lines = 0;
        int relays = 0;
        List<Path> files;
        try (Stream<Path> st = Files.list(dir)) {
            files = st.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        for (Path p : files) {
            for (String v : receivedValues(Files.readAllBytes(p))) {
                lines++;
                Hop h = ReceivedParser.parse(v);
                if (h instanceof Hop.Relay r) {
                    relays++;
                    assertThat(r.ip()).as(v).isEqualTo(ReceivedIp.normalizeIp(r.ip()));
                }
            }
        }
        System.out.println("spam sample: " + lines + " Received lines, " + relays + " relays");
        assertThat(relays).isGreaterThan(lines / 2);
    }

    static List<String> receivedValues(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\n\n");
        int crlfEnd = text.indexOf("\r\n\r\n");
        if (crlfEnd >= 0 && (headerEnd < 0 || crlfEnd < headerEnd)) {
            headerEnd = crlfEnd;
        }
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String l : head.split("\n")) {
            if (cur != null && !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
                cur.append(' ').append(l);
                continue;
            }
            if (cur != null) {
                out.add(cur.toString());
                cur = null;
            }
            if (l.regionMatches(true, 0, "Received:", 0, 9)) {
                cur = new StringBuilder(l.substring(9));
            }
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
