package dev.mamori.server.bench;

import dev.mamori.server.ServerProcess;
import dev.mamori.server.ServerProcess.Db;
import dev.mamori.server.TestDatabases;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The server under load (issue 11): the real server as its own process on H2 and on PostgreSQL, seeded with
 * {@code --records} datasets, and {@code --clients} concurrent HTTP clients on loopback, each sending its next request
 * as soon as the last one is answered (a closed loop, no think time). After a warm-up, each operation is measured on
 * its own for {@code --seconds}, then all of them mixed; for each: count, throughput, p50/p90/p99/max latency, errors.
 * Not a test: run it with {@code ./mvnw -pl mamori-server -am -Pbench-server -DskipTests -DskipFuzz verify}
 * (docs/benchmarks.md).
 */
public final class ServerLoad {

    private static final String TOKEN = "mamori_" + random(32);
    private static final String WEB_PASSWORD = random(18);
    private static final List<String> TERMS = List.of("給与", "004711", "キャンペーン");

    /**
     * One kind of request. To measure another register, add an operation here (same list/create shape).
     *
     * @param expected the status that counts as success
     */
    record Op(String name, int expected, Function<Client, ClassicHttpRequest> request) {
    }

    static final List<Op> OPS = List.of(
            new Op("api-list", 200, c -> c.api(ClassicRequestBuilder.get(c.uri("/api/datasets"))).build()),
            new Op("api-search", 200, c -> c.api(ClassicRequestBuilder.get(c.uri("/api/datasets?q="
                    + URLEncoder.encode(c.next(TERMS), StandardCharsets.UTF_8)))).build()),
            new Op("html-list", 200, c -> c.web(ClassicRequestBuilder.get(c.uri("/datasets"))).build()),
            new Op("api-create", 201, c -> c.api(ClassicRequestBuilder.post(c.uri("/api/datasets")))
                    .setEntity(new StringEntity(Seed.json(c.nextId()), ContentType.APPLICATION_JSON)).build()));

    record Options(List<String> dbs, int records, int clients, int warmup, int seconds, List<String> ops) {
        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>(Map.of("--db", "h2,postgres", "--records", "100000", "--clients", "50",
                    "--warmup", "20", "--seconds", "30", "--ops", ""));
            for (int i = 0; i < args.length; i += 2) {
                if (!m.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: ServerLoad [--db h2,postgres] [--records 100000] [--clients 50]"
                            + " [--warmup 20] [--seconds 30] [--ops api-list,api-create]");
                }
                m.put(args[i], args[i + 1]);
            }
            return new Options(List.of(m.get("--db").split(",")), Integer.parseInt(m.get("--records")),
                    Integer.parseInt(m.get("--clients")), Integer.parseInt(m.get("--warmup")), Integer.parseInt(m.get("--seconds")),
                    m.get("--ops").isBlank() ? List.of() : List.of(m.get("--ops").split(",")));
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN); // Flyway's progress while seeding
        List<Op> ops = o.ops().isEmpty() ? OPS : OPS.stream().filter(op -> o.ops().contains(op.name())).toList();
        System.out.printf("%d clients, %,d records, warm-up %d s, %d s per operation; %d cores, Java %s%n", o.clients(), o.records(),
                o.warmup(), o.seconds(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> table = new ArrayList<>();
        for (String name : o.dbs()) {
            Path h2 = null;
            Db db;
            if (name.equals("h2")) {
                h2 = Files.createTempDirectory(Path.of("target"), "bench-h2-");
                db = Db.h2(h2);
            } else if (name.equals("postgres")) {
                String url = TestDatabases.postgres();
                if (url == null) {
                    throw new IllegalStateException("no PostgreSQL: run eval \"$(.ci/postgres)\" first (sets MAMORI_TEST_PG_URL)");
                }
                db = Db.postgres(url, "bench");
            } else {
                throw new IllegalArgumentException("--db: h2 or postgres, not " + name);
            }
            try {
                table.addAll(run(db, name, o, ops));
            } finally {
                Seed.drop(db);
                if (h2 != null) {
                    try (Stream<Path> files = Files.walk(h2)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| database | phase | operation | requests | per s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        table.forEach(System.out::println);
    }

    private static List<String> run(Db db, String name, Options o, List<Op> ops) throws Exception {
        long t = System.nanoTime();
        Seed.prepare(db, TOKEN, WEB_PASSWORD, o.records());
        System.out.printf("%n[%s] seeded %,d datasets (and their history and audit entries) by JDBC in %.1f s%n", name, o.records(),
                (System.nanoTime() - t) / 1e9);
        ServerProcess server = ServerProcess.start(db, "bench-server",
                List.of(System.getenv().getOrDefault("MAMORI_BENCH_JVM", "-Xmx1g").trim().split("\\s+")));
        List<String> rows = new ArrayList<>();
        try (CloseableHttpClient http = client(o.clients())) {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < o.clients(); i++) {
                clients.add(new Client(i, http, server, TOKEN, Seed.WEB_USER, WEB_PASSWORD));
            }
            System.out.printf("[%s] server up (pid %d), %d clients logged in; warming up %d s%n", name, server.pid(), clients.size(), o.warmup());
            phase(clients, ops, o.warmup(), null);
            List<List<Op>> phases = new ArrayList<>(ops.stream().map(List::of).toList());
            if (ops.size() > 1) {
                phases.add(ops);
            }
            for (List<Op> p : phases) {
                String label = p.size() == 1 ? "alone" : "mixed";
                phase(clients, p, 3, null);
                Map<Op, Samples> samples = new LinkedHashMap<>();
                p.forEach(op -> samples.put(op, new Samples()));
                double speed = machineSpeed();
                Usage u = Usage.start(server);
                double seconds = phase(clients, p, o.seconds(), samples);
                System.out.printf("[%s] %s: %s; machine speed before: SHA-256 %.0f MB/s on one thread%n", name,
                        label + (p.size() == 1 ? " " + p.get(0).name() : ""), u.end(seconds), speed);
                for (var e : samples.entrySet()) {
                    String row = e.getValue().row(name, label, e.getKey().name(), seconds);
                    System.out.println("  " + row);
                    rows.add(row);
                }
            }
        } finally {
            server.stop();
        }
        ServerProcess.Verify v = ServerProcess.auditVerify(db);
        System.out.printf("[%s] audit verify: exit %d, %s", name, v.exitCode(), v.output());
        return rows;
    }

    /** Every client sends {@code ops} in turn for {@code seconds}; returns the measured time in seconds. */
    private static double phase(List<Client> clients, List<Op> ops, int seconds, Map<Op, Samples> samples) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (Client c : clients) {
            Thread th = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long end = window[1];
                    for (int i = c.index(); System.nanoTime() < end; i++) {
                        Op op = ops.get(i % ops.size());
                        ClassicHttpRequest request = op.request().apply(c);
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = c.http().execute(request, r -> {
                                EntityUtils.consume(r.getEntity());
                                return r.getCode();
                            });
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - start;
                        if (samples != null) {
                            samples.get(op).add(took, status == op.expected() ? null : op.name() + " → " + status);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(th);
            th.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed", failure.get());
        }
        return (System.nanoTime() - window[0]) / 1e9;
    }

    /**
     * The clients' HTTP: Apache HttpClient's blocking classic API, one pooled keep-alive connection per client, no
     * cookies (each client sends its own session), no redirects or retries (a failure counts as one). java.net.http
     * took about twice the CPU per request (1.1 against 0.5 ms), from the two cores the server is measured on.
     */
    private static CloseableHttpClient client(int clients) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(clients).setMaxConnPerRoute(clients)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                                .setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries().build();
    }

    /** One virtual user: an API token for the REST API, and a logged-in browser session for the pages. */
    static final class Client {
        private final int index;
        private final CloseableHttpClient http;
        private final ServerProcess server;
        private final String token;
        private final String session;
        private long sequence;

        Client(int index, CloseableHttpClient http, ServerProcess server, String token, String user, String password) throws Exception {
            this.index = index;
            this.http = http;
            this.server = server;
            this.token = token;
            this.session = login(user, password);
        }

        int index() {
            return index;
        }

        CloseableHttpClient http() {
            return http;
        }

        java.net.URI uri(String path) {
            return server.uri(path);
        }

        ClassicRequestBuilder api(ClassicRequestBuilder b) {
            return b.addHeader("Authorization", "Bearer " + token);
        }

        ClassicRequestBuilder web(ClassicRequestBuilder b) {
            return b.addHeader("Cookie", "JSESSIONID=" + session);
        }

        <T> T next(List<T> choices) {
            return choices.get((int) (sequence++ % choices.size()));
        }

        /** A number for a new record's name, unique across clients. */
        long nextId() {
            return 10_000_000L * (index + 1) + sequence++;
        }

        /** Form login with the CSRF token from the login page, as a browser does; returns the new session's id. */
        private String login(String user, String password) throws Exception {
            record Answer(int status, String body, String cookie, String location) {
            }
            HttpClientResponseHandler<Answer> answer = r -> new Answer(r.getCode(), EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8),
                    cookie(r), r.getFirstHeader("Location") == null ? "" : r.getFirstHeader("Location").getValue());
            Answer page = http.execute(ClassicRequestBuilder.get(uri("/login")).build(), answer);
            Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            if (!csrf.find() || page.cookie() == null) {
                throw new IllegalStateException("no CSRF token or session on the login page (" + page.status() + ")");
            }
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            Answer r = http.execute(ClassicRequestBuilder.post(uri("/login")).addHeader("Cookie", "JSESSIONID=" + page.cookie())
                    .setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED)).build(), answer);
            if (r.status() != 302 || r.location().contains("error") || r.cookie() == null) {
                throw new IllegalStateException("login failed: " + r.status() + " to " + r.location());
            }
            return r.cookie();
        }

        private static String cookie(ClassicHttpResponse r) {
            for (Header h : r.getHeaders("Set-Cookie")) {
                Matcher m = Pattern.compile("JSESSIONID=([^;]+)").matcher(h.getValue());
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** Latencies of one operation in one phase (nanoseconds), and its errors. */
    static final class Samples {
        private long[] nanos = new long[1 << 16];
        private int n;
        private int errors;
        private String firstError;

        synchronized void add(long took, String error) {
            if (error != null) {
                errors++;
                firstError = firstError == null ? error : firstError;
                return;
            }
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = took;
        }

        synchronized String row(String db, String phase, String op, double seconds) {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            return String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,.0f | %s | %s | %s | %s | %d%s |", db, phase, op, n, n / seconds,
                    ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), ms(s, 1.0), errors, firstError == null ? "" : " (" + firstError + ")");
        }

        private static String ms(long[] sorted, double q) {
            if (sorted.length == 0) {
                return "–";
            }
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return String.format(Locale.ROOT, "%.1f", sorted[i] / 1e6);
        }
    }

    /** CPU used by the server process and by this (client) process during a phase, and the machine's load. */
    record Usage(ServerProcess server, long serverCpu, long clientCpu, long postgresCpu, String loadBefore) {
        static Usage start(ServerProcess server) {
            return new Usage(server, server.cpuNanos(), clientCpuNanos(), postgresCpuNanos(), load());
        }

        String end(double seconds) {
            double cores = seconds * 1e9;
            return String.format(Locale.ROOT, "server CPU %.0f %%, client CPU %.0f %%, PostgreSQL CPU %.0f %% (of one core); load average %s → %s",
                    100 * (server.cpuNanos() - serverCpu) / cores, 100 * (clientCpuNanos() - clientCpu) / cores,
                    100 * (postgresCpuNanos() - postgresCpu) / cores, loadBefore, load());
        }

        /** CPU time of every process named postgres on this machine (its backends, WAL writer, checkpointer …). */
        private static long postgresCpuNanos() {
            long ticks = 0;
            try (var procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path p : procs) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                            continue;
                        }
                        String[] f = stat.substring(close + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                return 0;
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        private static long clientCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static String load() {
            try {
                return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
            } catch (java.io.IOException e) {
                return "?";
            }
        }
    }

    /**
     * How fast this machine is right now, with the server idle: SHA-256 over 1 MB blocks on one thread for half a
     * second, in MB/s. This VM's speed changes by up to twice between runs minutes apart (no steal time shows);
     * printed before each phase so that runs can be compared.
     */
    private static double machineSpeed() throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        new java.util.Random(1).nextBytes(block);
        for (int i = 0; i < 20; i++) {
            sha.update(block); // warm
        }
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 500_000_000L) {
            sha.update(block);
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
