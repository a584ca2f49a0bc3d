package dev.mamori.cli.spam;

import dev.mamori.cli.ChildJvm;
import dev.mamori.cli.CliTest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mamori.mail.ArfReport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori spam} as a user runs it, on the real sample. */
class SpamCommandTest {

    static final String SAMPLE = Path.of("..", "eval", "spam-sample", "messages").toString();
    static final String OURS = "212.17.35.15,213.105.180.140,193.120.211.219,193.120.149.226";
    static final Path RIR = Path.of("..", "mamori-core", "src", "test", "resources", "dev", "mamori", "mail", "rir");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void analyzeTheSamplePrintsEveryRelayAndTheCountryTable() throws IOException {
        Path html = dir.resolve("spam.html");
        Path xlsx = dir.resolve("spam.xlsx");
        Path csv = dir.resolve("spam.csv");
        CliTest.Run r = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", RIR.toString(), "--html", html.toString(),
                "--xlsx", xlsx.toString(), "--csv", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("spam_"))).hasSize(100);
        assertThat(r.out()).contains("spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml\t212.78.202.111\tmailbox-11.st1.spray.net\tmailbox-11.st1.spray.net\twebnote.net");
        assertThat(r.out().lines().filter(l -> l.startsWith("合計")).findFirst().orElseThrow()).endsWith(" 100");
        assertThat(Files.readString(html)).contains("<svg").contains("国・地域別の件数");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("国・地域別");
        }
        assertThat(Files.readString(csv)).startsWith("国・地域,2001,2002,合計\r\n");
        CliTest.Run registries = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", RIR.toString(), "--by", "registry", "--no-messages");
        assertThat(registries.code()).as(registries.err()).isZero();
        assertThat(registries.out().lines().filter(l -> l.startsWith("帰属不明"))).hasSize(1);
        assertThat(registries.out()).doesNotContain("中国");
    }

    @Test
    void jsonLinesCarryTheDocumentedFields() throws IOException {
        CliTest.Run r = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--format", "jsonl");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).hasSize(100).allSatisfy(n -> assertThat(n.fieldNames()).toIterable()
                .contains("file", "relay_ip", "relay_rdns", "relay_helo", "received_by", "country", "registry", "asn", "reason"));
        assertThat(lines).filteredOn(n -> n.path("file").asText().endsWith("spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml"))
                .singleElement().satisfies(n -> {
                    assertThat(n.path("relay_ip").asText()).isEqualTo("212.78.202.111");
                    assertThat(n.path("received_by").asText()).isEqualTo("webnote.net");
                    assertThat(n.path("trust_inferred").asBoolean()).isFalse();
                });
    }

    @Test
    void standardInputWithoutTrustInfersOurRelaysAndSaysSo() throws IOException {
        StringBuilder mbox = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of(SAMPLE))) {
            for (Path p : s.sorted().limit(40).toList()) {
                String m = Files.readString(p, StandardCharsets.ISO_8859_1);
                mbox.append(m.startsWith("From ") ? "" : "From sample@example.invalid  Thu Aug 22 18:28:49 2002\n").append(m).append(m.endsWith("\n") ? "\n" : "\n\n"); // a blank line before the next From line
            }
        }
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(mbox.toString().getBytes(StandardCharsets.ISO_8859_1)));
            CliTest.Run r = run("spam", "analyze", "-", "--format", "jsonl", "--lang", "en");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("our relays inferred from 40 messages");
            assertThat(r.jsonLines()).hasSize(40).allSatisfy(n -> assertThat(n.path("trust_inferred").asBoolean()).isTrue());
            try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                assertThat(tmp.map(p -> p.getFileName().toString()))
                        .as("the copy of standard input is deleted when the command is done")
                        .noneMatch(n -> n.startsWith(".scratch." + ProcessHandle.current().pid() + "."));
            }
        } finally {
            System.setIn(stdin);
        }
    }

    /** The copy of standard input is readable by its owner only and is gone after Ctrl-C (SIGINT) (issue 9). */
    @Test
    void theCopyOfStandardInputIsPrivateAndCtrlCRemovesIt() throws Exception {
        Path tmp = dir.resolve("tmp");
        Process p = ChildJvm.mamori(tmp, "spam", "analyze", "-", "--no-progress").redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.out").toFile()).start();
        try {
            // one message, and standard input left open: the command is still copying it
            p.getOutputStream().write(Files.readAllBytes(Path.of(SAMPLE, "spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml")));
            p.getOutputStream().flush();
            Path copy = ChildJvm.await("the copy of standard input", 60, () -> {
                try (Stream<Path> s = Files.list(tmp)) {
                    return s.filter(f -> f.getFileName().toString().startsWith(".scratch.")).findFirst();
                } catch (IOException e) {
                    return java.util.Optional.empty();
                }
            });
            assertThat(Files.getPosixFilePermissions(copy)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            ChildJvm.signal(p, "INT");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command stops on Ctrl-C").isTrue();
            try (Stream<Path> s = Files.list(tmp)) {
                assertThat(s).as("nothing left in the temporary folder").isEmpty();
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /** A file name and header values a spammer chose reach the terminal with their control characters escaped (issue 9). */
    @Test
    void fileNamesAndHeaderValuesAreEscapedOnTheTerminal() throws IOException {
        Path mail = dir.resolve("mail");
        Files.createDirectories(mail);
        Files.write(mail.resolve("evil\u001b[2J\nname.eml"), ("Received: from helo\u001b]0;pwned\u0007 (rdns\u001b[31m.example [61.1.2.3])\n"
                + "\tby mx.ours.jp with ESMTP id A; Thu, 22 Aug 2024 10:00:00 +0000\nSubject: s\n\nb\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(mail.resolve("bad\u001b[5m.eml"), new byte[] {1, 2, 0, 3});
        CliTest.Run r = run("spam", "analyze", mail.toString(), "--trusted", "192.0.2.1", "--no-progress");
        assertThat(r.out() + r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("evil\\x1b[2J\\nname.eml")
                .contains("bad\\x1b[5m.eml");
        assertThat(r.out()).contains("61.1.2.3");
    }

    /**
     * Without --trusted, a spamming address that sends a quarter of the mail straight to our MX is not taken for
     * one of our relays: its messages are counted in the table under its country (issue 9).
     */
    @Test
    void aSpammerWithAQuarterOfTheMailIsCountedNotTakenForOurRelay() throws IOException {
        Path mail = dir.resolve("mailbox");
        Files.createDirectories(mail);
        int n = 0;
        for (String m : TrustInferenceMailbox.messages()) {
            Files.writeString(mail.resolve("m" + (n++) + ".eml"), m, StandardCharsets.ISO_8859_1);
        }
        Path rir = dir.resolve("rir");
        Files.createDirectories(rir);
        Files.writeString(rir.resolve("delegated-apnic-test"), "2|apnic|20240101|3|19850701|20240101|+1000\n"
                + "apnic|*|ipv4|*|3|summary\napnic|KR|ipv4|203.0.113.0|256|20100101|allocated\n"
                + "apnic|JP|ipv4|61.9.0.0|65536|20000101|allocated\napnic|CN|ipv4|211.3.0.0|65536|20000101|allocated\n");
        CliTest.Run r = run("spam", "analyze", mail.toString(), "--rir", rir.toString(), "--format", "json", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("our relays inferred from 40 messages").contains(TrustInferenceMailbox.SECONDARY_MX)
                .doesNotContain(TrustInferenceMailbox.SPAMMER);
        JsonNode stats = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(stats.path("traced").asLong()).isEqualTo(40);
        Map<String, Long> byCountry = new java.util.HashMap<>();
        stats.path("countries").forEach(c -> byCountry.put(c.path("key").asText(), c.path("total").asLong()));
        assertThat(byCountry).containsEntry("KR", 10L).containsEntry("JP", 12L).containsEntry("CN", 18L);
    }

    /** spam export --format csv: a HELO, rDNS or Subject a spreadsheet would run comes out inert (issue 9). */
    @Test
    void theCsvExportNeutralisesFormulas() throws IOException {
        Path mail = dir.resolve("mail");
        Files.createDirectories(mail);
        Files.writeString(mail.resolve("m.eml"), "Received: from =cmd|' /C calc'!A0 (unknown [61.1.2.3])\n\tby mx.ours.jp with ESMTP id A;"
                + " Thu, 22 Aug 2024 10:00:00 +0000\nSubject: @SUM(1+1)*cmd|' /C calc'!A0\nFrom: -2+3 <x@spam.example>\n\nb\n");
        Path rir = dir.resolve("rir");
        Files.createDirectories(rir);
        Files.writeString(rir.resolve("delegated-apnic-test"), "2|apnic|20240101|1|19850701|20240101|+1000\n"
                + "apnic|*|ipv4|*|1|summary\napnic|JP|ipv4|61.0.0.0|16777216|20000101|allocated\n");
        Path csv = dir.resolve("jp.csv");
        CliTest.Run r = run("spam", "export", mail.toString(), "--trusted", "192.0.2.1", "--rir", rir.toString(), "--country", "JP",
                "--format", "csv", "--output", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<de.siegmar.fastcsv.reader.CsvRecord> rows = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv).stream().toList();
        assertThat(rows).hasSize(2);
        for (de.siegmar.fastcsv.reader.CsvRecord row : rows) {
            assertThat(row.getFields()).allSatisfy(c -> assertThat(c).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+")
                    .doesNotStartWith("-"));
        }
        assertThat(rows.get(1).getField(12)).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(rows.get(1).getField(11)).isEqualTo("'-2+3 <x@spam.example>");
    }

    @Test
    void badMailIsReportedAndSkippedNeverFatal() throws IOException {
        Files.copy(Path.of(SAMPLE, "spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml"), dir.resolve("good.eml"));
        Files.writeString(dir.resolve("no-received.eml"), "Subject: hello\nFrom: a@example\n\nbody\n");
        Files.write(dir.resolve("binary.eml"), new byte[] {1, 2, 0, 3, 4});
        Files.writeString(dir.resolve("cut.mbox"), "From x  Thu Aug 22 18:28:49 2002\nReceived: from a (a [192.0.2.1]) by b; Thu, 22 Aug 2002");
        Files.writeString(dir.resolve("bad-ip.eml"), "Received: from x (x [999.1.1.1]) by mx.example; Thu, 31 Feb 2002 25:61:00 +0000\nSubject: s\n\nb\n");
        CliTest.Run r = run("spam", "analyze", dir.toString(), "--trusted", OURS, "--format", "jsonl");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("binary.eml").contains("cut.mbox #1");
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).extracting(n -> Path.of(n.path("file").asText()).getFileName().toString())
                .containsExactlyInAnyOrder("bad-ip.eml", "good.eml", "no-received.eml");
        assertThat(lines).filteredOn(n -> n.path("file").asText().endsWith("no-received.eml")).singleElement()
                .satisfies(n -> assertThat(n.path("reason").asText()).isEqualTo("no Received header"));
        assertThat(lines).filteredOn(n -> n.path("file").asText().endsWith("bad-ip.eml")).singleElement()
                .satisfies(n -> assertThat(n.path("relay_ip").isNull()).isTrue());
    }

    @Test
    void abuseReportsAreWrittenThenSentOnceToARealSmtpServer() throws Exception {
        Path contacts = dir.resolve("abuse.csv");
        Files.writeString(contacts, "network,contact,name\n212.78.202.0/24,abuse@spray.example,Spray\n");
        Path eml = dir.resolve("one");
        Files.createDirectories(eml);
        Files.copy(Path.of(SAMPLE, "spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml"), eml.resolve("m.eml"));
        Path out = dir.resolve("reports");
        Path log = dir.resolve("log.jsonl");
        CliTest.Run dry = run("spam", "report", eml.toString(), "--trusted", OURS, "--contacts", contacts.toString(), "--no-fallback",
                "--from", "abuse@trap.example.jp", "--trap", "zzzz@spamassassin.taint.org", "--out", out.toString(), "--log", log.toString());
        assertThat(dry.code()).as(dry.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        byte[] report = Files.readAllBytes(files.get(0));
        ArfReport.Parsed parsed = ArfReport.parse(report);
        assertThat(parsed.feedbackType()).isEqualTo("abuse");
        assertThat(new String(report, StandardCharsets.ISO_8859_1)).contains("Source-IP: 212.78.202.111").doesNotContain("zzzz@spamassassin.taint.org")
                .doesNotContain("thecashsystem@firemail.de"); // its To: recipient, not one of the --trap addresses, is redacted too

        String[] send = {"--lang", "en", "spam", "report", eml.toString(), "--trusted", OURS, "--contacts", contacts.toString(), "--no-fallback",
                "--from", "abuse@trap.example.jp", "--send", "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(smtp.getSmtp().getPort()),
                "--rate", "6000", "--log", log.toString()};
        CliTest.Run sent = run(send);
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("sent 1");
        MimeMessage[] got = smtp.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("abuse@spray.example");
        assertThat(got[0].getContentType()).contains("multipart/report").contains("feedback-report");
        CliTest.Run again = run(send);
        assertThat(again.out()).contains("sent 0").contains("already sent 1");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    /** A relay in a private or documentation block has no network to notify: no report, and the reason is counted. */
    @Test
    void noReportForARelayInASpecialPurposeBlock() throws IOException {
        Path mail = dir.resolve("mail");
        Files.createDirectories(mail);
        Files.writeString(mail.resolve("private.eml"), "Received: from x (x.example.com [192.168.7.7]) by mx.ours.jp; Thu, 22 Aug 2024 10:00:00 +0000\n"
                + "Subject: s\n\nb\n");
        Files.writeString(mail.resolve("doc.eml"), "Received: from y (y.example.com [198.51.100.7]) by mx.ours.jp; Thu, 22 Aug 2024 10:00:00 +0000\n"
                + "Subject: s\n\nb\n");
        Path contacts = dir.resolve("abuse.csv");
        Files.writeString(contacts, "network,contact,name\n0.0.0.0/0,abuse@everyone.example,All\n");
        Path out = dir.resolve("reports");
        CliTest.Run r = run("spam", "report", mail.toString(), "--trusted", "192.0.2.1", "--contacts", contacts.toString(),
                "--from", "abuse@trap.example.jp", "--out", out.toString(), "--log", dir.resolve("log.jsonl").toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("written 0").contains("relay in a special-purpose block (Private-Use): 1")
                .contains("relay in a special-purpose block (Documentation (TEST-NET-2)): 1");
    }

    @Test
    void aDigestGathersAContactsMessagesInOneReport() throws Exception {
        Path contacts = dir.resolve("abuse.csv");
        Files.writeString(contacts, "network,contact,name\n0.0.0.0/0,abuse@everyone.example,All\n");
        Path mail = dir.resolve("mail");
        Files.createDirectories(mail);
        try (Stream<Path> s = Files.list(Path.of(SAMPLE))) {
            for (Path p : s.sorted().limit(3).toList()) {
                Files.copy(p, mail.resolve(p.getFileName()));
            }
        }
        Path out = dir.resolve("digest");
        CliTest.Run r = run("spam", "report", mail.toString(), "--trusted", OURS, "--contacts", contacts.toString(), "--digest",
                "--headers-only", "--from", "abuse@trap.example.jp", "--out", out.toString(), "--log", dir.resolve("log.jsonl").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        MimeMessage digest = new MimeMessage(null, new ByteArrayInputStream(Files.readAllBytes(files.get(0))));
        assertThat(digest.getContentType()).contains("multipart/mixed");
        assertThat(((jakarta.mail.internet.MimeMultipart) digest.getContent()).getCount()).isEqualTo(4); // a summary and three reports
    }

    @Test
    void partnerExportMasksRecipients() throws IOException {
        // a registry file of our own: 211.0.0.0/8 and 61.0.0.0/8 to CN (the sample has relays in both)
        Path rir = dir.resolve("rir");
        Files.createDirectories(rir);
        Files.writeString(rir.resolve("delegated-apnic-test"), "2|apnic|20140701|2|19850701|20140630|+1000\n"
                + "apnic|*|ipv4|*|2|summary\napnic|CN|ipv4|211.0.0.0|16777216|19980101|allocated\n"
                + "apnic|CN|ipv4|61.0.0.0|16777216|19980101|allocated\n");
        Path cn = dir.resolve("cn.jsonl");
        CliTest.Run r = run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", rir.toString(), "--country", "CN",
                "--trap", "zzzz@spamassassin.taint.org", "--output", cn.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(cn);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        assertThat(text).doesNotContain("zzzz@").doesNotContain("yyyy@").contains("[recipient]");
        for (String line : lines) {
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            assertThat(n.path("country").asText()).isEqualTo("CN");
            assertThat(n.path("relay_ip").asText()).matches("(211|61)\\..*");
            assertThat(n.path("headers").toString()).doesNotContain("\"To\",\"zzzz");
        }
    }

    @Test
    void registryUpdateAndList() throws IOException {
        Path from = dir.resolve("downloads");
        Files.createDirectories(from);
        try (Stream<Path> s = Files.list(RIR)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("delegated-")).toList()) {
                Files.copy(p, from.resolve(p.getFileName()));
            }
        }
        Path store = dir.resolve("store");
        CliTest.Run u = run("spam", "registry", "update", "--from", from.toString(), "--store", store.toString(), "--lang", "en");
        assertThat(u.code()).as(u.err()).isZero();
        assertThat(u.out()).contains("installed").contains("APNIC").contains("RIPE NCC");
        assertThat(run("spam", "registry", "list", "--store", store.toString()).out()).contains("ARIN");
        Files.writeString(from.resolve("delegated-apnic-extended-excerpt"), "2|apnic|20190906|1|20190101|20190906|+1000\napnic|JP|ipv4|not-an-ip|256|20000101|allocated|x\n");
        CliTest.Run bad = run("spam", "registry", "update", "--from", from.toString(), "--store", store.toString(), "--lang", "en");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("delegated-apnic-extended-excerpt:2").contains("unchanged");
    }
}
