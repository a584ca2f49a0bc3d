package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARF reports (RFC 5965) read back with Jakarta Mail, and the same reader on real feedback-loop samples. */
class ArfReportTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant ARRIVAL = Instant.parse("2024-05-01T03:04:05Z");
    private static final String TRAP = "trap-17@honeypot.example.jp";
    private static final String SECOND_TRAP = "Trap-02@Honeypot.Example.JP";
    private static final String BODY_MARKER = "Cheap watches, best prices, click now";

    /** A spam as the trap stored it: LF line ends (an mbox), the trap address in headers, an 8-bit subject. */
    private static final byte[] SPAM = ("Return-Path: <bulk@spammer.example>\n"
            + "Received: from mx.example.net (mx.example.net [198.51.100.23])\n"
            + "\tby trap.honeypot.example.jp (Postfix) with ESMTP id 4VXyz1\n"
            + "\tfor <" + TRAP + ">; Wed, 1 May 2024 12:04:05 +0900 (JST)\n"
            + "From: \"Deals\" <bulk@spammer.example>\n"
            + "To: " + TRAP + "\n"
            + "Subject: =?UTF-8?B?5a6J44GE?=\n"
            + "Message-ID: <spam-1@spammer.example>\n"
            + "Date: Wed, 1 May 2024 12:04:00 +0900\n"
            + "\n"
            + BODY_MARKER + "\n"
            + "Reply to " + TRAP + " to unsubscribe.\n").getBytes(StandardCharsets.ISO_8859_1);

    private final ArfReport arf = new ArfReport("0.1.0-test", TOKYO, Clock.fixed(Instant.parse("2024-05-02T00:00:00Z"), TOKYO));

    private static ArfReport.Builder input() {
        return ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@example.net", "198.51.100.23", ARRIVAL, SPAM)
                .reportingDomain("honeypot.example.jp").trapAddresses(List.of(TRAP)).reportedDomain("example.net");
    }

    private static MimeMessage read(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wholeMessageReportHasTheRfc5965Structure() throws Exception {
        byte[] bytes = arf.build(input().build());
        MimeMessage m = read(bytes);

        ContentType outer = new ContentType(m.getContentType());
        assertThat(outer.getBaseType()).isEqualTo("multipart/report");
        assertThat(outer.getParameter("report-type")).isEqualTo("feedback-report");
        assertThat(m.getFrom()[0].toString()).isEqualTo("abuse-desk@honeypot.example.jp");
        assertThat(m.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("abuse@example.net");
        assertThat(m.getSubject()).contains("198.51.100.23");
        assertThat(m.getMessageID()).matches("<arf\\.[0-9a-f]{32}@honeypot\\.example\\.jp>");
        assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");

        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(3);
        assertThat(new ContentType(mp.getBodyPart(0).getContentType()).getBaseType()).isEqualTo("text/plain");
        assertThat(new ContentType(mp.getBodyPart(1).getContentType()).getBaseType()).isEqualTo("message/feedback-report");
        assertThat(new ContentType(mp.getBodyPart(2).getContentType()).getBaseType()).isEqualTo("message/rfc822");

        String human = (String) mp.getBodyPart(0).getContent();
        assertThat(human).contains("198.51.100.23").contains("トラップアドレス").contains("spam-trap addresses")
                .contains("automated abuse notification").contains("abuse-desk@honeypot.example.jp")
                .contains("Wed, 1 May 2024 12:04:05 +0900");

        InternetHeaders f = new InternetHeaders(mp.getBodyPart(1).getInputStream());
        assertThat(f.getHeader("Feedback-Type", null)).isEqualTo("abuse");
        assertThat(f.getHeader("Version", null)).isEqualTo("1");
        assertThat(f.getHeader("User-Agent", null)).isEqualTo("Mamori/0.1.0-test");
        assertThat(f.getHeader("Source-IP", null)).isEqualTo("198.51.100.23");
        assertThat(f.getHeader("Reported-Domain", null)).isEqualTo("example.net");
        assertThat(f.getHeader("Reporting-MTA", null)).isEqualTo("dns; honeypot.example.jp");
        assertThat(f.getHeader("Incidents")).isNull();
        assertThat(f.getHeader("Original-Mail-From")).as("not disclosed by default").isNull();
        ZonedDateTime arrival = ZonedDateTime.parse(f.getHeader("Arrival-Date", null), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(arrival.toInstant()).isEqualTo(ARRIVAL);
        // every field is one registered in the IANA MARF registry for Feedback-Type abuse
        Set<String> registered = Set.of("feedback-type", "user-agent", "version", "arrival-date", "source-ip", "reported-domain",
                "reporting-mta", "original-rcpt-to", "original-mail-from", "incidents");
        for (var it = f.getAllHeaders(); it.hasMoreElements();) {
            assertThat(registered).contains(it.nextElement().getName().toLowerCase());
        }

        // the whole original travels, CRLF-normalised, readable as a message
        MimeMessage original = (MimeMessage) mp.getBodyPart(2).getContent();
        assertThat(original.getMessageID()).isEqualTo("<spam-1@spammer.example>");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains(BODY_MARKER);
    }

    @Test
    void everyLineEndsInCrlf() {
        for (byte[] bytes : List.of(arf.build(input().build()), arf.build(input().headersOnly(true).build()),
                arf.digest(List.of(input().build(), input().headersOnly(true).build())))) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    assertThat(i).as("LF at %d preceded by CR", i).isPositive();
                    assertThat(bytes[i - 1]).as("LF at %d preceded by CR", i).isEqualTo((byte) '\r');
                }
                if (bytes[i] == '\r') {
                    assertThat(i + 1).isLessThan(bytes.length);
                    assertThat(bytes[i + 1]).as("CR at %d followed by LF", i).isEqualTo((byte) '\n');
                }
            }
        }
    }

    @Test
    void headersOnlyAttachesTheHeaderSectionAndNoBody() throws Exception {
        byte[] bytes = arf.build(input().headersOnly(true).build());
        Multipart mp = (Multipart) read(bytes).getContent();
        BodyPart third = mp.getBodyPart(2);
        assertThat(new ContentType(third.getContentType()).getBaseType()).isEqualTo("text/rfc822-headers");
        String headers = text(third.getInputStream());
        assertThat(headers).contains("Message-ID: <spam-1@spammer.example>").contains("Received: from mx.example.net")
                .doesNotContain(BODY_MARKER).endsWith("\r\n").doesNotContain("\r\n\r\n");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(BODY_MARKER);
        assertThat((String) mp.getBodyPart(0).getContent()).contains("header section");
    }

    @Test
    void recipientsAreRedactedByDefaultEverywhere() throws Exception {
        byte[] bytes = arf.build(input().trapAddresses(List.of(TRAP, SECOND_TRAP)).build());
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw.toLowerCase()).doesNotContain("trap-17@").doesNotContain("trap-02@");

        Multipart mp = (Multipart) read(bytes).getContent();
        String human = (String) mp.getBodyPart(0).getContent();
        assertThat(human).doesNotContain(TRAP).doesNotContainIgnoringCase(SECOND_TRAP).contains("redacted@honeypot.example.jp");
        InternetHeaders f = new InternetHeaders(mp.getBodyPart(1).getInputStream());
        assertThat(f.getHeader("Original-Rcpt-To")).containsExactly("<redacted@honeypot.example.jp>");
        String original = text(mp.getBodyPart(2).getInputStream());
        assertThat(original).contains("for <redacted@honeypot.example.jp>").contains("To: redacted@honeypot.example.jp")
                .contains("Reply to redacted@honeypot.example.jp");
    }

    @Test
    void recipientsAndMailFromAppearOnlyWhenAllowed() throws Exception {
        byte[] bytes = arf.build(input().redactRecipients(false).originalMailFrom("bulk@spammer.example", true).build());
        Multipart mp = (Multipart) read(bytes).getContent();
        InternetHeaders f = new InternetHeaders(mp.getBodyPart(1).getInputStream());
        assertThat(f.getHeader("Original-Rcpt-To")).containsExactly("<" + TRAP + ">");
        assertThat(f.getHeader("Original-Mail-From", null)).isEqualTo("<bulk@spammer.example>");
        assertThat((String) mp.getBodyPart(0).getContent()).contains(TRAP);

        byte[] hidden = arf.build(input().originalMailFrom("bulk@spammer.example", false).build());
        InternetHeaders g = new InternetHeaders(((Multipart) read(hidden).getContent()).getBodyPart(1).getInputStream());
        assertThat(g.getHeader("Original-Mail-From")).isNull();
    }

    @Test
    void incidentsAndIpv6() throws Exception {
        byte[] bytes = arf.build(input().incidents(12).build());
        assertThat(ArfReport.parse(bytes).incidents()).isEqualTo("12");
        byte[] v6 = arf.build(ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@example.net", "[IPv6:2001:DB8::25]",
                ARRIVAL, SPAM).build());
        assertThat(ArfReport.parse(v6).sourceIp()).isEqualTo("2001:db8::25");
    }

    @Test
    void headerInjectionIsRefusedOrNeutralised() throws Exception {
        assertThatThrownBy(() -> arf.build(ArfReport.Input.builder("abuse-desk@honeypot.example.jp",
                "abuse@example.net\r\nBcc: victim@example.org", "198.51.100.23", ARRIVAL, SPAM).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> arf.build(ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@example.net",
                "198.51.100.23\r\nSource-IP: 10.0.0.1", ARRIVAL, SPAM).build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arf.build(input().reportedDomain("example.net\nFeedback-Type: not-spam").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arf.build(ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@example.net",
                "not-an-ip", ARRIVAL, SPAM).build())).isInstanceOf(IllegalArgumentException.class);

        byte[] bytes = arf.build(input().subject("Spam report\r\nBcc: victim@example.org").build());
        MimeMessage m = read(bytes);
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getSubject()).isEqualTo("Spam report  Bcc: victim@example.org");
    }

    @Test
    void outputIsDeterministic() {
        assertThat(arf.build(input().build())).isEqualTo(arf.build(input().build()));
        assertThat(arf.build(input().build())).isNotEqualTo(arf.build(input().headersOnly(true).build()));
    }

    @Test
    void eightBitOriginalsAreDeclared() throws Exception {
        byte[] shiftJis = ("From: a@spammer.example\nSubject: \u8ff7\u60d1\n\nbody\n").getBytes("Shift_JIS");
        byte[] bytes = arf.build(ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@example.net", "198.51.100.23",
                ARRIVAL, shiftJis).build());
        BodyPart third = ((Multipart) read(bytes).getContent()).getBodyPart(2);
        assertThat(third.getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
        assertThat(ArfReport.transferEncoding("a\r\nb\r\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("7bit");
        assertThat(ArfReport.transferEncoding(("x".repeat(999) + "\r\n").getBytes(StandardCharsets.US_ASCII))).isEqualTo("binary");
    }

    @Test
    void digestBundlesOneCompleteReportPerMessage() throws Exception {
        ArfReport.Input a = input().build();
        ArfReport.Input b = ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "ABUSE@example.net", "198.51.100.99",
                ARRIVAL.plusSeconds(60), SPAM).reportingDomain("honeypot.example.jp").headersOnly(true).build();
        byte[] bytes = arf.digest(List.of(a, b));
        MimeMessage m = read(bytes);
        assertThat(new ContentType(m.getContentType()).getBaseType()).isEqualTo("multipart/mixed");
        Multipart mp = (Multipart) m.getContent();
        assertThat(mp.getCount()).isEqualTo(3);
        assertThat((String) mp.getBodyPart(0).getContent()).contains("198.51.100.23").contains("198.51.100.99").contains("2 messages");
        for (int i = 1; i <= 2; i++) {
            assertThat(new ContentType(mp.getBodyPart(i).getContentType()).getBaseType()).isEqualTo("message/rfc822");
        }
        byte[] inner = mp.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(inner).isEqualTo(arf.build(a));
        ArfReport.Parsed second = ArfReport.parse(mp.getBodyPart(2).getInputStream().readAllBytes());
        assertThat(second.arf()).isTrue();
        assertThat(second.sourceIp()).isEqualTo("198.51.100.99");
        assertThat(second.partTypes()).containsExactly("text/plain", "message/feedback-report", "text/rfc822-headers");

        assertThatThrownBy(() -> arf.digest(List.of(a, ArfReport.Input.builder("abuse-desk@honeypot.example.jp", "abuse@other.example",
                "198.51.100.5", ARRIVAL, SPAM).build()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ourReportReadsLikeARealFeedbackLoopReport() throws Exception {
        ArfReport.Parsed ours = ArfReport.parse(arf.build(input().build()));
        ArfReport.Parsed theirs = ArfReport.parse(sample("arf-21.eml"));
        assertThat(ours.arf()).isTrue();
        assertThat(theirs.arf()).isTrue();
        assertThat(ours.partTypes()).isEqualTo(theirs.partTypes())
                .containsExactly("text/plain", "message/feedback-report", "message/rfc822");
        assertThat(ours.feedbackType()).isEqualTo(theirs.feedbackType()).isEqualTo("abuse");
        assertThat(ours.sourceIp()).isEqualTo("198.51.100.23");

        ArfReport.Parsed oursHeaders = ArfReport.parse(arf.build(input().headersOnly(true).build()));
        ArfReport.Parsed theirsHeaders = ArfReport.parse(sample("arf-19.eml"));
        assertThat(oursHeaders.partTypes()).isEqualTo(theirsHeaders.partTypes())
                .containsExactly("text/plain", "message/feedback-report", "text/rfc822-headers");
        assertThat(oursHeaders.version()).isEqualTo(theirsHeaders.version()).isEqualTo("1");
        assertThat(theirsHeaders.arrivalDate()).isEqualTo("Thu, 29 Apr 2015 23:34:45 +0900");
        assertThat(ZonedDateTime.parse(oursHeaders.arrivalDate(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()).isEqualTo(ARRIVAL);
    }

    /** The README's table of the samples, read with the same code path as our own reports. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "arf-01.eml,       true,  abuse,        192.0.2.89,  message/rfc822",
        "arf-01-crlf.eml,  true,  abuse,        192.0.2.89,  message/rfc822",
        "arf-01-cr.eml,    true,  abuse,        192.0.2.89,  message/rfc822",
        "arf-02.eml,       true,  abuse,        -,           message/rfc822",
        "arf-11.eml,       true,  abuse,        -,           message/rfc822",
        "arf-12.eml,       true,  opt-out,      -,           text/rfc822-header",
        "arf-14.eml,       true,  abuse,        -,           message/rfc822",
        "arf-15.eml,       true,  abuse,        192.0.2.222, message/rfc822",
        "arf-16.eml,       true,  abuse,        192.0.2.1,   message/rfc822",
        "arf-17.eml,       true,  abuse,        192.0.2.3,   message/rfc822",
        "arf-21.eml,       true,  abuse,        198.51.100.224, message/rfc822",
        "arf-18.eml,       true,  auth-failure, 192.0.2.222, message/rfc822",
        "arf-19.eml,       true,  auth-failure, 203.0.113.2, text/rfc822-headers",
        "arf-20.eml,       true,  auth-failure, 203.0.113.2, text/rfc822-headers",
        "arf-25.eml,       true,  abuse,        10.0.0.1,    message/rfc822",
        "arf-22.eml,       false, -,            -,           -",
        "arf-23.eml,       false, -,            -,           -",
        "arf-24.eml,       false, -,            -,           -",
        "arf-26.eml,       false, -,            -,           -",
    })
    void realSamplesParse(String file, boolean isArf, String feedbackType, String sourceIp, String third) throws Exception {
        ArfReport.Parsed p = ArfReport.parse(sample(file));
        assertThat(p.arf()).isEqualTo(isArf);
        assertThat(p.feedbackType()).isEqualTo(feedbackType);
        assertThat(p.sourceIp()).isEqualTo(sourceIp);
        if (third != null) {
            assertThat(p.partTypes()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(p.partTypes().get(2)).isEqualTo(third);
        }
        if (file.startsWith("arf-01")) {
            assertThat(p.arrivalDate()).as("historic Received-Date").startsWith("Thu, 29 Apr 2009");
            assertThat(p.version()).isEqualTo("1.0");
        }
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = ArfReportTest.class.getResourceAsStream("arf/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
