package dev.mamori.cli.spam;

import dev.mamori.cli.Main;
import dev.mamori.mail.smtp.Trap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mamori.mail.Maildir;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The trap over real sockets on 127.0.0.1: Jakarta Mail as a well-behaved sender, raw sockets for the rest. */
class TrapTest {

    private static final InetAddress LOOPBACK = loopback();
    private static final String TRAP = "trap@ours.example";

    /** Our line, exactly: from HELO (RDNS [IP]) CRLF TAB by HOST (Mamori trap) with ESMTP id ID CRLF TAB for <RCPT>; DATE CRLF */
    private static final Pattern RECEIVED = Pattern.compile(
            "Received: from (\\S+) \\((\\S+) \\[([^\\]]+)\\]\\)\r\n\tby (\\S+) \\(Mamori trap\\) with ESMTP id (\\S+)\r\n\tfor <([^>]*)>; ([^\r\n]+)\r\n");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Trap> started = new ArrayList<>();

    @AfterEach
    void stopTraps() {
        started.forEach(Trap::stop);
    }

    private Path maildir() {
        return dir.resolve("Maildir");
    }

    private Trap.Config config() {
        return Trap.Config.of(LOOPBACK, 0, Set.of("catchall.example"), Set.of(TRAP), maildir(), "trap.test");
    }

    private Trap start(int maxSize) throws IOException {
        return start(config().withMaxSize(maxSize).withConnections(8, 8));
    }

    private Trap start(Trap.Config c) throws IOException {
        Trap t = new Trap(c, log::add);
        t.start();
        started.add(t);
        return t;
    }

    // (a)

    @Test
    void mailToATrapIsStoredWithOurReceivedLineFirstAndEverythingElseIntact() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        MimeMessage sent = send(trap.port(), "Trap@Ours.EXAMPLE", "Cheap watches",
                "Dear friend,\r\n.a line that starts with a dot\r\nBuy now.\r\n");

        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(1);
        String stored = Files.readString(messages.get(0), StandardCharsets.ISO_8859_1);

        Matcher m = RECEIVED.matcher(stored);
        assertThat(m.lookingAt()).as("our Received line first, folded exactly:%n%s", stored).isTrue();
        assertThat(m.group(1)).isEqualTo("client.example");
        assertThat(m.group(2)).isEqualTo("unknown");
        assertThat(m.group(3)).isEqualTo("127.0.0.1");
        assertThat(m.group(4)).isEqualTo("trap.test");
        assertThat(m.group(5)).matches("[A-Z0-9-]+");
        assertThat(m.group(6)).isEqualTo("Trap@Ours.EXAMPLE");
        ZonedDateTime date = ZonedDateTime.parse(m.group(7), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(date.toInstant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(2));

        ByteArrayOutputStream original = new ByteArrayOutputStream();
        sent.writeTo(original);
        String expected = original.toString(StandardCharsets.ISO_8859_1);
        if (!expected.endsWith("\r\n")) {
            expected += "\r\n";
        }
        assertThat(stored.substring(m.end())).isEqualTo(expected);
        assertThat(stored).contains("\r\n.a line that starts with a dot\r\n").doesNotContain("\n..a line");
        assertThat(stored.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");

        assertThat(list(maildir().resolve("tmp"))).isEmpty();
        String line = awaitLog("accepted");
        assertThat(line).contains("id=" + m.group(5)).contains("to=Trap@Ours.EXAMPLE").contains("ip=127.0.0.1")
                .contains("***@sender.example").doesNotContain("alice.secret");
    }

    // (b)

    @Test
    void aRecipientThatIsNotATrapGets550AndNothingIsStored() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        try (RawSmtp c = new RawSmtp(trap.port())) {
            assertThat(c.cmd("EHLO raw.example")).startsWith("250");
            assertThat(c.cmd("MAIL FROM:<bob.private@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<someone@elsewhere.example>")).startsWith("550");
            assertThat(c.cmd("RCPT TO:<postmaster@ours.example>")).startsWith("550");
            assertThat(c.cmd("RCPT TO:<trap@ours.example.evil>")).startsWith("550");
            assertThat(c.cmd("DATA")).startsWith("503");
            assertThat(c.cmd("QUIT")).startsWith("221");
        }
        assertThat(Maildir.messages(maildir())).isEmpty();
        assertThat(log).filteredOn(l -> l.contains("refused 550")).hasSize(3)
                .allSatisfy(l -> assertThat(l).doesNotContain("bob.private").doesNotContain("someone@").contains("***@spammer.example"));
    }

    @Test
    void trapAddressesAndTrapDomainsMatchWithoutRegardToCase() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("HELO raw.example");
            assertThat(c.cmd("MAIL FROM:<>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<TRAP@OURS.EXAMPLE>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<Anyone.At.All@CatchAll.Example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<trap@sub.catchall.example>")).startsWith("550");
            assertThat(c.cmd("DATA")).startsWith("354");
            assertThat(c.cmd("Subject: two traps\r\n\r\nhello\r\n.")).startsWith("250");
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(1);
        assertThat(Files.readString(messages.get(0))).startsWith("Received: from raw.example (unknown [127.0.0.1])\r\n")
                .contains("\tfor <TRAP@OURS.EXAMPLE>; ").endsWith("Subject: two traps\r\n\r\nhello\r\n");
        assertThat(awaitLog("accepted")).contains("to=TRAP@OURS.EXAMPLE,Anyone.At.All@CatchAll.Example").contains("from=<>");
    }

    // (c)

    @Test
    void aMessageOverMaxSizeGets552NothingIsStoredAndTheSessionStaysInStep() throws Exception {
        Trap trap = start(2000);
        StringBuilder big = new StringBuilder("Subject: too big\r\n\r\n");
        while (big.length() < 40_000) { // several reads of 8 KiB: the drain is exercised
            big.append("0123456789012345678901234567890123456789012345678901234567890123456789\r\n");
        }
        try (RawSmtp c = new RawSmtp(trap.port())) {
            assertThat(c.cmd("EHLO raw.example")).contains("SIZE 2000");
            assertThat(c.cmd("MAIL FROM:<x@spammer.example> SIZE=5000")).startsWith("552");
            assertThat(c.cmd("MAIL FROM:<x@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            assertThat(c.cmd("DATA")).startsWith("354");
            assertThat(c.cmd(big + ".")).startsWith("552");
            // the rest of the big message was read, not taken for commands
            assertThat(c.cmd("NOOP")).startsWith("250");
            assertThat(Maildir.messages(maildir())).isEmpty();

            assertThat(c.cmd("MAIL FROM:<x@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            assertThat(c.cmd("DATA")).startsWith("354");
            assertThat(c.cmd("Subject: small\r\n\r\nsmall\r\n.")).startsWith("250");
            assertThat(c.cmd("QUIT")).startsWith("221");
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(1);
        assertThat(Files.readString(messages.get(0))).contains("Subject: small").doesNotContain("too big");
        assertThat(awaitLog("refused 552")).contains("nothing stored");
    }

    @Test
    void jakartaMailSeesTheSizeRefusalToo() throws Exception {
        Trap trap = start(1000);
        String body = "x".repeat(70).concat("\r\n").repeat(50);
        assertThatThrownBy(() -> send(trap.port(), TRAP, "too big", body))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(chain(e)).contains("552"));
        assertThat(Maildir.messages(maildir())).isEmpty();
    }

    // (d)

    @Test
    void aClientThatHangsUpMidDataLeavesNothingAndTheNextClientIsServed() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("EHLO raw.example");
            assertThat(c.cmd("MAIL FROM:<x@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            assertThat(c.cmd("DATA")).startsWith("354");
            c.send("Subject: half\r\n\r\nhalf a mess");
        }
        assertThat(awaitLog("aborted")).contains("nothing stored");
        assertThat(Maildir.messages(maildir())).isEmpty();
        if (Files.isDirectory(maildir().resolve("tmp"))) {
            assertThat(list(maildir().resolve("tmp"))).isEmpty();
        }

        send(trap.port(), TRAP, "after the hang-up", "whole\r\n");
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(1);
        assertThat(Files.readString(messages.get(0))).contains("Subject: after the hang-up").doesNotContain("half a mess");
    }

    // (e)

    @Test
    void stopClosesOpenSessionsAndReleasesThePort() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        int port = trap.port();
        assertThatThrownBy(() -> new ServerSocket(port, 10, LOOPBACK).close()).isInstanceOf(BindException.class);
        RawSmtp idle = new RawSmtp(port);
        assertThat(idle.cmd("EHLO idle.example")).startsWith("250");

        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            trap.stop();
            trap.awaitStop();
        });
        trap.stop(); // twice is fine

        assertThat(idle.lineOrNull()).satisfiesAnyOf(l -> assertThat(l).isNull(), l -> assertThat(l).startsWith("421"));
        idle.close();
        try (ServerSocket again = new ServerSocket(port, 10, LOOPBACK)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThatThrownBy(() -> new Socket(LOOPBACK, port).close()).isInstanceOf(ConnectException.class);
    }

    // many connections

    @Test
    void manySendersAtOnceAllGetTheirMessageStored() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        int senders = 6;
        int each = 8;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        send(trap.port(), TRAP, "s" + sender + "m" + i, "body " + sender + "/" + i + "\r\n");
                    }
                    return null;
                }));
            }
            for (Future<?> j : jobs) {
                j.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(senders * each);
        Set<String> subjects = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Path p : messages) {
            String text = Files.readString(p);
            Matcher m = RECEIVED.matcher(text);
            assertThat(m.lookingAt()).isTrue();
            ids.add(m.group(5));
            Matcher subject = Pattern.compile("\r\nSubject: (\\S+)\r\n").matcher(text);
            assertThat(subject.find()).isTrue();
            subjects.add(subject.group(1));
        }
        assertThat(subjects).hasSize(senders * each);
        assertThat(ids).hasSize(senders * each);
    }

    // the Received line and what goes into it

    @Test
    void theReceivedLineHasExactlyTheAgreedShapeAndCleansWhatTheClientSaid() {
        ZonedDateTime date = ZonedDateTime.of(2025, 6, 3, 11, 5, 30, 0, ZoneOffset.ofHours(9));
        assertThat(Trap.received("mx.example", "unknown", "192.0.2.7", "trap.test", "ID1", "bait@ours.example", date))
                .isEqualTo("Received: from mx.example (unknown [192.0.2.7])\r\n"
                        + "\tby trap.test (Mamori trap) with ESMTP id ID1\r\n"
                        + "\tfor <bait@ours.example>; Tue, 3 Jun 2025 11:05:30 +0900\r\n");
        assertThat(Trap.token("evil\r\nX-Injected: [1.2.3.4] (x); <y>")).isEqualTo("evilX-Injected:1.2.3.4xy");
        assertThat(Trap.token(null)).isEqualTo("unknown");
        assertThat(Trap.token("  ")).isEqualTo("unknown");
        assertThat(Trap.mask("alice.secret@sender.example")).isEqualTo("***@sender.example");
        assertThat(Trap.mask("")).isEqualTo("<>");
    }

    @Test
    void aHeloWithInjectedLinesCannotForgeHeaders() throws Exception {
        Trap trap = start(Trap.DEFAULT_MAX_SIZE);
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("HELO [10.0.0.1](forged)");
            c.cmd("MAIL FROM:<x@spammer.example>");
            c.cmd("RCPT TO:<" + TRAP + ">");
            c.cmd("DATA");
            assertThat(c.cmd("Subject: s\r\n\r\nb\r\n.")).startsWith("250");
        }
        String stored = Files.readString(Maildir.messages(maildir()).get(0));
        assertThat(stored).startsWith("Received: from 10.0.0.1forged (unknown [127.0.0.1])\r\n");
    }

    // the command

    @Test
    void theCommandChecksItsOptions() throws IOException {
        Path traps = dir.resolve("traps.txt");
        Files.writeString(traps, "# our traps\n\nbait@ours.example   # on the contact page\nOld.Bait@Ours.Example\nodd#part@ours.example\n");
        Trap.Config c = parse("--trap-file", traps.toString(), "--trap", "<x@y.example>", "--domain", "@HoneyPot.Example",
                "--maildir", dir.toString(), "--max-size", "1K", "--hostname", "mx.test").config();
        assertThat(c.addresses()).containsExactlyInAnyOrder("bait@ours.example", "old.bait@ours.example", "odd#part@ours.example", "x@y.example");
        assertThat(c.domains()).containsExactly("honeypot.example");
        assertThat(c.maxSize()).isEqualTo(1024);
        assertThat(c.port()).isEqualTo(25);
        assertThat(c.bind().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(c.rdns()).isFalse();
        // the defaults, as --help and docs/spam.md give them
        Trap.Config defaults = Trap.Config.of(c.bind(), c.port(), c.domains(), c.addresses(), c.maildir(), c.hostname());
        assertThat(c.maxConnections()).isEqualTo(defaults.maxConnections()).isEqualTo(20);
        assertThat(c.maxPerIp()).isEqualTo(defaults.maxPerIp()).isEqualTo(4);
        assertThat(c.commandTimeout()).isEqualTo(defaults.commandTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.messageTimeout()).isEqualTo(defaults.messageTimeout()).isEqualTo(Duration.ofMinutes(5));
        Trap.Config tuned = parse("--trap", TRAP, "--maildir", dir.toString(), "--max-per-ip", "2", "--command-timeout", "30",
                "--message-timeout", "900").config();
        assertThat(tuned.maxPerIp()).isEqualTo(2);
        assertThat(tuned.commandTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(tuned.messageTimeout()).isEqualTo(Duration.ofSeconds(900));
        assertThatThrownBy(() -> parse("--trap", TRAP, "--maildir", dir.toString(), "--max-per-ip", "0").config())
                .isInstanceOf(Main.UsageProblem.class).hasMessageContaining("--max-per-ip");
        assertThatThrownBy(() -> parse("--trap", TRAP, "--maildir", dir.toString(), "--command-timeout", "0").config())
                .isInstanceOf(Main.UsageProblem.class).hasMessageContaining("--command-timeout");

        assertThatThrownBy(() -> parse("--maildir", dir.toString()).config()).hasMessageContaining("no traps");
        Files.writeString(traps, "ok@ours.example\nnot an address\n");
        assertThatThrownBy(() -> parse("--trap-file", traps.toString(), "--maildir", dir.toString()).config())
                .isInstanceOf(Main.UsageProblem.class).hasMessageContaining("traps.txt:2");
        assertThatThrownBy(() -> parse("--trap", TRAP, "--maildir", dir.toString(), "--bind", "mail.example.com").config())
                .hasMessageContaining("--bind");
        assertThatThrownBy(() -> parse("--trap", TRAP, "--maildir", dir.toString(), "--max-size", "lots").config())
                .hasMessageContaining("--max-size");
        assertThatThrownBy(() -> parse("--trap", TRAP, "--maildir", dir.toString(), "--hostname", "a b").config())
                .hasMessageContaining("--hostname");
    }

    @Test
    void theCommandPrintsItsPortStoresMailAndStops() throws Exception {
        SpamTrapCommand cmd = new SpamTrapCommand();
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        dev.mamori.cli.Lang before = dev.mamori.cli.Lang.current();
        dev.mamori.cli.Lang.use(dev.mamori.cli.Lang.en); // the English lines are parsed below
        try {
            Future<Integer> code = runner.submit(() -> cl.execute("--bind", "127.0.0.1", "--listen", "0", "--trap", TRAP,
                    "--maildir", maildir().toString(), "--hostname", "cmd.test"));
            Matcher listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!listening.reset(out.toString()).find()) {
                assertThat(System.nanoTime()).as("no port printed: %s %s", out, err).isLessThan(deadline);
                Thread.sleep(20);
            }
            int port = Integer.parseInt(listening.group(1));
            assertThat(port).isPositive();

            send(port, TRAP, "via the command", "hello\r\n");
            assertThat(Maildir.messages(maildir())).hasSize(1);

            cmd.trap.stop();
            assertThat(code.get(15, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).contains("stopped");
            assertThat(err.toString()).contains("accepted").contains("to=" + TRAP);
        } finally {
            dev.mamori.cli.Lang.use(before);
            runner.shutdownNow();
        }
    }

    @Test
    void helpTeachesWithExamples() {
        String help = dev.mamori.cli.CliTest.run("spam", "trap", "--help", "--lang", "en").out();
        assertThat(help).contains("Examples:").contains("--bind 127.0.0.1").contains("--max-size")
                .contains("(Mamori trap) with ESMTP id").contains("--command-timeout").contains("--message-timeout")
                .contains("--max-per-ip");
        assertThat(help.replaceAll("\\s+", " ")).contains("--max-per-ip=N Connections one address may hold at once (default: 4)")
                .contains("the trap's reply (default: 60)").contains("from its start (default: 300)");
    }

    // helpers

    private static SpamTrapCommand parse(String... args) {
        SpamTrapCommand cmd = new SpamTrapCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    /** Sends one message as a real client would and returns it as sent. */
    private static MimeMessage send(int port, String to, String subject, String body) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.localhost", "client.example");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice.secret@sender.example", false));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        m.setSubject(subject);
        m.setSentDate(new Date());
        m.setText(body, "US-ASCII");
        Transport.send(m);
        return m;
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() != t ? t.getCause() : null) {
            sb.append(t).append('\n');
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t.getCause()) {
                sb.append(chain(me.getNextException()));
            }
        }
        return sb.toString();
    }

    private String awaitLog(String word) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (String l : log) {
                if (l.contains(word)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no log line with '" + word + "' in " + log);
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
