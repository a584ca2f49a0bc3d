package dev.mamori.server.audit;

import dev.mamori.server.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori audit verify}: checks the audit log's chain in the database, without starting the server. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"監査ログのハッシュ連鎖を検証し、最初に変更・挿入・削除された行を示します（終了コード 0: 改ざんなし、1: 改ざんあり、2: 開けない）。",
                "Checks the audit log's hash chain and names the first changed, inserted or deleted entry (exit 0: intact,"
                        + " 1: tampered, 2: cannot open)."},
        footer = {"", "例 / Examples:", "  ./mamori audit verify --data mamori-data",
                "  MAMORI_DB_USER=mamori MAMORI_DB_PASSWORD=… ./mamori audit verify --db-url jdbc:postgresql://localhost/mamori"})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Option(names = "--data", description = "サーバーの --data フォルダー（H2。サーバーを止めてから） / the server's --data folder (H2; stop the server first)")
    Path data;

    @Option(names = "--db-url", description = "PostgreSQL の JDBC URL / JDBC URL of the PostgreSQL database")
    String dbUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if ((data == null) == (dbUrl == null)) {
            err.println("mamori: --data か --db-url のどちらか一つを指定してください / give one of --data and --db-url");
            return 2;
        }
        if (data != null && !Files.isRegularFile(data.resolve("mamori.mv.db"))) {
            err.println("mamori: " + data + " にデータベースがありません / no database in " + data);
            return 2;
        }
        Map<String, Object> p = Database.properties(data == null ? Path.of(".") : data, dbUrl, System.getenv());
        String url = (String) p.get("spring.datasource.url");
        if (data != null) {
            url += ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        }
        try (Connection c = DriverManager.getConnection(url, (String) p.get("spring.datasource.username"),
                (String) p.get("spring.datasource.password"))) {
            c.setReadOnly(true);
            AuditChain.Verdict v = AuditChain.verify(c);
            if (v.intact()) {
                out.printf("監査ログは改ざんされていません（%,d 件） / the audit log is intact (%,d entries)%n", v.entries(), v.entries());
                long pending = pending(c);
                if (pending > 0) {
                    out.printf("  ほかに連結待ちの記録 %,d 件（サーバーが次に動くときに連結します） / and %,d committed entries wait to be chained"
                            + " (the server chains them when it next runs)%n", pending, pending);
                }
                return 0;
            }
            out.printf("監査ログが改ざんされています: 最初の不整合は %d 番 / the audit log was tampered with: first bad entry %d%n",
                    v.firstBad().get(), v.firstBad().get());
            out.println("  " + v.problem());
            return 1;
        } catch (SQLException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            err.println("mamori: データベースを開けません（H2 ならサーバーを止めてください） / cannot open the database"
                    + " (for H2, stop the server first): " + m);
            return 2;
        }
    }

    /** Changes' entries committed but not chained yet (a server stopped before its writer chained them). */
    private static long pending(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select count(*) from audit_pending")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
