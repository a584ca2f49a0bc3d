package dev.mamori.cli.scan;

import static dev.mamori.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.cli.CliTest.Run;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mamori scan jdbc:…}: a database's tables scanned as tables, on a real PostgreSQL (the one .ci/run starts), an
 * H2 file and a SQLite file read with SQLite's own driver given by {@code --jdbc-driver}.
 */
class ScanDatabaseTest {

    /** SQLite's driver, copied here by the build (mamori-app/pom.xml): Mamori does not bundle it. */
    private static final Path SQLITE_DRIVER = Path.of("target", "jdbc-drivers", "sqlite-jdbc.jar");

    @TempDir
    Path dir;

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static final String[] CUSTOMERS = {
        "create table shop.customers (id int primary key, shimei varchar(40), birth_dt date, tel varchar(20), mynum varchar(12), memo varchar(200))",
        "comment on column shop.customers.shimei is '氏名'",
        "comment on column shop.customers.birth_dt is '生年月日'",
        "insert into shop.customers values (2, '佐藤 花子', date '1985-04-11', '090-1234-5678', '123456789018', '糖尿病で通院中')",
        "insert into shop.customers values (1, '山田 太郎', date '1970-01-02', '03-3456-7890', null, null)",
        "create view shop.v_customers as select * from shop.customers"};

    @Test
    void anH2FileIsScannedTableByTableMaskedAndLeftAsItWas() throws Exception {
        String file = dir.resolve("shop").toString();
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + file, "sa", "h2-Secret-77")) {
            exec(c, "create schema shop");
            exec(c, CUSTOMERS);
            exec(c, "create table shop.photos (customer_id int, photo blob)", "insert into shop.photos values (1, X'FFD8FF')");
        }
        byte[] before = Files.readAllBytes(Path.of(file + ".mv.db"));
        String url = "jdbc:h2:" + file + ";USER=sa;PASSWORD=h2-Secret-77";
        String shown = "jdbc:h2:" + file;

        Run r = run("--lang", "en", "scan", "--no-progress", url);
        assertThat(r.out()).contains(shown + "  DATABASE, 3 records")
                .contains("Table SHOP.CUSTOMERS: 2 rows, specific personal information (contains My Numbers)")
                .contains("Table SHOP.PHOTOS: 1 rows")
                .contains("SHIMEI（氏名）        PERSON").contains("BIRTH_DT（生年月日）  DATE_OF_BIRTH")
                .contains("MYNUM                 MY_NUMBER").contains("MEMO                  SENSITIVE_HEALTH")
                .contains("[unread] " + shown + " SHOP.PHOTOS: binary columns not read: PHOTO")
                .doesNotContain("V_CUSTOMERS").doesNotContain("佐藤 花子").doesNotContain("123456789018");
        assertThat(r.out() + r.err()).doesNotContain("h2-Secret-77").doesNotContain("PASSWORD");
        assertThat(r.code()).isZero();

        assertThat(run("scan", "--no-progress", "--fail-on", "MY_NUMBER", url).code()).as("a column unread: the gate cannot vouch").isEqualTo(2);
        assertThat(run("scan", "--no-progress", "--fail-on", "MY_NUMBER", "--allow-unread", url).code()).isEqualTo(1);
        assertThat(run("scan", "--no-progress", "--fail-on", "MY_NUMBER", "--exclude", "*.photos", url).code()).isEqualTo(1);

        Run sample = run("scan", "--no-progress", "--format", "jsonl", "--db-max-rows", "1", "--include", "shop.customers", url);
        List<JsonNode> findings = sample.jsonLines().stream().filter(l -> l.has("type")).toList();
        assertThat(sample.out()).contains("SHOP.CUSTOMERS: rows after the first 1 in key order not read (--db-max-rows)");
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("file").asText()).isEqualTo(shown);
            assertThat(f.get("sheet").asText()).isEqualTo("SHOP.CUSTOMERS");
            assertThat(f.get("row").asLong()).as("the first row in key order: id 1").isEqualTo(1);
        });
        assertThat(findings.stream().map(f -> f.get("type").asText())).contains("PERSON", "PHONE", "DATE_OF_BIRTH")
                .doesNotContain("MY_NUMBER");

        Run folder = run("--lang", "en", "scan", "--no-progress", dir.toString());
        assertThat(folder.out()).as("the file met in a folder: how to scan it").contains(file + ".mv.db  skipped (unread): an H2 database; scan it as a database: mamori scan " + shown);
        Run over = run("--lang", "en", "scan", "--no-progress", "--output", file + ".mv.db", url);
        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err()).contains("is the scanned database");
        Run spelled = run("--lang", "en", "scan", "--no-progress", "--output", file + ".mv.db", "jdbc:h2:split:nio:" + file + ";USER=sa;PASSWORD=h2-Secret-77");
        assertThat(spelled.code()).as("the file as the database names it, whatever the URL's spelling").isEqualTo(2);
        for (String[] args : List.of(new String[] {"--db-password=h2-Secret-77", url}, new String[] {"--db-password", "-S3cret-h2-Secret-77", url},
                new String[] {"--db-password", "h2-Secret-77", url})) {
            Run typed = run(java.util.stream.Stream.concat(Stream.of("--lang", "en", "scan", "--no-progress"), Stream.of(args)).toArray(String[]::new));
            assertThat(typed.code()).isEqualTo(2);
            assertThat(typed.err()).contains("--db-password takes no value").doesNotContain("h2-Secret-77");
        }
        java.io.InputStream stdin = System.in;
        try { // the password asked for: no console here, so read from standard input, the prompt on standard error
            System.setIn(new java.io.ByteArrayInputStream("h2-Secret-77\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Run asked = run("--lang", "en", "scan", "--no-progress", "--db-user", "sa", "--db-password", "--format", "jsonl", "jdbc:h2:" + file);
            assertThat(asked.code()).isZero();
            assertThat(asked.err()).startsWith("Database password for sa: \n");
            assertThat(asked.jsonLines()).isNotEmpty();
            assertThat(asked.out() + asked.err()).doesNotContain("h2-Secret-77");
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            Run ended = run("--lang", "en", "scan", "--no-progress", "--db-user", "sa", "--db-password", "jdbc:h2:" + file);
            assertThat(ended.code()).isEqualTo(2);
            assertThat(ended.err()).contains("no password was given (standard input ended)");
        } finally {
            System.setIn(stdin);
        }
        assertThat(Files.readAllBytes(Path.of(file + ".mv.db"))).as("opened read-only").isEqualTo(before);
        Run absent = run("--lang", "en", "scan", "--no-progress", "jdbc:h2:" + dir.resolve("absent"));
        assertThat(absent.code()).isEqualTo(2);
        assertThat(absent.err()).contains("cannot connect to the database");
        assertThat(dir.resolve("absent.mv.db")).as("never created").doesNotExist();
    }

    @Test
    void aPostgresqlDatabaseIsScannedWithItsCommentsPartitionsAndJson() throws Exception {
        String url = System.getenv("MAMORI_TEST_PG_URL");
        if (System.getenv("MAMORI_REQUIRE_PG") != null && (url == null || url.isBlank())) {
            throw new IllegalStateException("MAMORI_REQUIRE_PG is set but MAMORI_TEST_PG_URL is not: start PostgreSQL with .ci/postgres");
        }
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL (MAMORI_TEST_PG_URL)");
        String user = System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori");
        String password = System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori");
        String schema = "scan" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            exec(c, "create schema " + schema);
            try {
                exec(c, "set search_path = " + schema,
                        "create table customers (id int primary key, shimei text, birth_dt date, notes jsonb, mails text[], photo bytea)",
                        "comment on column customers.shimei is '氏名'", "comment on column customers.birth_dt is '生年月日'",
                        "insert into customers values (1, '佐藤 花子', '1985-04-11', '{\"memo\": \"うつ病で休職中\"}', '{hanako@example.jp}', null)",
                        "create table visits (id int, visited date, lat double precision, lon double precision) partition by range (visited)",
                        "create table visits_2024 partition of visits for values from ('2024-01-01') to ('2025-01-01')",
                        "create table visits_2025 partition of visits for values from ('2025-01-01') to ('2026-01-01')",
                        "insert into visits values (1, '2024-03-01', 35.681236, 139.767125), (2, '2025-03-01', 34.702485, 135.495951)",
                        "create table people (id int primary key, shimei text)", "create table staff (role text) inherits (people)",
                        "insert into people values (1, '高橋 健')", "insert into staff values (2, '伊藤 美咲', 'clerk')",
                        "create view v as select * from customers",
                        "create materialized view names as select shimei from customers");
                String withPassword = url + (url.contains("?") ? "&" : "?") + "password=" + password;
                Run r = run("--lang", "en", "scan", "--no-progress", "--format", "json", "--db-user", user, "--include", schema + ".*", withPassword);
                assertThat(r.code()).isZero();
                assertThat(r.out() + r.err()).doesNotContain("password=");
                JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("files").get(0);
                assertThat(file.get("format").asText()).isEqualTo("DATABASE");
                assertThat(file.get("file").asText()).isEqualTo(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
                List<String> tables = file.get("tables").findValuesAsText("sheet");
                assertThat(tables).as("a partitioned table through its parent (the usual grant), a materialized view, no view")
                        .containsExactly(schema + ".customers", schema + ".names", schema + ".people", schema + ".staff", schema + ".visits");
                assertThat(file.get("tables").findValues("rows").stream().map(JsonNode::asLong).toList())
                        .as("an inheriting table's rows counted once, under it").containsExactly(1L, 1L, 1L, 1L, 2L);
                assertThat(r.out()).contains("\"shimei（氏名）\"").contains("\"DATE_OF_BIRTH\"").contains("\"SENSITIVE_HEALTH\"")
                        .contains("\"EMAIL\"").contains("\"LOCATION\"").doesNotContain("佐藤 花子");
                assertThat(r.out()).contains(schema + ".customers: binary columns not read: photo");
            } finally {
                exec(c, "drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void aDatabaseOfAnotherKindIsReadWithTheDriverTheUserGives() throws Exception {
        assertThat(SQLITE_DRIVER).exists();
        Path db = dir.resolve("app.sqlite");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {SQLITE_DRIVER.toUri().toURL()})) {
            Driver sqlite = ServiceLoader.load(Driver.class, loader).stream().map(ServiceLoader.Provider::get)
                    .filter(d -> d.getClass().getName().startsWith("org.sqlite")).findFirst().orElseThrow();
            try (Connection c = sqlite.connect("jdbc:sqlite:" + db, new Properties())) {
                exec(c, "create table members (id integer primary key, name text, email text, phone text)",
                        "insert into members values (1, '高橋 健', 'ken@example.jp', '080-2345-6789')");
            }
        }
        byte[] before = Files.readAllBytes(db);
        String url = "jdbc:sqlite:" + db;
        assertThat(run("--lang", "en", "scan", "--no-progress", dir.toString()).out())
                .contains(db + "  skipped (unread): a SQLite database; scan it as a database: mamori scan " + url + " --jdbc-driver sqlite-jdbc.jar");
        Run without = run("--lang", "en", "scan", "--no-progress", url);
        assertThat(without.code()).isEqualTo(2);
        assertThat(without.err()).contains("no JDBC driver takes this URL").contains("--jdbc-driver");

        Run r = run("--lang", "en", "scan", "--no-progress", "--jdbc-driver", SQLITE_DRIVER.toString(), url);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Table members: 1 rows").contains("name                  PERSON")
                .contains("email                 EMAIL").contains("phone                 PHONE");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        Path absent = dir.resolve("absent.sqlite");
        assertThat(run("scan", "--no-progress", "--jdbc-driver", SQLITE_DRIVER.toString(), "jdbc:sqlite:" + absent).code()).isEqualTo(2);
        assertThat(absent).as("never created").doesNotExist();
    }
}
