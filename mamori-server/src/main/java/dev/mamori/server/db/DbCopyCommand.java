package dev.mamori.server.db;

import dev.mamori.server.Database;
import dev.mamori.server.audit.AuditChain;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import ch.qos.logback.classic.Level;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mamori db copy}: moves the ledger from the embedded H2 (or another database) to PostgreSQL, with every row's id,
 * and checks the copy (row counts, the audit chain). Never prints passwords, URLs or rows.
 */
@Command(name = "copy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"台帳のデータベースを PostgreSQL へ丸ごとコピーし、件数と監査ログを検証します。",
                "Copies the ledger's database to PostgreSQL, whole, and checks the row counts",
                "and the audit chain.", "",
                "コピー先はまずマイグレーションします。行のある表があれば何もコピーしません。",
                "H2 はサーバーを止めてから。コピー先のユーザーとパスワードは",
                "MAMORI_DB_USER / MAMORI_DB_PASSWORD、--from-url のものは",
                "MAMORI_FROM_DB_USER / MAMORI_FROM_DB_PASSWORD から読みます。",
                "The target is migrated first; if any of its tables holds rows, nothing is",
                "copied. For H2, stop the server first. The target's user and password come",
                "from MAMORI_DB_USER / MAMORI_DB_PASSWORD, those of --from-url from",
                "MAMORI_FROM_DB_USER / MAMORI_FROM_DB_PASSWORD.", "",
                "終了コード / exit code:",
                "  0 コピーして検証済み / copied and verified",
                "  1 検証かコピーに失敗 / the copy failed or does not verify",
                "  2 コピーしていない（指定の誤り、開けない、コピー先に行がある）",
                "    / nothing copied (bad options, cannot open, target not empty)"},
        footer = {"", "例 / Example:", "  MAMORI_DB_USER=mamori MAMORI_DB_PASSWORD=… ./mamori db copy \\",
                "      --data mamori-data --to-url jdbc:postgresql://localhost/mamori"})
public final class DbCopyCommand implements Callable<Integer> {

    @Option(names = "--data", description = "コピー元: サーバーの --data フォルダー（H2） / source: the server's --data folder (H2)")
    Path data;

    @Option(names = "--from-url", description = "コピー元の JDBC URL（--data の代わり） / source JDBC URL (instead of --data)")
    String fromUrl;

    @Option(names = "--to-url", required = true, description = "コピー先 PostgreSQL の JDBC URL / JDBC URL of the target PostgreSQL database")
    String toUrl;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public DbCopyCommand() {
        this(System.getenv());
    }

    /** With the environment given, for tests. */
    DbCopyCommand(Map<String, String> env) {
        this.env = env;
    }

    /** A refusal or failure to report to the user, with the exit code it ends with. */
    private static final class Stop extends Exception {
        final int code;

        Stop(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // without Spring, logback logs everything at DEBUG: Flyway's lines would bury the summary and name the URLs
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try {
            return run(out);
        } catch (Stop s) {
            err.println("mamori: " + s.getMessage());
            return s.code;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out) throws Stop {
        if ((data == null) == (fromUrl == null)) {
            throw new Stop(2, "--data か --from-url のどちらか一つを指定してください / give one of --data and --from-url");
        }
        if (!toUrl.startsWith("jdbc:postgresql:")) {
            throw new Stop(2, "--to-url は PostgreSQL の JDBC URL です（jdbc:postgresql://host/db） / --to-url must be a PostgreSQL JDBC URL");
        }
        try (Connection source = openSource(); Connection target = open("コピー先", "the target", toUrl,
                env.getOrDefault("MAMORI_DB_USER", ""), env.getOrDefault("MAMORI_DB_PASSWORD", ""))) {
            migrateAndCompareVersions(source, target);
            List<String> tables = DbCopy.tablesInForeignKeyOrder(source);
            List<String> targetTables = DbCopy.tablesInForeignKeyOrder(target);
            if (!new HashSet<>(tables).equals(new HashSet<>(targetTables))) {
                throw new Stop(2, "コピー元とコピー先の表が違います / the source and the target have different tables: "
                        + tables + " / " + targetTables);
            }
            refuseRowsBeyondMigrations(target, tables);
            copy(source, target, tables);
            try {
                return verify(source, target, tables, out);
            } catch (SQLException e) {
                throw new Stop(1, "コピーは確定しましたが、検証中にエラー / the copy was committed, but checking it failed: " + firstLine(e));
            }
        } catch (SQLException e) {
            throw new Stop(2, "データベースの読み書きに失敗しました / database error: " + firstLine(e));
        }
    }

    private Connection openSource() throws Stop {
        if (fromUrl != null) {
            return open("コピー元", "the source", fromUrl, env.getOrDefault("MAMORI_FROM_DB_USER", ""),
                    env.getOrDefault("MAMORI_FROM_DB_PASSWORD", ""));
        }
        if (!Files.isRegularFile(data.resolve("mamori.mv.db"))) {
            throw new Stop(2, data + " にデータベースがありません / no database in " + data);
        }
        // read-only and only if it exists: a mistyped folder must not become a new empty database
        return open("コピー元", "the source", Database.h2Url(data) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "sa", "");
    }

    private static Connection open(String ja, String en, String url, String user, String password) throws Stop {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_ALREADY_OPEN) {
                throw new Stop(2, ja + "の H2 データベースは使用中です。サーバーを止めてからもう一度実行してください / " + en
                        + "'s H2 database is in use: stop the server (mamori serve) first, then copy again");
            }
            throw new Stop(2, ja + "を開けません / cannot open " + en + ": " + firstLine(e));
        }
    }

    /** H2's "Database may be already in use": another process (the server) holds the file's lock. */
    private static final int H2_ALREADY_OPEN = 90020;

    /** Migrates the target with the server's own migrations, then requires both databases at the same schema version. */
    private static void migrateAndCompareVersions(Connection source, Connection target) throws Stop {
        String from;
        String to;
        try {
            from = version(flyway(source).info().current());
            Flyway t = flyway(target);
            t.migrate();
            to = version(t.info().current());
        } catch (FlywayException e) {
            throw new Stop(2, "マイグレーションに失敗しました / migration failed: " + firstLine(e));
        }
        if (!from.equals(to)) {
            throw new Stop(2, "スキーマのバージョンが違います（コピー元 " + from + "、コピー先 " + to + "）。コピー元をこの版のサーバーで一度起動して"
                    + "移行するか、コピー元を書いた版の mamori で実行してください / schema versions differ (source " + from + ", target " + to
                    + "): start this version's server once on the source to migrate it, or copy with the mamori version that wrote it");
        }
    }

    private static Flyway flyway(Connection c) {
        // the same migrations as the server (spring.flyway.locations); the connection stays open for the copy
        String url;
        try {
            url = c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new FlywayException("cannot read the database's URL", e);
        }
        return Flyway.configure().dataSource(new SingleConnectionDataSource(c, true)).locations(Database.migrationLocations(url)).load();
    }

    private static String version(MigrationInfo current) {
        return current == null || current.getVersion() == null ? "なし / none" : current.getVersion().getVersion();
    }

    /**
     * Refuses a target where a table holds more rows than the migrations alone put there (counted on a scratch in-memory
     * H2 migrated the same way): such rows were written by a server or by hand, and copying over them would mix two ledgers.
     */
    private static void refuseRowsBeyondMigrations(Connection target, List<String> tables) throws Stop, SQLException {
        Map<String, Long> seeded;
        try (Connection scratch = DriverManager.getConnection("jdbc:h2:mem:seed" + UUID.randomUUID().toString().replace("-", ""), "sa", "")) {
            flyway(scratch).migrate();
            seeded = DbCopy.counts(scratch, DbCopy.tablesInForeignKeyOrder(scratch));
        }
        for (String t : tables) {
            long n = DbCopy.count(target, t);
            if (n > seeded.getOrDefault(t, 0L)) {
                throw new Stop(2, "コピー先の表 " + t + " にはすでに " + n + " 行あります。空のデータベースかスキーマを指定してください"
                        + " / the target's table " + t + " already holds " + n + (n == 1 ? " row" : " rows") + ": give an empty database or schema");
            }
        }
    }

    private static void copy(Connection source, Connection target, List<String> tables) throws Stop, SQLException {
        source.setReadOnly(true);
        source.setAutoCommit(false); // one consistent read of the source
        target.setAutoCommit(false);
        try {
            DbCopy.copy(source, target, tables);
            DbCopy.resetPostgresSequences(target, tables);
            target.commit();
        } catch (SQLException e) {
            target.rollback();
            throw new Stop(1, "コピーに失敗し、取り消しました / the copy failed and was rolled back: " + firstLine(e));
        } finally {
            source.rollback();
            source.setAutoCommit(true);
            target.setAutoCommit(true);
        }
    }

    /** Row counts on both sides and the target's audit chain; prints the summary; 0 when all agree, else 1. */
    private static int verify(Connection source, Connection target, List<String> tables, PrintWriter out) throws SQLException {
        Map<String, Long> from = DbCopy.counts(source, tables);
        Map<String, Long> to = DbCopy.counts(target, tables);
        int width = Math.max(20, tables.stream().mapToInt(String::length).max().orElse(0) + 2);
        out.printf("%-" + width + "s %14s %14s%n", "表 / table", "コピー元 / source", "コピー先 / target");
        boolean same = true;
        long rows = 0;
        for (String t : tables) {
            boolean ok = from.get(t).equals(to.get(t));
            same &= ok;
            rows += to.get(t);
            out.printf("%-" + width + "s %,14d %,14d  %s%n", t, from.get(t), to.get(t), ok ? "一致 / ok" : "不一致 / DIFFERENT");
        }
        AuditChain.Verdict v = AuditChain.verify(target);
        if (v.intact()) {
            out.printf("コピー先の監査ログは改ざんされていません（%,d 件） / the target's audit log is intact (%,d entries)%n", v.entries(), v.entries());
        } else {
            AuditChain.Verdict before = AuditChain.verify(source);
            out.printf("コピー先の監査ログの検証に失敗: 最初の不整合は %d 番 / the target's audit log does not verify: first bad entry %d (%s)%s%n",
                    v.firstBad().get(), v.firstBad().get(), v.problem(), before.intact() ? ""
                            : " — コピー元ですでに壊れていました / it was already broken in the source");
        }
        if (same && v.intact()) {
            out.printf("%d 表、%,d 行をコピーし、検証しました / copied and verified %d tables, %,d rows%n", tables.size(), rows, tables.size(), rows);
            return 0;
        }
        out.println("コピーは確定しましたが、検証に失敗しました（上を参照） / the copy was committed but does not verify (see above)");
        return 1;
    }

    /**
     * The first line of a database's error, without row contents: a failed batch's own message quotes the statement
     * with its values (PostgreSQL's driver does), so the error of the row behind it is told instead.
     */
    static String firstLine(Exception e) {
        if (e instanceof BatchUpdateException b && b.getNextException() != null) {
            return firstLine(b.getNextException());
        }
        if (e instanceof BatchUpdateException) {
            return "a batch of inserts failed";
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse("");
    }
}
