package dev.mamori.cli.spam;

import dev.mamori.cli.ChildJvm;
import dev.mamori.mail.smtp.Trap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.mail.Maildir;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the trap does when clients misbehave (issue 9), over real sockets on loopback: other addresses of
 * 127.0.0.0/8 stand for other senders. No timing is asserted; short deadlines are configured and the
 * outcome (who got served, what was stored, what was logged) is checked.
 */
class TrapLimitsTest {

    private static final String TRAP = "trap@ours.example";

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Trap> started = new ArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
        started.forEach(Trap::stop);
    }

    private Path maildir() {
        return dir.resolve("Maildir");
    }

    private Trap start(Trap.Config c) throws IOException {
        Trap t = new Trap(c, log::add);
        t.start();
        started.add(t);
        return t;
    }

    private Trap.Config config() throws IOException {
        return Trap.Config.of(InetAddress.getByName("127.0.0.1"), 0, Set.of(), Set.of(TRAP), maildir(), "trap.test");
    }

    /** A client from {@code source} that sends one byte of a command line that never ends, every 100 ms. */
    private Slow slow(int port, String source) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
        s.setSoTimeout(30_000);
        Slow c = new Slow(s);
        c.first = c.line();
        if (c.first != null && c.first.startsWith("220")) {
            OutputStream out = s.getOutputStream();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException e) {
                    // closed by the trap: what the tests wait for
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }
        return c;
    }

    private static final class Slow {
        final Socket socket;
        String first;

        Slow(Socket socket) {
            this.socket = socket;
        }

        /** The next reply line, or null when the trap closed the connection. */
        String line() throws IOException {
            InputStream in = socket.getInputStream();
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return b.toString().strip();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }
    }

    private static void deliver(RawSmtp c, String subject) throws IOException {
        assertThat(c.cmd("EHLO normal.example")).startsWith("250");
        assertThat(c.cmd("MAIL FROM:<x@sender.example>")).startsWith("250");
        assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
        assertThat(c.cmd("DATA")).startsWith("354");
        assertThat(c.cmd("Subject: " + subject + "\r\n\r\nhello\r\n.")).startsWith("250");
        assertThat(c.cmd("QUIT")).startsWith("221");
    }

    private String awaitLog(String word) throws InterruptedException {
        return ChildJvm.await("a log line with '" + word + "' in " + log, 30,
                () -> log.stream().filter(l -> l.contains(word)).findFirst());
    }

    // ---- slots

    @Test
    void manySlowClientsFromOneAddressCannotKeepAnotherSenderFromBeingServed() throws Exception {
        Trap trap = start(config().withConnections(8, 3)); // the default deadlines: far longer than this test
        List<Slow> slow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slow.add(slow(trap.port(), "127.0.0.1"));
        }
        assertThat(slow).filteredOn(c -> c.first.startsWith("220")).hasSize(3);
        assertThat(slow).filteredOn(c -> c.first.startsWith("421")).hasSize(27);
        try (RawSmtp normal = new RawSmtp(trap.port(), "127.0.0.2")) { // the greeting is asserted by RawSmtp
            deliver(normal, "served");
        }
        assertThat(Maildir.messages(maildir())).hasSize(1);
        assertThat(log).filteredOn(l -> l.contains("refused 421 ip=127.0.0.1 (already 3 connections")).hasSize(27);
    }

    @Test
    void slowClientsLoseTheirSlotsAtTheCommandDeadline() throws Exception {
        Trap trap = start(config().withConnections(4, 4).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        List<Slow> slow = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            slow.add(slow(trap.port(), "127.0.0.1" + i)); // four senders, every slot
        }
        assertThat(slow).allSatisfy(c -> assertThat(c.first).startsWith("220"));
        // told 421 (busy) while the slow ones hold every slot, the sender tries again, as an MTA does, and is served
        int busy = 0;
        while (true) {
            try (RawSmtp normal = new RawSmtp(trap.port(), "127.0.0.2", false)) {
                if (normal.banner.startsWith("421") && busy++ < 600) {
                    Thread.sleep(50);
                    continue;
                }
                assertThat(normal.banner).startsWith("220");
                deliver(normal, "after the slow ones");
                break;
            }
        }
        for (Slow c : slow) {
            assertThat(c.line()).startsWith("421");
            assertThat(c.line()).as("then the trap hangs up").isNull();
        }
        assertThat(Maildir.messages(maildir())).hasSize(1);
        assertThat(log).filteredOn(l -> l.contains(" dropped ip=127.0.0.1")).hasSize(4)
                .allSatisfy(l -> assertThat(l).contains("command deadline"));
    }

    @Test
    void aMessageTrickledPastTheMessageDeadlineIsNotStored() throws Exception {
        Trap trap = start(config().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1)));
        try (RawSmtp c = new RawSmtp(trap.port())) {
            assertThat(c.cmd("EHLO slow.example")).startsWith("250");
            assertThat(c.cmd("MAIL FROM:<x@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            assertThat(c.cmd("DATA")).startsWith("354");
            for (int i = 0; i < 600 && !c.ready(); i++) { // a line every 50 ms: never idle, never finished
                try {
                    c.send("X-Line: " + i + "\r\n");
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(c.lineOrNull()).satisfiesAnyOf(l -> assertThat(l).isNull(), l -> assertThat(l).startsWith("421"));
        }
        assertThat(awaitLog("aborted")).contains("message deadline").contains("nothing stored");
        assertThat(log).noneMatch(l -> l.contains("accepted"));
        assertThat(Maildir.messages(maildir())).isEmpty();
    }

    // ---- BDAT (CHUNKING)

    @Test
    void bdatChunksMakeOneMessage() throws Exception {
        Trap trap = start(config());
        try (RawSmtp c = new RawSmtp(trap.port())) {
            assertThat(c.cmd("EHLO chunky.example")).contains("CHUNKING");
            assertThat(c.cmd("MAIL FROM:<x@sender.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            String first = "Subject: in two chunks\r\n\r\n";
            String last = "hello, chunks\r\n";
            c.send("BDAT " + first.length() + "\r\n" + first);
            assertThat(c.reply()).startsWith("250");
            c.send("BDAT " + last.length() + " LAST\r\n" + last);
            assertThat(c.reply()).startsWith("250");
            assertThat(c.cmd("QUIT")).startsWith("221");
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(1);
        assertThat(Files.readString(messages.get(0))).startsWith("Received: from chunky.example (unknown [127.0.0.1])\r\n")
                .endsWith("\r\nSubject: in two chunks\r\n\r\nhello, chunks\r\n");
        assertThat(awaitLog("accepted")).contains("size=41");
    }

    @Test
    void aBdatChunkCutShortIsNeitherStoredNorLoggedAsAccepted() throws Exception {
        Trap trap = start(config());
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("EHLO cut.example");
            assertThat(c.cmd("MAIL FROM:<x@spammer.example>")).startsWith("250");
            assertThat(c.cmd("RCPT TO:<" + TRAP + ">")).startsWith("250");
            c.send("BDAT 100 LAST\r\nSubject: forty bytes of a hundred\r\n\r\nbody");
        }
        assertThat(awaitLog("aborted")).contains("connection closed before the end of the message").contains("nothing stored");
        assertThat(log).noneMatch(l -> l.contains("accepted"));
        assertThat(Maildir.messages(maildir())).isEmpty();
    }

    @Test
    void aBdatLastNeverSentIsNotStoredWhetherTheClientHangsUpOrWaits() throws Exception {
        Trap trap = start(config().withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1)));
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("EHLO hangup.example");
            c.cmd("MAIL FROM:<x@spammer.example>");
            c.cmd("RCPT TO:<" + TRAP + ">");
            c.send("BDAT 20\r\nSubject: first\r\n\r\nab");
            assertThat(c.reply()).startsWith("250");
        } // hangs up without BDAT … LAST
        awaitLog("aborted");
        try (RawSmtp c = new RawSmtp(trap.port())) {
            c.cmd("EHLO waiter.example");
            c.cmd("MAIL FROM:<x@spammer.example>");
            c.cmd("RCPT TO:<" + TRAP + ">");
            c.send("BDAT 20\r\nSubject: first\r\n\r\nab");
            assertThat(c.reply()).startsWith("250");
            // and waits, connected, past the message deadline
            assertThat(c.lineOrNull()).satisfiesAnyOf(l -> assertThat(l).isNull(), l -> assertThat(l).startsWith("421"));
        }
        ChildJvm.await("two aborted transfers", 30, () -> log.stream().filter(l -> l.contains("aborted")).count() == 2
                ? java.util.Optional.of(true) : java.util.Optional.empty());
        assertThat(log).filteredOn(l -> l.contains("aborted")).anySatisfy(l -> assertThat(l).contains("message deadline"));
        assertThat(log).noneMatch(l -> l.contains("accepted"));
        assertThat(Maildir.messages(maildir())).isEmpty();
    }

    // ---- what holds under load

    @Test
    void twoHundredClientsAtOnceAllHaveTheirMessagesStored() throws Exception {
        Trap trap = start(config()); // the defaults: 20 slots, 4 per address
        ExecutorService pool = Executors.newFixedThreadPool(200);
        java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                jobs.add(pool.submit(() -> {
                    // 50 senders, 4 connections each; like an MTA, a client told 421 (busy) tries again, and one
                    // queued behind the 30 connections the trap serves or refuses at once waits for its greeting. With
                    // SubEthaSMTP's listen queue of 50 the kernel dropped connections of this burst after their
                    // handshake (ListenOverflows in /proc/net/netstat), and their clients waited for a greeting that
                    // never came: the trap's queue is now Trap.LISTEN_BACKLOG
                    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
                    while (true) {
                        try (RawSmtp c = new RawSmtp(trap.port(), "127.0.2." + (1 + n / 4), false, 100_000)) {
                            if (c.banner.startsWith("421") && System.nanoTime() < giveUp) {
                                busy.incrementAndGet();
                                Thread.sleep(20);
                                continue;
                            }
                            deliver(c, "client-" + n);
                            return null;
                        }
                    }
                }));
            }
            for (Future<?> j : jobs) {
                j.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(200);
        Set<String> subjects = new HashSet<>();
        for (Path p : messages) {
            Matcher m = Pattern.compile("\r\nSubject: (client-\\d+)\r\n").matcher(Files.readString(p));
            assertThat(m.find()).isTrue();
            subjects.add(m.group(1));
        }
        assertThat(subjects).hasSize(200);
        System.out.println("200 clients at once: " + busy.get() + " times told 421 (busy) and tried again");
    }

    /** The trap in a process of its own, killed with kill -9: every message it answered 250 for is in new/, whole. */
    @Test
    void killMinus9AfterTheReplyLosesNothingAcknowledged() throws Exception {
        Process p = ChildJvm.mamori(dir.resolve("tmp"), "--lang", "en", "spam", "trap", "--bind", "127.0.0.1", "--listen", "0", "--trap", TRAP,
                "--maildir", maildir().toString(), "--hostname", "trap.test").redirectErrorStream(true).start();
        try {
            int port = listeningPort(p);
            for (int i = 0; i < 5; i++) {
                try (RawSmtp c = new RawSmtp(port)) {
                    deliver(c, "acknowledged-" + i);
                }
            }
            RawSmtp unfinished = new RawSmtp(port);
            unfinished.cmd("EHLO x.example");
            unfinished.cmd("MAIL FROM:<x@sender.example>");
            unfinished.cmd("RCPT TO:<" + TRAP + ">");
            assertThat(unfinished.cmd("DATA")).startsWith("354");
            unfinished.send("Subject: never acknowledged\r\n\r\nhalf");
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            unfinished.close();
        } finally {
            p.destroyForcibly();
        }
        List<Path> messages = Maildir.messages(maildir());
        assertThat(messages).hasSize(5);
        for (Path m : messages) {
            assertThat(Files.readString(m)).startsWith("Received: from normal.example").contains("\r\nSubject: acknowledged-")
                    .endsWith("\r\n\r\nhello\r\n");
        }
    }

    private static int listeningPort(Process p) throws IOException {
        InputStream out = p.getInputStream();
        StringBuilder seen = new StringBuilder();
        Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher("");
        int c;
        while ((c = out.read()) != -1) {
            seen.append((char) c);
            if (c == '\n' && m.reset(seen).find()) {
                int port = Integer.parseInt(m.group(1));
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // the process is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new AssertionError("the trap printed no port: " + seen.toString().getBytes(StandardCharsets.UTF_8).length + " bytes: " + seen);
    }
}
