package dev.mamori.mail.smtp;


import dev.mamori.mail.Maildir;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The SMTP receiver behind {@code mamori spam trap}: accepts mail only for the trap addresses,
 * prepends one {@code Received:} line of its own and stores each message in a Maildir. It never
 * relays, never bounces and asks no DNS unless told to ({@link Config#rdns()}).
 *
 * <p>Start it, read {@link #port()}, {@link #stop()} it; the command and the tests use it alike.
 */
public final class Trap {

    /** Largest message accepted, in bytes (larger: 552). */
    public static final int DEFAULT_MAX_SIZE = 10 * 1024 * 1024;
    /** Connections the kernel holds for the trap until it accepts them. */
    static final int LISTEN_BACKLOG = 1024;
    /** Connections served at once; more are told 421 at once. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;
    /** Connections from one address at once. */
    public static final int DEFAULT_MAX_PER_IP = 4;
    /** A whole command line must arrive within this of the reply before it. */
    public static final java.time.Duration DEFAULT_COMMAND_TIMEOUT = java.time.Duration.ofSeconds(60);
    /** A whole message (DATA or BDAT) must arrive within this of its start. */
    public static final java.time.Duration DEFAULT_MESSAGE_TIMEOUT = java.time.Duration.ofSeconds(300);

    /**
     * What the trap listens on and accepts. {@code domains} are whole trap domains (every local part
     * there is a trap), {@code addresses} single trap addresses; both are compared in lower case, local
     * part included. {@code port} 0 picks a free port. {@code maxPerIp} connections from one address at a
     * time; {@code commandTimeout} for each command line, {@code messageTimeout} for a whole message
     * ({@link TrapSockets}).
     */
    public record Config(InetAddress bind, int port, Set<String> domains, Set<String> addresses, Path maildir,
            int maxSize, int maxRecipients, int maxConnections, int maxPerIp, Duration commandTimeout, Duration messageTimeout,
            String hostname, boolean rdns) {
        public Config {
            Objects.requireNonNull(bind, "bind");
            Objects.requireNonNull(maildir, "maildir");
            Objects.requireNonNull(hostname, "hostname");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            Objects.requireNonNull(messageTimeout, "messageTimeout");
            domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
            addresses = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
            if (domains.isEmpty() && addresses.isEmpty()) {
                throw new IllegalArgumentException("no trap addresses or domains");
            }
            if (port < 0 || port > 65535 || maxSize < 1 || maxRecipients < 1 || maxConnections < 1 || maxPerIp < 1
                    || commandTimeout.toMillis() < 1 || messageTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("port, sizes, limits and deadlines out of range");
            }
        }

        /** The defaults of {@code mamori spam trap} for everything but what to listen on and accept. */
        public static Config of(InetAddress bind, int port, Set<String> domains, Set<String> addresses, Path maildir, String hostname) {
            return new Config(bind, port, domains, addresses, maildir, DEFAULT_MAX_SIZE, 100,
                    DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_IP, DEFAULT_COMMAND_TIMEOUT,
                    DEFAULT_MESSAGE_TIMEOUT, hostname, false);
        }

        public Config withMaxSize(int bytes) {
            return new Config(bind, port, domains, addresses, maildir, bytes, maxRecipients, maxConnections, maxPerIp, commandTimeout,
                    messageTimeout, hostname, rdns);
        }

        public Config withConnections(int max, int perIp) {
            return new Config(bind, port, domains, addresses, maildir, maxSize, maxRecipients, max, perIp, commandTimeout,
                    messageTimeout, hostname, rdns);
        }

        public Config withTimeouts(Duration command, Duration message) {
            return new Config(bind, port, domains, addresses, maildir, maxSize, maxRecipients, maxConnections, maxPerIp, command,
                    message, hostname, rdns);
        }
    }

    /** RFC 5322 date-time with a numeric zone, e.g. {@code Tue, 3 Jun 2025 11:05:30 +0900}. */
    public static final DateTimeFormatter RFC5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US);

    private static final AtomicLong IDS = new AtomicLong();

    private final Config config;
    private final Consumer<String> log;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private SMTPServer server;
    private int port;
    private boolean stopping;

    /** {@code log} receives one line per accepted or refused message; it must be safe to call from many threads. */
    public Trap(Config config, Consumer<String> log) {
        this(config, log, Clock.systemDefaultZone());
    }

    public Trap(Config config, Consumer<String> log, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Binds and starts accepting; an {@link IOException} if the address cannot be bound. Once only. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("a trap starts once");
        }
        // SubEthaSMTP accepts up to 10 connections past the limit to answer them 421 at once; a thread each lets it
        // answer them now rather than after a slot frees (a client past those waits in the listen queue)
        ExecutorService sessions = Executors.newFixedThreadPool(config.maxConnections() + 10, daemonThreads());
        TrapSockets.Deadlines deadlines = new TrapSockets.Deadlines(config.commandTimeout(), config.messageTimeout());
        SMTPServer s = SMTPServer.port(config.port())
                .bindAddress(config.bind())
                .hostName(config.hostname())
                .softwareName("Mamori trap")
                .messageHandlerFactory(Handler::new)
                .executorService(sessions)
                .serverSocketFactory(() -> new TrapSockets.Server(deadlines, this::log))
                .sessionHandler(perIpLimit())
                // a burst of connections past the listen queue is dropped by the kernel after the handshake: the client
                // waits for a greeting that never comes (SubEthaSMTP's default queue, 50, lost one of 200 at once on a
                // loaded machine); the kernel caps it at net.core.somaxconn
                .backlog(LISTEN_BACKLOG)
                .maxConnections(config.maxConnections())
                .maxRecipients(config.maxRecipients())
                .maxMessageSize(config.maxSize())
                .connectionTimeout((int) Math.min(Integer.MAX_VALUE, config.commandTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .insertReceivedHeaders(false)
                .build();
        try {
            s.start();
        } catch (RuntimeException e) {
            sessions.shutdownNow();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        server = s;
        port = config.port() != 0 ? config.port() : s.getPortAllocated();
    }

    /** The port bound (the one picked when the configuration said 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /**
     * Stops listening, closes open sessions (a message still being received is not stored; its
     * sender will retry), waits for deliveries in progress, and releases the port. Safe to call twice.
     */
    public void stop() {
        SMTPServer s;
        synchronized (this) {
            if (server == null || stopping) {
                stopped.countDown();
                return;
            }
            stopping = true;
            s = server;
        }
        try {
            s.stop();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * The trap's own Received line, CRLF-terminated and folded exactly so:
     * {@code Received: from HELO (RDNS [IP])\r\n\tby HOST (Mamori trap) with ESMTP id ID\r\n\tfor <RCPT>; DATE\r\n}.
     */
    public static String received(String helo, String rdns, String ip, String host, String id, String rcpt, ZonedDateTime date) {
        return "Received: from " + token(helo) + " (" + token(rdns) + " [" + ip + "])\r\n"
                + "\tby " + host + " (Mamori trap) with ESMTP id " + id + "\r\n"
                + "\tfor <" + rcpt + ">; " + RFC5322.format(date) + "\r\n";
    }

    /**
     * A client-supplied name made safe for a header and a log line: printable ASCII only, no
     * brackets, parentheses, angle brackets, semicolons or spaces; {@code unknown} if nothing is left.
     */
    public static String token(String s) {
        if (s == null) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 255; i++) {
            char c = s.charAt(i);
            if (c > 0x20 && c < 0x7f && "[]()<>;\\\"".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "unknown" : sb.toString();
    }

    /** A sender for the log: the local part hidden ({@code ***@example.com}), {@code <>} for the null sender. */
    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "<>";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? "***" : "***@" + token(address.substring(at + 1));
    }

    /** Lower case, angle brackets and surrounding spaces removed. */
    public static String normalise(String address) {
        String a = address == null ? "" : address.trim();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).trim();
        }
        return a.toLowerCase(Locale.ROOT);
    }

    public boolean isTrap(String address) {
        String a = normalise(address);
        if (config.addresses().contains(a)) {
            return true;
        }
        int at = a.lastIndexOf('@');
        return at > 0 && at < a.length() - 1 && config.domains().contains(a.substring(at + 1));
    }

    /**
     * At most {@link Config#maxPerIp} sessions from one address (SubEthaSMTP's limiter); the others get
     * 421 at once, so that one sender's connections cannot take every slot. Each refusal is logged.
     */
    private SessionHandler perIpLimit() {
        SessionHandler limit = SessionHandler.limitConcurrentSessionsBySource(config.maxPerIp());
        return new SessionHandler() {
            @Override
            public SessionHandler.SessionAcceptance accept(Session session) {
                SessionHandler.SessionAcceptance a = limit.accept(session);
                if (!a.accepted()) {
                    log("refused 421 ip=" + ip(session.getSocket().getInetAddress()) + " (already " + config.maxPerIp()
                            + " connections from this address)");
                }
                return a;
            }

            @Override
            public void onSessionEnd(Session session) {
                limit.onSessionEnd(session);
            }
        };
    }

    private static String newId() {
        return Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "-"
                + Long.toString(IDS.incrementAndGet(), 36).toUpperCase(Locale.ROOT);
    }

    public static String ip(InetAddress a) {
        String s = a.getHostAddress();
        int scope = s.indexOf('%');
        return a instanceof Inet6Address && scope >= 0 ? s.substring(0, scope) : s;
    }

    private void log(String line) {
        log.accept(Instant.now(clock) + " " + line);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mamori-trap-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One per mail transaction (SubEthaSMTP makes a new one after each MAIL … DATA or RSET). */
    private final class Handler implements MessageHandler {
        private final MessageContext context;
        private final List<String> recipients = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private String from = "";

        Handler(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) {
            this.from = from == null ? "" : from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (isTrap(recipient)) {
                // shown as the client wrote it (cleaned), compared in lower case
                if (seen.add(normalise(recipient))) {
                    recipients.add(token(recipient));
                }
                return;
            }
            log("refused 550 " + client() + " from=" + mask(from) + " to=" + mask(recipient) + " (not a trap address)");
            throw new RejectException(550, "5.1.1 <" + token(recipient) + ">: Recipient address rejected: User unknown");
        }

        /**
         * The message, read within the message deadline. Only a transfer that ended as SMTP ends one (the
         * final dot of DATA, the last byte of BDAT … LAST) is stored: a client that hangs up or stalls
         * part-way, in DATA or between BDAT chunks, leaves nothing behind and is logged as aborted.
         */
        @Override
        public String data(InputStream in) throws RejectException, IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            TrapSockets.Guarded guard = context instanceof Session session && session.getSocket() instanceof TrapSockets.Guarded g
                    ? g : null;
            if (guard != null) {
                guard.messageStarts();
            }
            try {
                while ((n = in.read(buf)) != -1) {
                    if (guard != null) {
                        guard.failIfExpired();
                    }
                    total += n;
                    if (total > config.maxSize()) {
                        drain(in, buf, total);
                        log("refused 552 " + client() + " from=" + mask(from) + " to=" + String.join(",", recipients)
                                + " (over " + config.maxSize() + " bytes; nothing stored)");
                        endTransaction();
                        throw new RejectException(552, "5.3.4 Message size exceeds fixed limit");
                    }
                    body.write(buf, 0, n);
                }
                if (guard != null && guard.hungUp()) {
                    // SubEthaSMTP's BDAT stream ends a chunk cut off by the client as if it were complete
                    throw new EOFException("connection closed before the end of the message");
                }
            } catch (IOException | RuntimeException e) {
                log("aborted " + client() + " from=" + mask(from) + " to=" + String.join(",", recipients) + " ("
                        + (guard != null && guard.hungUp() ? "connection closed before the end of the message" : why(e)) + " after "
                        + total + " bytes; nothing stored)");
                throw e instanceof IOException io ? io : new IOException("the message transfer failed", e);
            } finally {
                if (guard != null) {
                    guard.messageEnds();
                }
            }
            String id = newId();
            String rcpt = recipients.isEmpty() ? "unknown" : recipients.get(0);
            String header = received(helo(), rdns(), remoteIp(), config.hostname(), id, rcpt, ZonedDateTime.now(clock));
            byte[] head = header.getBytes(StandardCharsets.US_ASCII);
            byte[] message = new byte[head.length + body.size()];
            System.arraycopy(head, 0, message, 0, head.length);
            System.arraycopy(body.toByteArray(), 0, message, head.length, body.size());
            Path stored;
            try {
                stored = Maildir.deliver(config.maildir(), message);
            } catch (IOException | UncheckedIOException e) {
                log("deferred 451 " + client() + " id=" + id + " (cannot store: " + e.getMessage() + ")");
                endTransaction();
                throw new RejectException(451, "4.3.0 Cannot store the message now; try again later");
            }
            log("accepted " + client() + " id=" + id + " from=" + mask(from) + " to=" + String.join(",", recipients)
                    + " size=" + body.size() + " file=new/" + stored.getFileName());
            return "2.0.0 Ok: queued as " + id;
        }

        private static String why(Exception e) {
            if (e instanceof SocketTimeoutException) {
                return e.getMessage(); // which deadline
            }
            return e instanceof EOFException ? "connection closed before the end of the message" : "connection lost";
        }

        /**
         * Reads the rest of an oversized message so that the 552 is the answer to the final dot and
         * the session stays in step; past a generous limit the connection is dropped instead.
         */
        private void drain(InputStream in, byte[] buf, long soFar) throws IOException, DropConnectionException {
            long limit = Math.max(16L << 20, 4L * config.maxSize());
            long extra = 0;
            int n;
            while ((n = in.read(buf)) != -1) {
                extra += n;
                if (extra > limit) {
                    log("refused 552 " + client() + " from=" + mask(from) + " (still sending past " + (soFar + extra)
                            + " bytes; connection closed, nothing stored)");
                    throw new DropConnectionException(552, "5.3.4 Message size exceeds fixed limit; closing connection");
                }
            }
        }

        @Override
        public void done() {
        }

        /**
         * The reply to the final dot ends the transaction whatever it says (RFC 5321 4.1.1.4), but
         * SubEthaSMTP 7 resets it only after a 250; without this a client's next MAIL would get 503.
         */
        private void endTransaction() {
            if (context instanceof Session session) {
                session.resetMailTransaction();
            }
        }

        private String client() {
            return "ip=" + remoteIp() + " helo=" + helo();
        }

        private String helo() {
            return token(context.getHelo().orElse(null));
        }

        private InetAddress remoteAddress() {
            SocketAddress a = context.getRemoteAddress();
            return a instanceof InetSocketAddress isa ? isa.getAddress() : null;
        }

        private String remoteIp() {
            InetAddress a = remoteAddress();
            return a == null ? "0.0.0.0" : ip(a);
        }

        /** The PTR name only when asked for ({@code --rdns}), and at most two seconds of waiting. */
        private String rdns() {
            InetAddress a = remoteAddress();
            if (!config.rdns() || a == null) {
                return "unknown";
            }
            try {
                String name = CompletableFuture.supplyAsync(a::getCanonicalHostName).get(2, TimeUnit.SECONDS);
                return name == null || name.equals(a.getHostAddress()) ? "unknown" : token(name);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return "unknown";
            }
        }
    }
}
