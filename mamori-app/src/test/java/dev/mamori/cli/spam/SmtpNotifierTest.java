package dev.mamori.cli.spam;

import dev.mamori.cli.ChildJvm;
import dev.mamori.cli.CliTest;
import dev.mamori.mail.smtp.SmtpNotifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mamori.mail.smtp.SmtpNotifier.Prepared;
import dev.mamori.mail.smtp.SmtpNotifier.Result;
import dev.mamori.mail.smtp.SmtpNotifier.Settings;
import dev.mamori.mail.smtp.SmtpNotifier.Status;
import dev.mamori.mail.ArfReport;
import dev.mamori.mail.NotificationLog;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Reports delivered to a real SMTP server (GreenMail) on loopback, and the dry run. */
class SmtpNotifierTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier", "s3cret-pw"))
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private static final String FROM = "abuse-desk@honeypot.example.jp";
    private static final Instant ARRIVAL = Instant.parse("2024-05-01T03:04:05Z");
    private final ArfReport arf = new ArfReport("test", ZoneId.of("Asia/Tokyo"), Clock.fixed(ARRIVAL, ZoneId.of("UTC")));

    private static byte[] spam(int n) {
        return ("Received: from x (x [198.51.100." + n + "]) by trap.honeypot.example.jp; Wed, 1 May 2024 12:04:05 +0900\n"
                + "From: bulk@spammer.example\nTo: trap@honeypot.example.jp\nSubject: offer " + n + "\nMessage-ID: <spam-" + n
                + "@spammer.example>\n\nBuy now " + n + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private Prepared report(String contact, int n) {
        byte[] original = spam(n);
        byte[] bytes = arf.build(ArfReport.Input.builder(FROM, contact, "198.51.100." + n, ARRIVAL, original)
                .reportingDomain("honeypot.example.jp").trapAddresses(List.of("trap@honeypot.example.jp")).build());
        return new Prepared(contact, NotificationLog.messageKey(original), "198.51.100." + n, bytes);
    }

    private List<Prepared> threeReportsToTwoContacts() {
        return List.of(report("abuse@isp-one.example", 1), report("abuse@isp-one.example", 2), report("abuse@isp-two.example", 3));
    }

    private Settings smtp() {
        return Settings.smtp("127.0.0.1", SMTP.getSmtp().getPort()).withRate(6000).withTimeout(Duration.ofSeconds(10));
    }

    private static List<MimeMessage> receivedBy(String address) {
        return SMTP.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    @Test
    void sendsEachReportToItsContactAndNotAgainOnReRun() throws Exception {
        Path logFile = dir.resolve("notifications.jsonl");
        List<Prepared> reports = threeReportsToTwoContacts();
        try (NotificationLog log = NotificationLog.open(logFile)) {
            Result r = new SmtpNotifier(smtp(), log).send(reports);
            assertThat(r.sent()).isEqualTo(3);
            assertThat(r.failed()).isZero();
            assertThat(r.deliveries()).extracting(SmtpNotifier.Delivery::status).containsOnly(Status.SENT);
        }
        assertThat(SMTP.waitForIncomingEmail(5000, 3)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(3);

        List<MimeMessage> one = receivedBy("abuse@isp-one.example");
        List<MimeMessage> two = receivedBy("abuse@isp-two.example");
        assertThat(one).hasSize(2);
        assertThat(two).hasSize(1);
        for (MimeMessage m : Stream.concat(one.stream(), two.stream()).toList()) {
            ContentType ct = new ContentType(m.getContentType());
            assertThat(ct.getBaseType()).isEqualTo("multipart/report");
            assertThat(ct.getParameter("report-type")).isEqualTo("feedback-report");
            Multipart mp = (Multipart) m.getContent();
            assertThat(mp.getCount()).isEqualTo(3);
            assertThat(new ContentType(mp.getBodyPart(1).getContentType()).getBaseType()).isEqualTo("message/feedback-report");
            assertThat(m.getFrom()[0].toString()).isEqualTo(FROM);
        }
        assertThat(two.get(0).getMessageID()).as("the report is sent as built")
                .isEqualTo(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(reports.get(2).bytes())).getMessageID());
        String feedback = new String(((Multipart) two.get(0).getContent()).getBodyPart(1).getInputStream().readAllBytes(),
                StandardCharsets.US_ASCII);
        assertThat(feedback).contains("Source-IP: 198.51.100.3").contains("Feedback-Type: abuse");

        // a re-run (new process: the log reopened) sends nothing
        try (NotificationLog log = NotificationLog.open(logFile)) {
            Result again = new SmtpNotifier(smtp(), log).send(threeReportsToTwoContacts());
            assertThat(again.sent()).isZero();
            assertThat(again.skipped()).isEqualTo(3);
            assertThat(log.perYear()).isEqualTo(Map.of(Instant.now().atZone(ZoneId.systemDefault()).getYear(), 3L));
        }
        Thread.sleep(200);
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(Files.readAllLines(logFile)).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"mode\":\"sent\""));
    }

    @Test
    void dryRunWritesEmlFilesAndSendsNothing() throws Exception {
        Path out = dir.resolve("out");
        Path logFile = dir.resolve("notifications.jsonl");
        List<Prepared> reports = threeReportsToTwoContacts();
        try (NotificationLog log = NotificationLog.open(logFile)) {
            Result r = new SmtpNotifier(Settings.dryRun(out), log).send(reports);
            assertThat(r.written()).isEqualTo(3);
            assertThat(r.sent()).isZero();
            assertThat(log.perYear()).as("dry runs are not notifications").isEmpty();
            for (int i = 0; i < 3; i++) {
                SmtpNotifier.Delivery d = r.deliveries().get(i);
                assertThat(d.file()).exists().hasParent(out);
                assertThat(d.file().getFileName().toString()).endsWith(".eml").contains(reports.get(i).contact());
                assertThat(Files.readAllBytes(d.file())).isEqualTo(reports.get(i).bytes());
                assertThat(d.messageId()).startsWith("<arf.");
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".eml"))).hasSize(3);
        }
        Thread.sleep(200);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(Files.readAllLines(logFile)).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"mode\":\"dry-run\""));

        // a dry run does not stop the real run
        try (NotificationLog log = NotificationLog.open(logFile)) {
            assertThat(new SmtpNotifier(smtp(), log).send(reports).sent()).isEqualTo(3);
        }
        assertThat(SMTP.waitForIncomingEmail(5000, 3)).isTrue();
    }

    @Test
    void rateLimitSpacesMessages() throws Exception {
        // a clock of the test's own, which moves only when the notifier sleeps: no wall-clock assertion
        List<Long> slept = new java.util.ArrayList<>();
        long[] now = {0};
        SmtpNotifier.Sleeper ticker = new SmtpNotifier.Sleeper() {
            @Override
            public void sleepNanos(long nanos) {
                slept.add(nanos);
                now[0] += nanos;
            }

            @Override
            public long nanoTime() {
                return now[0];
            }
        };
        try (NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Result r = new SmtpNotifier(smtp().withRate(120), log, System::getenv, Clock.systemUTC(), ticker) // 2 a second
                    .send(threeReportsToTwoContacts());
            assertThat(r.sent()).isEqualTo(3);
            assertThat(slept).containsExactly(500_000_000L, 500_000_000L); // the first at once, then one every half second
        }
    }

    @Test
    void authenticatesWithThePasswordFromTheEnvironmentAndNeverShowsIt() throws Exception {
        Settings s = smtp().withAuth("notifier", "MAMORI_TEST_SMTP_PASSWORD").withInsecureAuth(true); // GreenMail has no TLS
        try (NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            SmtpNotifier good = new SmtpNotifier(s, log, Map.of("MAMORI_TEST_SMTP_PASSWORD", "s3cret-pw")::get, Clock.systemUTC(),
                    n -> Thread.sleep(n / 1_000_000));
            assertThat(good.send(List.of(report("abuse@isp-one.example", 1))).sent()).isEqualTo(1);

            SmtpNotifier wrong = new SmtpNotifier(s, log, name -> "not-the-password", Clock.systemUTC(), n -> { });
            assertThatThrownBy(() -> wrong.send(List.of(report("abuse@isp-one.example", 2))))
                    .isInstanceOf(IOException.class).hasMessageContaining("authentication")
                    .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain("not-the-password"));

            SmtpNotifier missing = new SmtpNotifier(s, log, name -> null, Clock.systemUTC(), n -> { });
            assertThatThrownBy(() -> missing.send(List.of(report("abuse@isp-one.example", 2))))
                    .isInstanceOf(IOException.class).hasMessageContaining("MAMORI_TEST_SMTP_PASSWORD");
        }
        assertThat(s.toString()).doesNotContain("s3cret-pw");
    }

    // ---- the password never crosses the network in clear unless the user says so (issue 9)

    /** The ways a password can travel in SMTP AUTH: as itself, base64 (LOGIN), base64 of "\0user\0password" (PLAIN). */
    private static List<String> clearForms(String user, String password) {
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return List.of(password, b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private SmtpNotifier notifier(Settings s, NotificationLog log, javax.net.ssl.SSLSocketFactory tls) {
        return new SmtpNotifier(s, log, Map.of("PW", TlsSmtpServer.PASSWORD)::get, Clock.systemUTC(), n -> { }, tls);
    }

    @Test
    void withoutTlsThePasswordIsNeverSentEvenToLoopback() throws Exception {
        try (WireTap wire = new WireTap(SMTP.getSmtp().getPort()); NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Settings s = Settings.smtp("127.0.0.1", wire.port()).withAuth(TlsSmtpServer.USER, "PW").withRate(6000)
                    .withTimeout(Duration.ofSeconds(10));
            assertThatThrownBy(() -> notifier(s, log, null).send(List.of(report("abuse@isp-one.example", 1))))
                    .isInstanceOf(IOException.class).hasMessageContaining("without TLS").hasMessageContaining("--starttls")
                    .hasMessageContaining("--insecure-auth").satisfies(e -> assertThat(e.getMessage()).doesNotContain(TlsSmtpServer.PASSWORD));
            assertThat(wire.connections()).as("refused before connecting").isZero();
            assertThat(log.size()).isZero();
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void insecureAuthSendsThePasswordInClearAsTheWireShows() throws Exception {
        try (WireTap wire = new WireTap(SMTP.getSmtp().getPort()); NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Settings s = Settings.smtp("127.0.0.1", wire.port()).withAuth(TlsSmtpServer.USER, "PW").withInsecureAuth(true)
                    .withRate(6000).withTimeout(Duration.ofSeconds(10));
            assertThat(notifier(s, log, null).send(List.of(report("abuse@isp-one.example", 1))).sent()).isEqualTo(1);
            // what this test suite's other tests check is absent is really there when the user allows it
            assertThat(clearForms(TlsSmtpServer.USER, TlsSmtpServer.PASSWORD)).anySatisfy(f -> assertThat(wire.clientBytes()).contains(f));
        }
    }

    @Test
    void startTlsCarriesThePasswordEncryptedAndChecksTheCertificate() throws Exception {
        try (TlsSmtpServer server = new TlsSmtpServer(false, "localhost.p12"); WireTap wire = new WireTap(server.port());
                NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Settings s = Settings.smtp("127.0.0.1", wire.port()).withStartTls(true).withAuth(TlsSmtpServer.USER, "PW").withRate(6000)
                    .withTimeout(Duration.ofSeconds(10));
            Result r = notifier(s, log, TlsSmtpServer.trusting("localhost.p12")).send(List.of(report("abuse@isp-one.example", 1)));
            assertThat(r.sent()).isEqualTo(1);
            assertThat(server.messages).hasSize(1);
            assertThat(server.logins).containsExactly(TlsSmtpServer.USER);
            String wireText = wire.clientBytes();
            assertThat(wireText).contains("STARTTLS").doesNotContain("AUTH").doesNotContain("MAIL FROM");
            assertThat(clearForms(TlsSmtpServer.USER, TlsSmtpServer.PASSWORD)).allSatisfy(f -> assertThat(wireText).doesNotContain(f));

            // the JVM's own trust store does not know the test certificate: refused before AUTH
            SmtpNotifier untrusted = notifier(s, log, null);
            assertThatThrownBy(() -> untrusted.send(List.of(report("abuse@isp-one.example", 2)))).isInstanceOf(IOException.class)
                    .hasMessageContaining("unable to find valid certification path");
            // a trusted certificate for another host name: refused too
            try (TlsSmtpServer other = new TlsSmtpServer(false, "wrong-name.p12")) {
                Settings o = Settings.smtp("127.0.0.1", other.port()).withStartTls(true).withAuth(TlsSmtpServer.USER, "PW")
                        .withTimeout(Duration.ofSeconds(10));
                assertThatThrownBy(() -> notifier(o, log, TlsSmtpServer.trusting("wrong-name.p12"))
                        .send(List.of(report("abuse@isp-one.example", 3)))).isInstanceOf(IOException.class)
                        .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
                assertThat(other.logins).isEmpty();
            }
            assertThat(server.logins).hasSize(1);
            assertThat(server.messages).hasSize(1);
        }
    }

    @Test
    void implicitTlsCarriesEverythingEncrypted() throws Exception {
        try (TlsSmtpServer server = new TlsSmtpServer(true, "localhost.p12"); WireTap wire = new WireTap(server.port());
                NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Settings s = Settings.smtp("127.0.0.1", wire.port()).withImplicitTls(true).withAuth(TlsSmtpServer.USER, "PW").withRate(6000)
                    .withTimeout(Duration.ofSeconds(10));
            assertThat(notifier(s, log, TlsSmtpServer.trusting("localhost.p12")).send(List.of(report("abuse@isp-one.example", 1))).sent())
                    .isEqualTo(1);
            assertThat(server.logins).containsExactly(TlsSmtpServer.USER);
            String wireText = wire.clientBytes();
            assertThat(wireText).doesNotContain("EHLO").doesNotContain("AUTH");
            assertThat(clearForms(TlsSmtpServer.USER, TlsSmtpServer.PASSWORD)).allSatisfy(f -> assertThat(wireText).doesNotContain(f));
        }
    }

    @Test
    void aServerWithoutStartTlsIsLeftBeforeAuth() throws Exception {
        try (WireTap wire = new WireTap(SMTP.getSmtp().getPort()); NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Settings s = Settings.smtp("127.0.0.1", wire.port()).withStartTls(true).withAuth(TlsSmtpServer.USER, "PW")
                    .withTimeout(Duration.ofSeconds(10));
            assertThatThrownBy(() -> notifier(s, log, null).send(List.of(report("abuse@isp-one.example", 1))))
                    .isInstanceOf(IOException.class).hasMessageContaining("STARTTLS is required");
            assertThat(wire.connections()).isEqualTo(1);
            assertThat(wire.clientBytes()).contains("EHLO").doesNotContain("AUTH");
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** mamori spam report as a user runs it: --smtp-user without TLS is refused; --insecure-auth sends, with a warning. */
    @Test
    void theCommandRefusesClearTextAuthUnlessAskedAndThenWarns() throws Exception {
        Path mail = dir.resolve("mail");
        Files.createDirectories(mail);
        Files.copy(Path.of(SpamCommandTest.SAMPLE, "spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml"), mail.resolve("m.eml"));
        Path contacts = dir.resolve("abuse.csv");
        Files.writeString(contacts, "network,contact,name\n212.78.202.0/24,abuse@spray.example,Spray\n");
        List<String> args = List.of("--lang", "en", "spam", "report", mail.toString(), "--trusted", SpamCommandTest.OURS, "--contacts", contacts.toString(),
                "--from", "abuse@trap.example.jp", "--send", "--smtp-host", "127.0.0.1", "--smtp-port",
                Integer.toString(SMTP.getSmtp().getPort()), "--smtp-user", "notifier", "--smtp-password-env", "MAMORI_TEST_PW",
                "--rate", "6000", "--log", dir.resolve("log.jsonl").toString());

        CliTest.Run refused = CliTest.run(args.toArray(String[]::new));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("clear text").contains("--starttls").contains("--smtps").contains("--insecure-auth");
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        List<String> insecure = new java.util.ArrayList<>(args);
        insecure.add("--insecure-auth");
        ProcessBuilder pb = ChildJvm.mamori(dir.resolve("tmp"), insecure.toArray(String[]::new));
        pb.environment().put("MAMORI_TEST_PW", "s3cret-pw");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("warning: --insecure-auth").contains("in clear text").contains("sent 1").doesNotContain("s3cret-pw");
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
    }

    @Test
    void refusedRecipientFailsThatReportOnlyAndIsNotRecorded() throws Exception {
        try (NotificationLog log = NotificationLog.open(dir.resolve("n.jsonl"))) {
            Prepared bad = new Prepared("not an address", NotificationLog.messageKey(spam(9)), "198.51.100.9",
                    report("abuse@isp-one.example", 9).bytes());
            Result r = new SmtpNotifier(smtp(), log).send(List.of(bad, report("abuse@isp-two.example", 4)));
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.sent()).isEqualTo(1);
            assertThat(r.deliveries().get(0).status()).isEqualTo(Status.FAILED);
            assertThat(log.size()).isEqualTo(1);
        }
    }
}
