package dev.mamori.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.Database;
import dev.mamori.server.ServerProcess;
import dev.mamori.server.TestDatabases;
import dev.mamori.server.audit.AuditChain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mamori db copy}: an H2 data folder written by the real server (as its own process, over REST) is copied to a
 * private PostgreSQL schema, where the counts agree, the audit chain verifies and new rows get fresh ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbCopyTest {

    private static final String TOKEN = "mamori_dbcopy-test-token-0123456789abcdefghijklmnop";
    private static final String SECRET = "pg-Secret-never-printed";

    @TempDir
    static Path data;

    /** What {@code db copy} said while the server still held the H2 file. */
    private Result whileServing;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    void fillThroughTheServer() throws Exception {
        ServerProcess.Db db = ServerProcess.Db.h2(data);
        ServerProcess.prepare(db, "loader", TOKEN);
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role,"
                + " enabled, failed_logins, created_at, must_change_password) values (?, 'x', 'STAFF', true, 0, ?, false)")) {
            for (String u : List.of("second", "third")) {
                ps.setString(1, u);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
        }
        ServerProcess server = ServerProcess.start(db, "dbcopy-server", List.of("-Xmx384m"));
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 12; i++) {
                String r = send(http, server, "POST", "/api/datasets",
                        "{\"name\": \"コピー " + i + "\", \"purpose\": \"会員への連絡\", \"persons\": " + (100 + i) + "}");
                Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r);
                assertThat(m.find()).as(r).isTrue();
                if (i % 3 == 0) { // a second version, so dataset_history has more rows than dataset
                    send(http, server, "PUT", "/api/datasets/" + m.group(1),
                            "{\"version\": 1, \"name\": \"コピー " + i + "\", \"purpose\": \"会員への連絡と請求\", \"persons\": " + (200 + i) + "}");
                }
                send(http, server, "GET", "/api/datasets/" + m.group(1), null);
            }
            whileServing = copy("--data", data.toString(), "--to-url", "jdbc:postgresql://127.0.0.1:1/never-reached");
        } finally {
            server.stop(); // SIGTERM: the server shuts down and releases the H2 file
        }
    }

    @Test
    void aDatabaseTheServerHoldsIsRefusedWithAClearMessage() {
        assertThat(whileServing.code()).isEqualTo(2);
        assertThat(whileServing.err()).contains("stop the server").contains("サーバーを止めて");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(copy("--to-url", "jdbc:postgresql://h/db").code()).isEqualTo(2);
        Result mysql = copy("--data", data.toString(), "--to-url", "jdbc:mysql://h/db");
        assertThat(mysql.code()).isEqualTo(2);
        assertThat(mysql.err()).contains("PostgreSQL");
        Result missing = copy("--data", data.resolve("nothing-here").toString(), "--to-url", "jdbc:postgresql://h/db");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no database in");
    }

    @Test
    void copiesEveryTableToPostgresAndNewRowsGetFreshIds() throws Exception {
        String target = freshPostgresSchema();
        Result r = copy("--data", data.toString(), "--to-url", target);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("app_user", "dataset_history", "audit_log", "the target's audit log is intact")
                .doesNotContain(SECRET, "コピー 3", "会員への連絡");
        assertThat(r.err()).isEmpty();

        Map<String, Long> source;
        try (Connection h2 = DriverManager.getConnection(Database.h2Url(data) + ";IFEXISTS=TRUE", "sa", "")) {
            source = counts(h2);
        }
        try (Connection pg = DriverManager.getConnection(target, pgUser(), pgPassword())) {
            Map<String, Long> copied = counts(pg);
            assertThat(copied).isEqualTo(source);
            assertThat(copied.get("dataset")).isEqualTo(12);
            assertThat(copied.get("dataset_history")).isEqualTo(16);
            assertThat(copied.get("audit_log")).isGreaterThanOrEqualTo(12 + 4 + 12);
            assertThat(AuditChain.verify(pg).intact()).isTrue();

            // identity columns continue above the copied ids: no duplicate key on the next insert
            long maxUser = single(pg, "select max(id) from app_user");
            try (PreparedStatement ps = pg.prepareStatement("insert into app_user (username, password_hash, role, enabled, failed_logins,"
                    + " created_at) values ('after-copy', 'x', 'STAFF', true, 0, now())", new String[] {"id"})) {
                ps.executeUpdate();
                ResultSet keys = ps.getGeneratedKeys();
                keys.next();
                assertThat(keys.getLong(1)).isGreaterThan(maxUser);
            }
            long maxDataset = single(pg, "select max(id) from dataset");
            pg.createStatement().executeUpdate("insert into dataset (version, name, purpose, items_json, item_count, my_number,"
                    + " search_text, created_at, updated_at, updated_by) values (1, 'after copy', 'test', '[]', 0, false, 'after copy', now(), now(),"
                    + " 'loader')");
            assertThat(single(pg, "select max(id) from dataset")).isGreaterThan(maxDataset);
        }
    }

    @Test
    void aTargetWithRowsIsRefusedNamingTheTable() throws Exception {
        String target = freshPostgresSchema();
        Flyway.configure().dataSource(target, pgUser(), pgPassword()).locations(Database.migrationLocations(target)).load().migrate();
        try (Connection pg = DriverManager.getConnection(target, pgUser(), pgPassword())) {
            pg.createStatement().executeUpdate("insert into app_user (username, password_hash, role, enabled, failed_logins, created_at)"
                    + " values ('admin', 'x', 'ADMIN', true, 0, now())");
        }
        Result r = copy("--data", data.toString(), "--to-url", target);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("app_user").contains("already holds 1 row:");
        try (Connection pg = DriverManager.getConnection(target, pgUser(), pgPassword())) {
            assertThat(single(pg, "select count(*) from dataset")).isZero();
        }
    }

    @Test
    void aSourceAtAnotherSchemaVersionIsRefused() throws Exception {
        String older = freshPostgresSchema();
        Flyway.configure().dataSource(older, pgUser(), pgPassword()).target("1").load().migrate();
        String target = freshPostgresSchema();
        Result r = copy("--from-url", older, "--to-url", target);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("schema versions differ (source 1, target ");
    }

    @Test
    void aPasswordIsNeverPrinted() throws Exception {
        String target = freshPostgresSchema();
        Result r = copy(Map.of("MAMORI_DB_PASSWORD", SECRET), "--data", data.toString(), "--to-url", target);
        assertThat(r.err()).isNotEmpty(); // the test database checks passwords
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }

    @Test
    void aFailedBatchIsToldWithoutTheRowItQuotes() {
        var batch = new java.sql.BatchUpdateException("Batch entry 0 insert into app_user values ('山田太郎') was aborted", new int[0]);
        batch.setNextException(new java.sql.SQLException("ERROR: value too long for type character varying(100)\n  Detail: …"));
        assertThat(DbCopyCommand.firstLine(batch)).isEqualTo("ERROR: value too long for type character varying(100)");
        assertThat(DbCopyCommand.firstLine(new java.sql.BatchUpdateException("… '山田太郎' …", new int[0]))).doesNotContain("山田");
    }

    private Result copy(String... args) {
        return copy(Map.of(), args);
    }

    private Result copy(Map<String, String> overrides, String... args) {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("MAMORI_DB_USER", pgUser());
        env.put("MAMORI_DB_PASSWORD", pgPassword());
        env.put("MAMORI_FROM_DB_USER", pgUser());
        env.put("MAMORI_FROM_DB_PASSWORD", pgPassword());
        env.putAll(overrides);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DbCopyCommand(env));
        cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A new, empty schema in the test PostgreSQL; the URL selects it. Skips (or fails, under CI) without PostgreSQL. */
    private static String freshPostgresSchema() throws Exception {
        String url = TestDatabases.postgres();
        assumeTrue(url != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
        String schema = "copy" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, pgUser(), pgPassword())) {
            c.createStatement().execute("create schema " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String pgUser() {
        return System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori");
    }

    private static String pgPassword() {
        return System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori");
    }

    private static Map<String, Long> counts(Connection c) throws Exception {
        return DbCopy.counts(c, DbCopy.tablesInForeignKeyOrder(c));
    }

    private static long single(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String send(HttpClient http, ServerProcess server, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(30));
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode() / 100).as(method + " " + path + ": " + r.body()).isEqualTo(2);
        return r.body();
    }
}
