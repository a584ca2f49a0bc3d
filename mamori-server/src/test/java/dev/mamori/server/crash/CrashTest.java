package dev.mamori.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.Database;
import dev.mamori.server.TestDatabases;
import dev.mamori.server.audit.AuditChain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process, written to by concurrent REST clients and killed with SIGKILL in the middle: every
 * dataset acknowledged with a 2xx is there afterwards, and the audit log's chain holds — on H2 and on PostgreSQL.
 */
class CrashTest {

    private static final String TOKEN = "mamori_crash-test-token-0123456789abcdefghijklmnopq";

    @TempDir
    Path data;

    record Db(String url, String user, String password, String schema) {
    }

    @Test
    void h2() throws Exception {
        crash(new Db(Database.h2Url(data), "sa", "", null), List.of("serve", "--data", data.toString()));
    }

    @Test
    void postgres() throws Exception {
        String url = TestDatabases.postgres();
        assumeTrue(url != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
        String schema = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori");
        String password = System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori");
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        crash(new Db(schemaUrl, user, password, schema), List.of("serve", "--db-url", schemaUrl));
    }

    private void crash(Db db, List<String> serveArgs) throws Exception {
        seed(db);
        int port = freePort();
        Process server = start(db, serveArgs, port);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            awaitUp(port);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            AtomicBoolean go = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; go.get(); i++) {
                        String body = "{\"name\": \"crash " + client + "-" + i + "\", \"purpose\": \"test\", \"persons\": " + i + "}";
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/datasets"))
                                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() / 100 == 2) {
                                Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
                                assertThat(m.find()).isTrue();
                                acknowledged.add(Long.parseLong(m.group(1)));
                            }
                        } catch (IOException | InterruptedException e) {
                            return null; // the server was killed
                        }
                    }
                    return null;
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 200 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            server.waitFor(30, TimeUnit.SECONDS);
            go.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : running) {
                f.get(); // a client's failed check (a 2xx without an id) fails the test here
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(50);
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            Set<Long> stored = ConcurrentHashMap.newKeySet();
            try (var rs = c.createStatement().executeQuery("select id from dataset")) {
                while (rs.next()) {
                    stored.add(rs.getLong(1));
                }
            }
            assertThat(stored).containsAll(acknowledged);
            AuditChain.Verdict v = AuditChain.verify(c);
            assertThat(v.intact()).as(v.problem()).isTrue();
            try (var rs = c.createStatement().executeQuery("select count(*) from audit_log where action = 'CREATE'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(stored.size());
            }
        }
    }

    /** Schema, a user and a token, as the server would have them, before it starts. */
    private static void seed(Db db) throws Exception {
        var f = Flyway.configure().dataSource(db.url(), db.user(), db.password());
        if (db.schema() != null) {
            f = f.schemas(db.schema()).createSchemas(true);
        }
        f.load().migrate();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, enabled, failed_logins,"
                    + " created_at, must_change_password) values ('loader', 'x', 'STAFF', true, 0, ?, false)")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into api_token (user_id, name, token_sha256, created_at)"
                    + " select id, 'crash', ?, ? from app_user where username = 'loader'")) {
                ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.UTF_8))));
                ps.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
    }

    private static Process start(Db db, List<String> serveArgs, int port) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path")));
        if (db.schema() != null) {
            cmd.add("-Dspring.flyway.schemas=" + db.schema());
        }
        cmd.add("dev.mamori.server.MamoriServer");
        cmd.addAll(serveArgs);
        cmd.addAll(List.of("--port", String.valueOf(port)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "crash-server-" + port + ".log").toFile());
        pb.environment().put("MAMORI_DB_USER", db.user());
        pb.environment().put("MAMORI_DB_PASSWORD", db.password());
        return pb.start();
    }

    private static void awaitUp(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not start within 90 s (see target/crash-server-" + port + ".log)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
