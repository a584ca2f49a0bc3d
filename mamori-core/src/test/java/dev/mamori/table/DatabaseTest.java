package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database read over JDBC as tables (H2 here; PostgreSQL in the CLI's tests). */
class DatabaseTest {

    @TempDir
    Path dir;

    private static final Database.Options ALL = new Database.Options(List.of(), List.of(), 0);

    /** What a read delivers, as lines: "table NAME | header…", "row N | cells…", "problem [unread] text". */
    private static class Lines implements DocumentVisitor {
        final List<String> out = new ArrayList<>();

        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            out.add("text " + chunk);
        }

        @Override
        public void table(String sheet, List<String> header) {
            out.add("table " + sheet + " | " + String.join(" | ", header));
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            out.add("row " + row + " | " + String.join(" | ", cells.stream().map(String::valueOf).toList()));
        }

        @Override
        public void labeled(long line, String docId, String text) {
            out.add("labeled " + docId);
        }

        @Override
        public void problem(ReadProblem problem) {
            out.add("problem " + (problem.unread() ? "[unread] " : "") + problem.text().en());
        }
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private Connection shop(String db) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "");
        exec(c, "create schema shop",
                "create table shop.customers (id int primary key, shimei varchar(40), birth_dt date, tel varchar(20), memo clob, photo blob)",
                "comment on column shop.customers.shimei is '氏名'",
                "comment on column shop.customers.birth_dt is '生年月日  (西暦)'",
                "insert into shop.customers values (3, '佐藤 花子', date '1985-04-11', '090-1234-5678', '糖尿病で通院中', X'01')",
                "insert into shop.customers values (1, '山田 太郎', date '1970-01-02', null, null, null)",
                "insert into shop.customers values (2, '鈴木 一郎', null, '03-3456-7890', null, null)",
                "create table shop.\"注文 \"\"履歴\"\"\" (order_id int, note varchar(100))",
                "insert into shop.\"注文 \"\"履歴\"\"\" values (1, '配送先 大阪府大阪市北区梅田1-1-1')",
                "create table shop.a_b (x varchar(10))", "create table shop.axb (y varchar(10))",
                "insert into shop.axb values ('axb')",
                "create view shop.v_customers as select * from shop.customers",
                "create table public.audit_log (id int primary key, who varchar(20))",
                "insert into public.audit_log values (1, '高橋 健')");
        return c;
    }

    @Test
    void everyTableIsATableOfItsColumnsWithTheirCommentsAndItsRowsInKeyOrder() throws Exception {
        try (Connection c = shop("all")) {
            Lines v = new Lines();
            ReadSummary s = Database.read(c, "jdbc:h2:mem:all", ALL, v);
            assertThat(v.out).containsExactly(
                    "table PUBLIC.AUDIT_LOG | ID | WHO",
                    "row 1 | 1 | 高橋 健",
                    "table SHOP.AXB | Y",
                    "row 1 | axb",
                    "table SHOP.A_B | X",
                    "table SHOP.CUSTOMERS | ID | SHIMEI（氏名） | BIRTH_DT（生年月日 (西暦)） | TEL | MEMO",
                    "problem [unread] jdbc:h2:mem:all SHOP.CUSTOMERS: binary columns not read: PHOTO",
                    "row 1 | 1 | 山田 太郎 | 1970-01-02 | null | null",
                    "row 2 | 2 | 鈴木 一郎 | null | 03-3456-7890 | null",
                    "row 3 | 3 | 佐藤 花子 | 1985-04-11 | 090-1234-5678 | 糖尿病で通院中",
                    "table SHOP.注文 \"履歴\" | ORDER_ID | NOTE",
                    "row 1 | 1 | 配送先 大阪府大阪市北区梅田1-1-1");
            assertThat(s.format()).isEqualTo(Format.DATABASE);
            assertThat(s.records()).isEqualTo(6);
        }
    }

    @Test
    void includeExcludeAndMaxRowsChooseWhatIsRead() throws Exception {
        try (Connection c = shop("some")) {
            Lines v = new Lines();
            Database.read(c, "db", new Database.Options(List.of("shop.*"), List.of("*.a?b", "shop.注文*"), 2), v);
            assertThat(v.out).containsExactly(
                    "table SHOP.CUSTOMERS | ID | SHIMEI（氏名） | BIRTH_DT（生年月日 (西暦)） | TEL | MEMO",
                    "problem [unread] db SHOP.CUSTOMERS: binary columns not read: PHOTO",
                    "row 1 | 1 | 山田 太郎 | 1970-01-02 | null | null",
                    "row 2 | 2 | 鈴木 一郎 | null | 03-3456-7890 | null",
                    "problem [unread] db SHOP.CUSTOMERS: rows after the first 2 in key order not read (--db-max-rows)");
            Lines none = new Lines();
            Database.read(c, "db", new Database.Options(List.of("nothing.*"), List.of(), 0), none);
            assertThat(none.out).as("a gate that read nothing cannot vouch for anything")
                    .containsExactly("problem [unread] db: no table to read (check the user's privileges, or --include/--exclude)");
            Lines sample = new Lines();
            Database.read(c, "db", new Database.Options(List.of("*.customers"), List.of(), 3), sample);
            assertThat(sample.out).as("all 3 rows read: nothing left out").noneMatch(l -> l.contains("--db-max-rows"));
        }
    }

    @Test
    void aTableTheUserMayNotReadIsReportedUnreadAndTheOthersAreRead() throws Exception {
        try (Connection admin = shop("rights")) {
            exec(admin, "create user clerk password 'pw-9f3k'", "grant select on public.audit_log to clerk",
                    "grant select on shop.axb to clerk");
            try (Connection clerk = DriverManager.getConnection("jdbc:h2:mem:rights", "clerk", "pw-9f3k")) {
                Lines v = new Lines();
                Database.read(clerk, "db", ALL, v);
                assertThat(v.out).contains("table PUBLIC.AUDIT_LOG | ID | WHO", "row 1 | 1 | 高橋 健", "table SHOP.AXB | Y", "row 1 | axb");
                assertThat(v.out).noneMatch(l -> l.contains("佐藤"));
                // H2 lists only the tables a user has rights on; a table listed but refused is reported and skipped
                assertThat(v.out.stream().filter(l -> l.startsWith("problem")))
                        .hasSize(3).allMatch(l -> l.startsWith("problem [unread] db SHOP.") && l.contains(": cannot be read (SQLState 90096: ")
                                && !l.contains("\n"));
                assertThat(v.out).noneMatch(l -> l.startsWith("table SHOP.CUSTOMERS"));
            }
        }
    }

    @Test
    void aTableWhoseColumnsCannotBeSeenIsUnreadNotEmpty() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:gone", "sa", "")) {
            exec(c, "create table t (name varchar(20))", "create table \"a\nb\" (tel varchar(20))", "insert into \"a\nb\" values ('090-1234-5678')");
            Lines v = new Lines();
            Database.read(c, "db", new Database.Options(List.of("*"), List.of(), 0), new Lines() {
                @Override
                public void table(String sheet, List<String> header) {
                    if (sheet.equals("PUBLIC.T")) {
                        try {
                            exec(c, "drop table \"a\nb\""); // gone between the listing and its reading
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    v.table(sheet, header);
                }

                @Override
                public void problem(ReadProblem problem) {
                    v.problem(problem);
                }
            });
            assertThat(v.out).as("a name with a line break matched by '*'").containsExactly("table PUBLIC.T | NAME",
                    "problem [unread] db PUBLIC.a\nb: no column to be seen (dropped since the tables were listed, or no rights)");
        }
    }

    @Test
    void aTableWithoutColumnsIsATableOfNoColumns() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:nocols", "sa", "")) {
            exec(c, "create table z ()");
            Lines v = new Lines();
            Database.read(c, "db", ALL, v);
            assertThat(v.out).containsExactly("table PUBLIC.Z | ");
        }
    }

    @Test
    void anH2PasswordWithAnEscapedSemicolonIsNoSetting() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("esc");
        try (Connection c = DriverManager.getConnection(url, "sa", "pa;s3crtail")) {
            exec(c, "create table t (x int)");
        }
        try (Database.Session session = Database.connect(url + ";USER=sa;PASSWORD=pa\\;s3crtail", null, null, List.of())) {
            Connection c = session.connection();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThatThrownBy(() -> Database.connect(url + ";USER=sa;PASSWORD=pa;s3cr-tail", null, null, List.of()))
                .isInstanceOf(ReadException.class).hasMessageContaining("the H2 setting (4) is not taken").hasMessageNotContaining("s3cr");
    }

    @Test
    void aValueLongerThanTheLimitIsCutAndSaidUnread() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:long", "sa", "")) {
            exec(c, "create table t (id int primary key, body clob)",
                    "insert into t values (1, repeat('あ', " + (DatabaseTables.MAX_CELL + 10) + "))",
                    "insert into t values (2, repeat('い', " + (DatabaseTables.MAX_CELL + 1) + "))");
            List<Integer> lengths = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Database.read(c, "db", ALL, new Lines() {
                @Override
                public void row(long row, long line, List<String> cells) {
                    lengths.add(cells.get(1).length());
                }

                @Override
                public void problem(ReadProblem problem) {
                    problems.add(problem.text().en());
                }
            });
            assertThat(lengths).containsExactly(DatabaseTables.MAX_CELL, DatabaseTables.MAX_CELL);
            assertThat(problems).containsExactly("db PUBLIC.T: column BODY: values longer than 1048576 characters are read only that far (first at row 1)");
        }
    }

    @Test
    void anH2FileIsOpenedReadOnlyAndNeverCreated() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("ledger");
        try (Connection c = DriverManager.getConnection(url, "sa", "s3cret-pw")) {
            exec(c, "create table staff (name varchar(20))", "insert into staff values ('田中 美咲')");
        }
        Path file = dir.resolve("ledger.mv.db");
        byte[] before = Files.readAllBytes(file);
        try (Database.Session session = Database.connect(url, "sa", "s3cret-pw", List.of())) {
            Connection c = session.connection();
            Lines v = new Lines();
            Database.read(c, url, ALL, v);
            assertThat(v.out).containsExactly("table PUBLIC.STAFF | NAME", "row 1 | 田中 美咲");
            assertThatThrownBy(() -> exec(c, "insert into staff values ('x')")).isInstanceOf(SQLException.class);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ledger.mv.db");
        }
        assertThatThrownBy(() -> Database.connect("jdbc:h2:" + dir.resolve("absent"), "sa", "", List.of()))
                .isInstanceOf(ReadException.class).hasMessageContaining("cannot connect to the database").hasMessageContaining("not found");
        assertThat(dir.resolve("absent.mv.db")).doesNotExist();
        assertThatThrownBy(() -> Database.connect(url, "sa", "wrong-s3cret", List.of()))
                .isInstanceOf(ReadException.class).hasMessageContaining("28000").hasMessageNotContaining("wrong-s3cret");
    }

    @Test
    void aUrlNoDriverTakesOrAMissingDriverJarIsSaidPlainly() {
        assertThatThrownBy(() -> Database.connect("jdbc:nosuchdb://host/x", null, null, List.of()))
                .isInstanceOf(ReadException.class).hasMessage("jdbc:nosuchdb://host/x: no JDBC driver takes this URL. PostgreSQL's and H2's"
                        + " drivers are bundled; for another database give its driver's jar with --jdbc-driver");
        assertThatThrownBy(() -> Database.connect("jdbc:nosuchdb://host/x", null, null, List.of(dir.resolve("driver.jar"))))
                .isInstanceOf(ReadException.class).hasMessageEndingWith("driver.jar: no such JDBC driver jar");
    }

    @Test
    void anH2UrlMayNotCarrySettingsThatWriteOrRunCode() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("db");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            exec(c, "create table t (x int)");
        }
        byte[] before = Files.readAllBytes(dir.resolve("db.mv.db"));
        for (String setting : List.of(";ACCESS_MODE_DATA=rw", ";INIT=CREATE TABLE PWNED(x int)", ";AUTO_SERVER=TRUE", ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=3",
                ";init=CREATE TABLE PWNED(x int)")) {
            assertThatThrownBy(() -> Database.connect(url + setting, "sa", "", List.of())).isInstanceOf(ReadException.class)
                    .hasMessageContaining("is not taken in a scanned URL (the database is opened read-only)");
        }
        try (Database.Session session = Database.connect("JDBC:H2:" + dir.resolve("db") + ";IFEXISTS=FALSE;USER=sa", null, null, List.of())) {
            Connection c = session.connection();
            Lines v = new Lines();
            Database.read(c, "db", ALL, v);
            assertThat(v.out).containsExactly("table PUBLIC.T | X");
        }
        try (Database.Session session = Database.connect(url + ";IFEXISTS=x\\;INIT=CREATE TABLE PWNED(x int)", "sa", "", List.of())) {
            // an escaped ; is no separator: the INIT is part of IFEXISTS's value, which gives way to IFEXISTS=TRUE
            Lines v = new Lines();
            Database.read(session.connection(), "db", ALL, v);
            assertThat(v.out).containsExactly("table PUBLIC.T | X");
        } catch (ReadException e) {
            assertThat(e).hasMessageNotContaining("PWNED"); // refused is as good
        }
        assertThat(Files.readAllBytes(dir.resolve("db.mv.db"))).isEqualTo(before);
        try (Database.Session session = Database.connect("jdbc:h2:split:nio:" + dir.resolve("db"), "sa", "", List.of())) {
            Connection c = session.connection();
            assertThat(Database.files(c)).as("as the database names itself, whatever the URL's prefixes")
                    .contains(Path.of(dir.resolve("db") + ".mv.db"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:nofile", "sa", "")) {
            assertThat(Database.files(c)).isEmpty();
        }
    }

    @Test
    void theNameShownHoldsNoUserPasswordOrParameters() {
        assertThat(Database.displayName("jdbc:postgresql://db.example:5432/shop?user=app&password=pw")).isEqualTo("jdbc:postgresql://db.example:5432/shop");
        assertThat(Database.displayName("jdbc:postgresql://127.0.0.1:5432/mamori?user=m&password=Wr@ngSecret")).isEqualTo("jdbc:postgresql://…");
        assertThat(Database.displayName("jdbc:postgresql://app:pw@db.example/shop")).isEqualTo("jdbc:postgresql://…");
        assertThat(Database.displayName("jdbc:postgresql://u:s3c;ret@host/db")).isEqualTo("jdbc:postgresql://…");
        assertThat(Database.displayName("jdbc:postgresql://u:123;x@host/db")).isEqualTo("jdbc:postgresql://…");
        assertThat(Database.displayName("jdbc:postgresql://u:s3cr/et/db")).isEqualTo("jdbc:postgresql://…");
        assertThat(Database.displayName("jdbc:postgresql:shop")).isEqualTo("jdbc:postgresql:shop");
        assertThat(Database.displayName("jdbc:postgresql://db/顧客")).isEqualTo("jdbc:postgresql://db/顧客");
        assertThat(Database.displayName("jdbc:h2:/srv/ledger;USER=sa;PASSWORD=pw")).isEqualTo("jdbc:h2:/srv/ledger");
        assertThat(Database.displayName("jdbc:h2:/tmp/mail@example/db")).isEqualTo("jdbc:h2:/tmp/mail@example/db");
        assertThat(Database.displayName("jdbc:h2:tcp://u:S3cr@127.0.0.1:1/x")).isEqualTo("jdbc:h2:tcp://…");
        assertThat(Database.displayName("jdbc:h2:tcp://localhost:9092/~/test;USER=sa")).isEqualTo("jdbc:h2:tcp://localhost:9092/~/test");
        assertThat(Database.displayName("jdbc:oracle:thin:scott/tiger@//db:1521/orcl")).isEqualTo("jdbc:oracle:thin:…");
        assertThat(Database.displayName("jdbc:oracle:thin:scott/S3cr")).isEqualTo("jdbc:oracle:thin:…");
        assertThat(Database.displayName("jdbc:oracle:thin:@//db:1521/orcl")).isEqualTo("jdbc:oracle:thin:@//db:1521/orcl");
        assertThat(Database.displayName("jdbc:oracle:thin:@db:1521:orcl")).isEqualTo("jdbc:oracle:thin:@db:1521:orcl");
        assertThat(Database.displayName("jdbc:sqlserver://db:1433;databaseName=hr;password=pw")).isEqualTo("jdbc:sqlserver://db:1433");
        assertThat(Database.displayName("jdbc:sqlserver://h;password=a@S3cr")).isEqualTo("jdbc:sqlserver://…");
        assertThat(Database.displayName("jdbc:db2://host:50000/SAMPLE:password=s3cret;user=u;")).isEqualTo("jdbc:db2://host:50000/SAMPLE");
        assertThat(Database.displayName("jdbc:mysql://address=(host=h)(user=u)(password=s3cret)/db")).isEqualTo("jdbc:mysql://address");
        assertThat(Database.displayName("jdbc:mysql://(host=h,port=3306,password=s3cret)/db")).isEqualTo("jdbc:mysql://…");
        assertThat(Database.displayName("jdbc:teradata://host/USER=u,PASSWORD=s3cret")).isEqualTo("jdbc:teradata://host/USER");
        assertThat(Database.displayName("JDBC:PostgreSQL://db/shop")).isEqualTo("jdbc:postgresql://db/shop");
        assertThat(Database.isUrl("JDBC:h2:x")).isTrue();
        assertThat(Database.isUrl("data/jdbc:x")).isFalse();
    }

    @Test
    void aTableIsDescribedForAReaderElsewhere() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("desc");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            exec(c, "create table \"Dup\" (id int primary key, \"Name\" varchar(20), name varchar(20), pic blob)",
                    "create table dup (x varchar(20))", "insert into \"Dup\" values (-5, 'a', 'b', null), (70000, 'c', 'd', null)");
        }
        try (Database.Session s = Database.connect(url, "sa", "", List.of())) {
            Database.Described d = s.describe("PUBLIC.Dup", 0);
            assertThat(d.table()).isEqualTo("PUBLIC.Dup");
            assertThat(d.headers()).containsExactly("ID", "Name", "NAME");
            assertThat(d.select()).isEqualTo("SELECT \"ID\" AS \"c0\", \"Name\" AS \"c1\", \"NAME\" AS \"c2\" FROM \"PUBLIC\".\"Dup\"");
            assertThat(d.unread()).containsExactly("PIC");
            assertThat(d.key()).isEqualTo("c0");
            assertThat(d.low()).isEqualTo(-5);
            assertThat(d.high()).isEqualTo(70000);
            assertThat(s.describe("PUBLIC.DUP", 0).table()).as("the exact name first").isEqualTo("PUBLIC.DUP");
            assertThatThrownBy(() -> s.describe("public.dup", 0)).isInstanceOf(ReadException.class).hasMessageContaining("whose case alone differs");
            assertThatThrownBy(() -> s.describe("PUBLIC.NONE", 0)).isInstanceOf(ReadException.class).hasMessageContaining("no table PUBLIC.NONE");
            // --db-max-rows: the first rows by the key, as read() takes them
            Database.Described one = s.describe("PUBLIC.Dup", 1);
            assertThat(one.select()).endsWith(" WHERE \"ID\" <= -5");
            assertThat(List.of(one.low(), one.high(), one.more())).containsExactly(-5L, -5L, true);
            Database.Described both = s.describe("PUBLIC.Dup", 2);
            assertThat(both.select()).doesNotContain("WHERE");
            assertThat(List.of(both.low(), both.high(), both.more())).containsExactly(-5L, 70000L, false);
            Database.Described keyless = s.describe("PUBLIC.DUP", 1);
            assertThat(keyless.select()).endsWith(" FROM \"PUBLIC\".\"DUP\" FETCH FIRST 1 ROWS ONLY");
            assertThat(keyless.more()).isFalse(); // no row at all
        }
    }

    @Test
    void aShortPasswordIsTakenOutOnlyWhereItStandsAlone() {
        assertThat(JdbcUrls.scrub("password authentication failed for user o (o)", "jdbc:x", "jdbc:x", "jdbc:x", "o"))
                .isEqualTo("password authentication failed for user **** (****)");
        assertThat(JdbcUrls.scrub("bad url jdbc:x:a;password=Hunter2 given", "jdbc:x:a;password=Hunter2", "jdbc:x:a;password=Hunter2",
                "jdbc:x:a", null)).isEqualTo("bad url jdbc:x:a given");
        assertThat(JdbcUrls.scrub("with pwd: Hunter2, then", "u", "u", "u", null)).isEqualTo("with pwd: ****, then");
        assertThat(Database.displayName("jdbc:h2:TCP://u:S3cr@h/db")).isEqualTo("jdbc:h2:TCP://…");
        assertThat(Database.displayName("jdbc:oracle:thin:@db.example:1521/orcl.example")).isEqualTo("jdbc:oracle:thin:@db.example:1521/orcl.example");
        assertThat(Database.displayName("jdbc:oracle:thin:@db:1521:ORCL")).isEqualTo("jdbc:oracle:thin:@db:1521:ORCL");
        assertThat(Database.displayName("jdbc:informix-sqli://db:9088/stores")).isEqualTo("jdbc:informix-sqli://db:9088/stores");
        assertThat(Database.displayName("jdbc:sqlite:/srv/a;b.db?mode=ro")).isEqualTo("jdbc:sqlite:/srv/a;b.db");
    }

    @Test
    void aDriversFailureOfAnyKindIsAMessageWithoutTheSecretsOfTheUrl() {
        // H2 repeats the URL it refuses, settings and all
        assertThatThrownBy(() -> Database.connect("jdbc:h2:data;USER=sa;PASSWORD=s3cret-1", null, null, List.of()))
                .isInstanceOf(ReadException.class).hasMessageContaining("90011").hasMessageContaining("\"jdbc:h2:data\"")
                .hasMessageNotContaining("s3cret");
    }
}
