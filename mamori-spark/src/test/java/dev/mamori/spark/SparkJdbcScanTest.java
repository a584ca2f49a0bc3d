package dev.mamori.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.Scanner;
import dev.mamori.detect.TableReport;
import dev.mamori.table.Database;
import dev.mamori.table.DocumentReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori spark scan of a database's table gives the column classes and findings of mamori scan of the same table. */
class SparkJdbcScanTest {

    @TempDir
    Path dir;

    /**
     * Rows, findings, classes and every column's header, types and counts as mamori scan of the same table gave them, and
     * each finding where mamori scan put it: its row and line (the row's number by the key), column, type and span.
     */
    private static void assertSameAsOneMachine(SparkScan.Result r, TableReport one, List<LocatedFinding> found, Path findings)
            throws IOException {
        List<String> spark = new ArrayList<>();
        try (var parts = Files.list(findings)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
                    spark.add(n.path("row").asLong() + " " + n.path("line").asLong() + " " + n.get("column").asText() + " "
                            + n.get("type").asText() + " " + n.get("start").asInt() + "-" + n.get("end").asInt());
                }
            }
        }
        List<String> alone = found.stream().map(f -> f.where().row() + " " + f.where().line() + " " + f.where().column() + " "
                + f.finding().type() + " " + f.finding().start() + "-" + f.finding().end()).toList();
        assertThat(spark).containsExactlyInAnyOrderElementsOf(alone);
        assertThat(r.table().rows()).isEqualTo(one.rows());
        assertThat(r.findings()).isEqualTo(found.size());
        assertThat(r.table().classifications()).isEqualTo(one.classifications());
        for (int c = 0; c < one.columns().size(); c++) {
            ColumnReport a = one.columns().get(c);
            ColumnReport b = r.table().columns().get(c);
            assertThat(b.header()).isEqualTo(a.header());
            assertThat(b.types()).as(a.header()).isEqualTo(a.types());
            a.hits().forEach((type, n) -> assertThat(b.hits().get(type)).as(a.header() + " " + type).isEqualTo(n));
        }
    }

    /** {@code mamori scan} of the database's tables that {@code include} chooses: the first table's report, its findings to {@code found}. */
    private static TableReport oneMachine(String url, String user, String password, List<String> include, List<LocatedFinding> found)
            throws Exception {
        return oneMachine(url, user, password, include, 0, found);
    }

    /** The same with {@code --db-max-rows maxRows}. */
    private static TableReport oneMachine(String url, String user, String password, List<String> include, long maxRows,
            List<LocatedFinding> found) throws Exception {
        Scanner.Options options = new Scanner.Options(EnumSet.allOf(PiiType.class), 0.4, 1, DocumentReader.Options.defaults());
        try (Scanner scanner = new Scanner(options); Database.Session s = Database.connect(url, user, password, List.of())) {
            FileReport f = scanner.scan("db", found::add, v -> s.read(new Database.Options(include, List.of(), maxRows), v));
            return f.tables().get(0);
        }
    }

    @Test
    void aTableReadInKeyRangesIsClassifiedAsOneMachineClassifiesIt() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("shop");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("create schema shop");
            st.execute("create table shop.customers (id int primary key, shimei varchar(40), birth_dt date, tel varchar(20),"
                    + " memo clob, photo blob)");
            st.execute("comment on column shop.customers.shimei is '氏名'");
            st.execute("comment on column shop.customers.birth_dt is '生年月日'");
            st.execute("insert into shop.customers select 3 * x + mod(x, 2), case mod(x, 3) when 0 then '山田 太郎' when 1 then '佐藤 花子' else '鈴木 一郎' end,"
                    + " dateadd('DAY', mod(x, 9000), date '1960-01-01'), '090-1234-' || lpad(cast(mod(x, 10000) as varchar), 4, '0'),"
                    + " case when mod(x, 50) = 0 then '糖尿病で通院中' end, null from system_range(1, 30000)");
            // a value longer than mamori scan reads (1,048,576 characters): the phone past that point is in no finding
            st.execute("update shop.customers set memo = '連絡先 090-9999-0007 ' || repeat('あ', 1100000) || ' 090-8888-0007' where id = 22");
        }
        List<LocatedFinding> found = new ArrayList<>();
        TableReport one = oneMachine(url, "sa", null, List.of(), found);
        byte[] before = Files.readAllBytes(dir.resolve("shop.mv.db"));

        SparkSession spark = Spark.session();
        Tables.Table t = Tables.jdbc(spark, url, "shop.customers", "sa", null);
        assertThat(t.rows().rdd().getNumPartitions()).as("read in ranges of the key, a task each").isGreaterThan(1);
        assertThat(t.unread()).containsExactly("PHOTO");
        SparkScan.Result r = SparkScan.scan(spark, t, EnumSet.allOf(PiiType.class), 0.4, false,
                new org.apache.hadoop.fs.Path(dir.resolve("findings").toString()));
        assertThat(r.table().rows()).isEqualTo(30000);
        assertSameAsOneMachine(r, one, found, dir.resolve("findings"));
        assertThat(r.cut()).containsExactly("MEMO");
        assertThat(found).anyMatch(f -> f.where().column().equals("MEMO") && f.finding().type() == PiiType.PHONE);
        assertThat(one.columns().get(1).header()).isEqualTo("SHIMEI（氏名）");
        assertThat(Files.readAllBytes(dir.resolve("shop.mv.db"))).as("read-only").isEqualTo(before);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new String[] {"scan", url + ";USER=sa", "--table", "SHOP.CUSTOMERS", "--output", dir.resolve("cmd").toString(),
                "--format", "json", "--fail-on", "PHONE", "--lang", "en"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("a binary column unread: the gate cannot vouch").isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(report.get("input").asText()).isEqualTo(url);
        assertThat(report.get("table").asText()).isEqualTo("SHOP.CUSTOMERS");
        assertThat(report.get("unread_columns").toString()).isEqualTo("[\"PHOTO\"]");
        assertThat(report.get("findings").asLong()).isEqualTo(found.size());
        assertThat(out.toString()).doesNotContain("USER=sa");
        assertThat(err.toString()).contains("binary columns not read: PHOTO")
                .contains("values longer than 1048576 characters are read only that far: MEMO");
        assertThat(report.get("cut_columns").toString()).isEqualTo("[\"MEMO\"]");
        StringBuilder findings = new StringBuilder();
        try (var files = Files.list(dir.resolve("cmd"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                findings.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(findings.toString()).contains("\"file\":\"" + url + "\"").contains("\"sheet\":\"SHOP.CUSTOMERS\"")
                .contains("\"column\":\"TEL\"").doesNotContain("090-1234-0001");
        assertThat(SparkMain.run(new String[] {"scan", url, "--output", dir.resolve("cmd2").toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true))).as("a database needs --table").isEqualTo(2);

        // --db-max-rows: the first rows by the key, as mamori scan reads them, still in several key ranges
        List<LocatedFinding> sample = new ArrayList<>();
        TableReport first = oneMachine(url, "sa", null, List.of(), 20_000, sample);
        Tables.Table limited = Tables.jdbc(spark, url, "shop.customers", "sa", null, 20_000);
        assertThat(limited.more()).isTrue();
        assertThat(limited.rows().rdd().getNumPartitions()).isGreaterThan(1);
        SparkScan.Result rl = SparkScan.scan(spark, limited, EnumSet.allOf(PiiType.class), 0.4, false,
                new org.apache.hadoop.fs.Path(dir.resolve("limited").toString()));
        assertThat(rl.table().rows()).isEqualTo(20_000);
        assertSameAsOneMachine(rl, first, sample, dir.resolve("limited"));
        StringWriter lo = new StringWriter();
        StringWriter le = new StringWriter();
        assertThat(SparkMain.run(new String[] {"scan", url + ";USER=sa", "--table", "SHOP.CUSTOMERS", "--db-max-rows", "20000", "--output",
                dir.resolve("cmd3").toString(), "--format", "json", "--fail-on", "EMAIL", "--lang", "en"}, new PrintWriter(lo, true),
                new PrintWriter(le, true))).as("rows left unread: the gate cannot vouch").isEqualTo(2);
        assertThat(le.toString()).contains("rows after the first 20000 in key order not read (--db-max-rows)");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(lo.toString()).get("rows_not_read").asBoolean()).isTrue();
    }

    @Test
    void typesSparksJdbcSourceHasNoMappingForAreReadAsText() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("odd");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("create table odd (id int primary key, doc json, tels varchar(20) array, kind enum('会員', '非会員'),"
                    + " wait interval day, who row(shimei varchar(20), mail varchar(40)))");
            st.execute("insert into odd select x, json '{\"tel\":\"090-1234-5678\",\"mail\":\"a@example.com\"}',"
                    + " array['090-2345-6789', '03-1234-5678'], '会員', interval '3' day, row('山田 太郎', 'b@example.com')"
                    + " from system_range(1, 50)");
        }
        List<LocatedFinding> found = new ArrayList<>();
        TableReport one = oneMachine(url, "sa", null, List.of(), found);
        SparkSession spark = Spark.session();
        SparkScan.Result r = SparkScan.scan(spark, Tables.jdbc(spark, url, "public.odd", "sa", null), EnumSet.allOf(PiiType.class), 0.4,
                false, new org.apache.hadoop.fs.Path(dir.resolve("odd-findings").toString()));
        assertThat(found).hasSizeGreaterThanOrEqualTo(200);
        assertSameAsOneMachine(r, one, found, dir.resolve("odd-findings"));
    }

    @Test
    void aPostgresqlTableIsReadInRangesAsOneMachineReadsIt() throws Exception {
        String url = System.getenv("MAMORI_TEST_PG_URL");
        if (System.getenv("MAMORI_REQUIRE_PG") != null && (url == null || url.isBlank())) {
            throw new IllegalStateException("MAMORI_REQUIRE_PG is set but MAMORI_TEST_PG_URL is not: start PostgreSQL with .ci/postgres");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(), "no PostgreSQL (MAMORI_TEST_PG_URL)");
        String user = System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori");
        String password = System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori");
        String schema = "sparkscan" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
            try {
                // a numeric without a scale (Spark would read 123456789018 as a decimal of 18 places), two names alike but for
                // their case, and a key up to the greatest bigint
                st.execute("create table " + schema + ".visits (id bigint primary key, shimei text, \"Shimei\" text, mail text,"
                        + " lat double precision, lon double precision, note jsonb, mynum numeric, tels char(13)[], fees money[])");
                st.execute("comment on column " + schema + ".visits.shimei is '氏名'");
                st.execute("insert into " + schema + ".visits select i, (array['山田 太郎','佐藤 花子','高橋 健'])[i % 3 + 1], '伊藤 美咲',"
                        + " 'user' || i || '@example.jp', 35.6 + (i % 100) / 1000.0, 139.7 + (i % 100) / 1000.0,"
                        + " case when i % 40 = 0 then '{\"memo\": \"うつ病で休職中\"}'::jsonb end, 123456789018,"
                        + " case when i % 7 = 0 then array['090-1234-5678', '03-1234-5678']::char(13)[] end,"
                        + " case when i % 11 = 0 then array[1200, 300]::money[] end from generate_series(1, 25000) i order by i * 7919 % 25000");
                st.execute("insert into " + schema + ".visits values (9223372036854775807, '鈴木 一郎', null, null, null, null, null, 123456789018,"
                        + " null, null)");
                List<LocatedFinding> found = new ArrayList<>();
                TableReport one = oneMachine(url, user, password, List.of(schema + ".*"), found);
                SparkSession spark = Spark.session();
                Tables.Table t = Tables.jdbc(spark, url, schema + ".visits", user, password);
                assertThat(t.rows().rdd().getNumPartitions()).isGreaterThan(1);
                SparkScan.Result r = SparkScan.scan(spark, t, EnumSet.allOf(PiiType.class), 0.4, false,
                        new org.apache.hadoop.fs.Path(dir.resolve("pg").toString()));
                assertThat(r.table().rows()).isEqualTo(25001);
                assertSameAsOneMachine(r, one, found, dir.resolve("pg"));
                assertThat(one.columns().get(1).types()).containsExactly(PiiType.PERSON);
                assertThat(r.table().columns().get(7).types()).as("a numeric's My Number").containsExactly(PiiType.MY_NUMBER);

                // a row-level security policy whose function writes when it meets a row: the executors' reading refuses
                st.execute("create table " + schema + ".seen (id int)");
                st.execute("create table " + schema + ".guarded (id int primary key, tel text)");
                st.execute("insert into " + schema + ".guarded select i, '090-1234-5678' from generate_series(1, 30000) i");
                st.execute("create function " + schema + ".note(i int) returns boolean language plpgsql as $$ begin"
                        + " if i = 5 then insert into " + schema + ".seen values (i); end if; return true; end $$");
                st.execute("alter table " + schema + ".guarded enable row level security");
                st.execute("alter table " + schema + ".guarded force row level security");
                st.execute("create policy p on " + schema + ".guarded using (" + schema + ".note(id))");
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = SparkMain.run(new String[] {"scan", url + "?user=" + user + "&password=" + password, "--table", schema + ".guarded",
                        "--output", dir.resolve("guarded").toString(), "--lang", "en"}, new PrintWriter(out, true), new PrintWriter(err, true));
                assertThat(code).isEqualTo(2);
                assertThat(err.toString()).contains(schema + ".guarded: the reading stopped (").contains("read-only transaction")
                        .doesNotContain("password=");
                try (java.sql.ResultSet seen = st.executeQuery("select count(*) from " + schema + ".seen")) {
                    seen.next();
                    assertThat(seen.getInt(1)).as("nothing written").isZero();
                }
                assertThat(dir.resolve("guarded")).doesNotExist();
                try (var left = Files.list(dir)) {
                    assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".guarded"));
                }
            } finally {
                st.execute("drop schema " + schema + " cascade");
            }
        }
    }

    @Test
    void thePasswordIsAskedForAsMamoriScanAsksForIt() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("locked");
        try (Connection c = DriverManager.getConnection(url, "sa", "s3cret-pw"); Statement st = c.createStatement()) {
            st.execute("create table people (id int primary key, tel varchar(20))");
            st.execute("insert into people values (1, '090-1234-5678')");
        }
        java.io.InputStream stdin = System.in;
        try {
            for (String typed : List.of("s3cret-pw", "wrong-pw")) {
                System.setIn(new java.io.ByteArrayInputStream((typed + "\n").getBytes(StandardCharsets.UTF_8)));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = SparkMain.run(new String[] {"scan", url, "--table", "public.people", "--db-user", "sa", "--db-password",
                        "--output", dir.resolve("out-" + typed.length() + typed.charAt(0)).toString(), "--lang", "en"}, new PrintWriter(out, true), new PrintWriter(err, true));
                assertThat(err.toString()).startsWith("Database password for sa: ").doesNotContain(typed);
                assertThat(out.toString()).doesNotContain(typed);
                assertThat(code).as(err.toString()).isEqualTo(typed.startsWith("s3cret") ? 0 : 2);
            }
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            StringWriter err = new StringWriter();
            assertThat(SparkMain.run(new String[] {"scan", url, "--table", "public.people", "--db-password", "--output",
                    dir.resolve("none").toString(), "--lang", "en"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("no password was given");
        } finally {
            System.setIn(stdin);
        }
        StringWriter err = new StringWriter();
        assertThat(SparkMain.run(new String[] {"scan", dir.resolve("a.csv").toString(), "--db-password", "--output", dir.resolve("x").toString(),
                "--lang", "en"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("--db-password goes with a database");
    }

    @Test
    void rowsWrittenWhileTheTableIsReadMoveTheLaterRangesNumbers() throws Exception {
        // the counting pass saw 2, 3 and 1 rows in the three key ranges; the scan read 3, 3 and 0 (a row written into the
        // first range, one deleted from the last): the second range's findings move by one, the first's stay
        Path d = Files.createDirectory(dir.resolve("renumber"));
        String first = "{\"file\":\"db\",\"type\":\"PHONE\",\"start\":0,\"end\":13,\"masked\":\"090-1***-****\",\"line\":2,\"row\":2,\"column\":\"TEL\"}";
        String second = "{\"file\":\"db\",\"type\":\"PERSON\",\"start\":0,\"end\":4,\"masked\":\"\\\",\\\"row\\\":9\",\"line\":4,\"row\":4,\"column\":\"N\"}";
        Files.writeString(d.resolve("part-00000-abc-c000.txt"), first + "\n");
        Files.writeString(d.resolve("part-00001-abc-c000.txt"), second + "\n");
        Files.writeString(d.resolve("part-header.txt"), first + "\n");
        assertThat(SparkScan.renumber(Spark.session(), new org.apache.hadoop.fs.Path(d.toString()), new long[] {2, 3, 1},
                new long[] {2, 3, 1})).isFalse();
        assertThat(SparkScan.renumber(Spark.session(), new org.apache.hadoop.fs.Path(d.toString()), new long[] {2, 3, 1},
                new long[] {3, 3, 0})).isTrue();
        assertThat(Files.readString(d.resolve("part-00000-abc-c000.txt"))).isEqualTo(first + "\n");
        assertThat(Files.readString(d.resolve("part-00001-abc-c000.txt")))
                .isEqualTo(second.replace("\"line\":4,\"row\":4", "\"line\":5,\"row\":5") + "\n"); // the value's text kept
        assertThat(Files.readString(d.resolve("part-header.txt"))).isEqualTo(first + "\n");
        try (var files = Files.list(d)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("renumbered"));
        }
    }
}
