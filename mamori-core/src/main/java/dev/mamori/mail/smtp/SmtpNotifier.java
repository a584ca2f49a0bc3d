package dev.mamori.mail.smtp;

import dev.mamori.mail.NotificationLog;
import dev.mamori.report.AtomicFiles;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends prepared abuse reports (ARF messages built by {@link dev.mamori.mail.ArfReport}) over SMTP, or
 * in a dry run (the default) writes each one as an {@code .eml} file instead.
 *
 * <ul>
 * <li>A report whose messages were all already sent to its contact (per the {@link NotificationLog})
 * is skipped, in a dry run too; each report sent is recorded in the log (one line per message it covers)
 * before the next is sent, and a dry run records its files as {@code dry-run} lines, which do not count
 * as sent.</li>
 * <li>Sending is rate-limited by a token bucket holding one token that refills at
 * {@link Settings#perMinute} per minute: the first message goes at once, then one every
 * {@code 60 / perMinute} seconds. Dry runs are not limited.</li>
 * <li>The SMTP connection is plain, upgraded with STARTTLS (then required), or TLS from the first byte
 * (implicit TLS, "SMTPS", port 465); with TLS the server's certificate and name are checked. With a user,
 * the password is read from the environment variable the settings name, at connection time; it is never
 * stored in the settings, written, or put in a message. Authentication without TLS is refused before
 * anything is sent, unless {@link Settings#insecureAuth} says the user accepts the password crossing the
 * network in clear.</li>
 * <li>The envelope recipient is the report's contact; the envelope sender is
 * {@link Settings#envelopeFrom}, or the report's {@code From:} address when that is null. The report's
 * bytes are sent as built (its Message-ID is kept).</li>
 * <li>A report the server refuses is reported as failed and not recorded, so a later run tries it
 * again; a lost connection is reopened once, after which the remaining reports fail.</li>
 * </ul>
 */
public final class SmtpNotifier {

    /**
     * How to deliver.
     *
     * @param host         SMTP server (ignored in a dry run)
     * @param port         its port
     * @param startTls     upgrade the connection with STARTTLS, and refuse to go on without it
     * @param implicitTls  TLS from the first byte (SMTPS, usually port 465); excludes {@code startTls}
     * @param insecureAuth allow AUTH on a connection without TLS (the password crosses the network in clear)
     * @param user         user name for SMTP AUTH, or null for none
     * @param passwordEnv  the name of the environment variable holding the password (not the password)
     * @param dryRun       write .eml files to {@code outputDir} instead of sending
     * @param outputDir    where a dry run writes its files
     * @param perMinute    sending rate (messages per minute); 0 or less: unlimited
     * @param envelopeFrom envelope sender (MAIL FROM), or null for the report's From address
     * @param timeout      connect, read and write timeout
     */
    public record Settings(String host, int port, boolean startTls, boolean implicitTls, boolean insecureAuth, String user,
            String passwordEnv, boolean dryRun, Path outputDir, double perMinute, String envelopeFrom, Duration timeout) {

        public Settings {
            if (dryRun) {
                Objects.requireNonNull(outputDir, "outputDir (a dry run writes its reports there)");
            } else {
                Objects.requireNonNull(host, "host");
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("port out of range: " + port);
                }
            }
            if (startTls && implicitTls) {
                throw new IllegalArgumentException("STARTTLS and implicit TLS exclude each other");
            }
            if (user != null && (passwordEnv == null || passwordEnv.isBlank())) {
                throw new IllegalArgumentException("a user needs the name of the environment variable holding the password");
            }
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
        }

        /** A dry run writing to {@code outputDir}: the default. */
        public static Settings dryRun(Path outputDir) {
            return new Settings(null, 25, false, false, false, null, null, true, outputDir, 30, null, null);
        }

        /** Real sending to {@code host:port}, no TLS, no authentication, 30 messages a minute. */
        public static Settings smtp(String host, int port) {
            return new Settings(host, port, false, false, false, null, null, false, null, 30, null, null);
        }

        public Settings withStartTls(boolean b) {
            return new Settings(host, port, b, implicitTls, insecureAuth, user, passwordEnv, dryRun, outputDir, perMinute, envelopeFrom,
                    timeout);
        }

        /** TLS from the first byte (SMTPS). */
        public Settings withImplicitTls(boolean b) {
            return new Settings(host, port, startTls, b, insecureAuth, user, passwordEnv, dryRun, outputDir, perMinute, envelopeFrom,
                    timeout);
        }

        /** Allow AUTH without TLS: the password crosses the network in clear. */
        public Settings withInsecureAuth(boolean b) {
            return new Settings(host, port, startTls, implicitTls, b, user, passwordEnv, dryRun, outputDir, perMinute, envelopeFrom,
                    timeout);
        }

        public Settings withAuth(String u, String envName) {
            return new Settings(host, port, startTls, implicitTls, insecureAuth, u, envName, dryRun, outputDir, perMinute, envelopeFrom,
                    timeout);
        }

        public Settings withRate(double messagesPerMinute) {
            return new Settings(host, port, startTls, implicitTls, insecureAuth, user, passwordEnv, dryRun, outputDir, messagesPerMinute,
                    envelopeFrom, timeout);
        }

        public Settings withEnvelopeFrom(String from) {
            return new Settings(host, port, startTls, implicitTls, insecureAuth, user, passwordEnv, dryRun, outputDir, perMinute, from,
                    timeout);
        }

        public Settings withTimeout(Duration t) {
            return new Settings(host, port, startTls, implicitTls, insecureAuth, user, passwordEnv, dryRun, outputDir, perMinute,
                    envelopeFrom, t);
        }

        /** Is the connection encrypted from before anything secret is sent? */
        public boolean tls() {
            return startTls || implicitTls;
        }
    }

    /** One message a report is about: its key (SHA-256 of its bytes, {@link NotificationLog#messageKey}) and relay. */
    public record Covered(String messageKey, String relayIp) {
        public Covered {
            Objects.requireNonNull(messageKey, "messageKey");
        }
    }

    /**
     * A report ready to go: the contact (envelope recipient), the messages it covers (one for a report,
     * several for a digest) and its bytes.
     */
    public record Prepared(String contact, List<Covered> covers, byte[] bytes) {
        public Prepared {
            Objects.requireNonNull(contact, "contact");
            Objects.requireNonNull(bytes, "bytes");
            covers = List.copyOf(covers);
            if (covers.isEmpty()) {
                throw new IllegalArgumentException("a report covers at least one message");
            }
        }

        /** A report about one message. */
        public Prepared(String contact, String messageKey, String relayIp, byte[] bytes) {
            this(contact, List.of(new Covered(messageKey, relayIp)), bytes);
        }
    }

    /** What happened to one report. */
    public enum Status {
        SENT, WRITTEN, SKIPPED, FAILED
    }

    /** One report's fate: its Message-ID, the file a dry run wrote, or why it failed. */
    public record Delivery(Prepared report, Status status, String messageId, Path file, String error) {
    }

    /** The run: counts and one {@link Delivery} per report, in order. */
    public record Result(int sent, int written, int skipped, int failed, List<Delivery> deliveries) {
    }

    /** Waits; replaceable in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;

        /** The monotonic time the rate limit counts in (a test's own clock may advance only when it sleeps). */
        default long nanoTime() {
            return System.nanoTime();
        }
    }

    private final Settings settings;
    private final NotificationLog log;
    private final Function<String, String> env;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SSLSocketFactory tls;
    private long nextSendAt = Long.MIN_VALUE;

    public SmtpNotifier(Settings settings, NotificationLog log) {
        this(settings, log, System::getenv, Clock.systemUTC(), n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)), null);
    }

    public SmtpNotifier(Settings settings, NotificationLog log, Function<String, String> env, Clock clock, Sleeper sleeper) {
        this(settings, log, env, clock, sleeper, null);
    }

    /** {@code tls}: the TLS sockets to use, trusting what the test trusts; null for the JVM's (its trust store). */
    public SmtpNotifier(Settings settings, NotificationLog log, Function<String, String> env, Clock clock, Sleeper sleeper,
            SSLSocketFactory tls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
        this.env = env;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tls = tls;
    }

    /**
     * Sends (or in a dry run writes) the reports in order.
     *
     * @throws IOException when the log cannot be written, a dry run cannot write its file, or the first
     *                     connection to the server fails (nothing was sent then)
     */
    public Result send(List<Prepared> reports) throws IOException {
        List<Delivery> out = new ArrayList<>();
        List<Prepared> todo = new ArrayList<>();
        for (Prepared p : reports) {
            if (p.covers().stream().allMatch(c -> log.alreadySent(c.messageKey(), p.contact()))) {
                out.add(new Delivery(p, Status.SKIPPED, null, null, "already sent"));
            } else {
                todo.add(p);
            }
        }
        if (settings.dryRun()) {
            for (Prepared p : todo) {
                out.add(write(p));
            }
        } else if (!todo.isEmpty()) {
            sendAll(todo, out);
        }
        int sent = 0;
        int written = 0;
        int skipped = 0;
        int failed = 0;
        List<Delivery> ordered = new ArrayList<>();
        for (Prepared p : reports) {
            for (Delivery d : out) {
                if (d.report() == p) {
                    ordered.add(d);
                    switch (d.status()) {
                        case SENT -> sent++;
                        case WRITTEN -> written++;
                        case SKIPPED -> skipped++;
                        case FAILED -> failed++;
                    }
                    break;
                }
            }
        }
        return new Result(sent, written, skipped, failed, List.copyOf(ordered));
    }

    // ---- dry run ----

    private Delivery write(Prepared p) throws IOException {
        String id = messageId(p.bytes());
        Path file = settings.outputDir().resolve(fileName(p));
        AtomicFiles.write(file, o -> o.write(p.bytes()));
        for (Covered c : p.covers()) {
            log.record(clock.instant(), p.contact(), c.relayIp(), c.messageKey(), id, NotificationLog.Mode.DRY_RUN);
        }
        return new Delivery(p, Status.WRITTEN, id, file, null);
    }

    private static String fileName(Prepared p) {
        String key = p.covers().size() == 1 ? p.covers().get(0).messageKey()
                : "digest-" + NotificationLog.messageKey(String.join(",", p.covers().stream().map(Covered::messageKey).toList())
                        .getBytes(StandardCharsets.US_ASCII));
        String shortKey = key.length() > 23 ? key.substring(0, key.startsWith("digest-") ? 23 : 16) : key;
        String contact = p.contact().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        return shortKey.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + contact + ".eml";
    }

    // ---- SMTP ----

    private void sendAll(List<Prepared> todo, List<Delivery> out) throws IOException {
        Session session = Session.getInstance(properties());
        Transport transport = connect(session, true);
        try {
            boolean reconnected = false;
            for (int i = 0; i < todo.size(); i++) {
                Prepared p = todo.get(i);
                MimeMessage msg;
                Address[] to;
                try {
                    msg = new MimeMessage(session, new ByteArrayInputStream(p.bytes()));
                    to = new Address[] {new InternetAddress(p.contact().strip(), true)};
                } catch (AddressException e) {
                    out.add(new Delivery(p, Status.FAILED, null, null, "bad contact address: " + e.getMessage()));
                    continue;
                } catch (MessagingException e) {
                    out.add(new Delivery(p, Status.FAILED, null, null, "not a message: " + e.getMessage()));
                    continue;
                }
                String id = header(msg, "Message-ID");
                if (transport == null || !transport.isConnected()) {
                    if (reconnected) {
                        out.add(new Delivery(p, Status.FAILED, id, null, "connection lost"));
                        continue;
                    }
                    reconnected = true;
                    try {
                        transport = connect(session, false);
                    } catch (IOException e) {
                        transport = null;
                        out.add(new Delivery(p, Status.FAILED, id, null, e.getMessage()));
                        continue;
                    }
                }
                throttle();
                try {
                    transport.sendMessage(msg, to);
                } catch (SendFailedException e) {
                    out.add(new Delivery(p, Status.FAILED, id, null, "refused: " + oneLine(e.getMessage())));
                    continue;
                } catch (MessagingException e) {
                    out.add(new Delivery(p, Status.FAILED, id, null, oneLine(e.getMessage())));
                    continue;
                }
                for (Covered c : p.covers()) {
                    log.record(clock.instant(), p.contact(), c.relayIp(), c.messageKey(), id, NotificationLog.Mode.SENT);
                }
                out.add(new Delivery(p, Status.SENT, id, null, null));
            }
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the reports are already delivered or failed; closing cannot change that
                }
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        String ms = Long.toString(settings.timeout().toMillis());
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        p.setProperty("mail.smtp.connectiontimeout", ms);
        p.setProperty("mail.smtp.timeout", ms);
        p.setProperty("mail.smtp.writetimeout", ms);
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.implicitTls()) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (settings.tls()) {
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            if (tls != null) {
                p.put("mail.smtp.ssl.socketFactory", tls);
            }
        }
        if (settings.user() != null) {
            p.setProperty("mail.smtp.auth", "true");
        }
        if (settings.envelopeFrom() != null && !settings.envelopeFrom().isBlank()) {
            p.setProperty("mail.smtp.from", settings.envelopeFrom().strip());
        }
        return p;
    }

    private Transport connect(Session session, boolean first) throws IOException {
        String password = null;
        if (settings.user() != null) {
            if (!settings.tls() && !settings.insecureAuth()) {
                throw new IOException("refusing to send the SMTP password to " + settings.host() + " without TLS: use --starttls"
                        + " (port 587) or --smtps (port 465); --insecure-auth sends it in clear text");
            }
            password = env.apply(settings.passwordEnv());
            if (password == null || password.isEmpty()) {
                throw new IOException("the environment variable " + settings.passwordEnv() + " (SMTP password) is not set");
            }
        }
        try {
            Transport t = session.getTransport("smtp");
            t.connect(settings.host(), settings.port(), settings.user(), password);
            return t;
        } catch (AuthenticationFailedException e) {
            throw new IOException("SMTP authentication as " + settings.user() + " failed at " + settings.host() + ":"
                    + settings.port(), e);
        } catch (MessagingException e) {
            throw new IOException((first ? "cannot connect to " : "cannot reconnect to ") + settings.host() + ":"
                    + settings.port() + ": " + oneLine(e.getMessage()) + because(e), e);
        }
    }

    /** Waits for a token: one message per 60/perMinute seconds, the first at once. */
    private void throttle() throws IOException {
        if (settings.perMinute() <= 0) {
            return;
        }
        long interval = (long) (60_000_000_000.0 / settings.perMinute());
        long now = sleeper.nanoTime();
        if (nextSendAt != Long.MIN_VALUE && now < nextSendAt) {
            try {
                sleeper.sleepNanos(nextSendAt - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting to send", e);
            }
            now = Math.max(now, nextSendAt);
        }
        nextSendAt = now + interval;
    }

    private static String messageId(byte[] bytes) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            return header(m, "Message-ID");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            String v = m.getHeader(name, null);
            return v == null ? null : v.strip();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The deepest cause's message (a certificate the trust store does not know, a name it is not for), or nothing. */
    private static String because(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 10 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? "" : " (" + oneLine(root.getMessage()) + ")";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
