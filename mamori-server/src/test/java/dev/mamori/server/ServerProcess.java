package dev.mamori.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * The server as a process of its own — real HTTP on loopback, a real database — started from the test class path, as
 * {@code CrashTest} and the load benchmark use it. The database is prepared beforehand ({@link #prepare}): schema,
 * a user and an API token, as the server would have them.
 */
public final class ServerProcess {

    /**
     * Where the server keeps its data: an H2 folder ({@code data} set) or a PostgreSQL schema ({@code schema} set).
     *
     * @param url the JDBC URL the test itself opens
     */
    public record Db(String url, String user, String password, Path data, String schema) {

        public static Db h2(Path data) {
            return new Db(Database.h2Url(data), "sa", "", data, null);
        }

        /** A fresh schema {@code prefix…} in the PostgreSQL database at {@code url} (user and password from the test environment). */
        public static Db postgres(String url, String prefix) {
            String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Db(schemaUrl, System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori"),
                    System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori"), null, schema);
        }

        public boolean isH2() {
            return data != null;
        }

        /** The options {@code serve} and {@code audit verify} take for this database. */
        public List<String> options() {
            return isH2() ? List.of("--data", data.toString()) : List.of("--db-url", url);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Creates the schema (Flyway, as the server would), a STAFF user {@code username} and an API token for it. */
    public static void prepare(Db db, String username, String token) throws Exception {
        var f = Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations(Database.migrationLocations(db.url()));
        if (db.schema() != null) {
            f = f.schemas(db.schema()).createSchemas(true);
        }
        f.load().migrate();
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, enabled, failed_logins,"
                    + " created_at, must_change_password) values (?, 'x', 'STAFF', true, 0, ?, false)")) {
                ps.setString(1, username);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into api_token (user_id, name, token_sha256, created_at)"
                    + " select id, 'test', ?, ? from app_user where username = ?")) {
                ps.setString(1, sha256(token));
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, username);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Starts {@code mamori serve} on a free port and waits until it answers. Its output goes to
     * {@code target/<name>-<port>.log}.
     */
    public static ServerProcess start(Db db, String name, List<String> jvmOptions) throws Exception {
        int port = freePort();
        List<String> cmd = java(jvmOptions);
        if (db.schema() != null) {
            cmd.add("-Dspring.flyway.schemas=" + db.schema());
        }
        cmd.addAll(List.of("dev.mamori.server.MamoriServer", "serve"));
        cmd.addAll(db.options());
        cmd.addAll(List.of("--port", String.valueOf(port)));
        Path log = Path.of("target", name + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MAMORI_DB_USER", db.user());
        pb.environment().put("MAMORI_DB_PASSWORD", db.password());
        ServerProcess s = new ServerProcess(pb.start(), port, log);
        try {
            s.awaitUp();
        } catch (Exception | Error e) {
            s.kill();
            throw e;
        }
        return s;
    }

    /** What {@code mamori audit verify} said, and its exit code. */
    public record Verify(int exitCode, String output) {
    }

    /** Runs {@code mamori audit verify} on the database as a process of its own (the server must be stopped for H2). */
    public static Verify auditVerify(Db db) throws Exception {
        List<String> cmd = java(List.of());
        cmd.addAll(List.of("dev.mamori.server.MamoriServer", "audit", "verify"));
        cmd.addAll(db.options());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("MAMORI_DB_USER", db.user());
        pb.environment().put("MAMORI_DB_PASSWORD", db.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("audit verify did not finish within 120 s");
        }
        return new Verify(p.exitValue(), out);
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL (on Linux): no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Ctrl-C or a service manager stops it, and waits for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 60 s of SIGTERM (see " + log + ")");
        }
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the server process has used so far (0 where the system does not say). */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    public Path log() {
        return log;
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " while starting (see " + log + ")");
            }
            try {
                http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not start within 90 s (see " + log + ")");
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions.isEmpty() ? List.of("-Xmx512m") : jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return cmd;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
