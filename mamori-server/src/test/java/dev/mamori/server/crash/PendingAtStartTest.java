package dev.mamori.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.ServerProcess;
import dev.mamori.server.ServerProcess.Db;
import dev.mamori.server.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server killed after a change committed but before the writer chained its entry leaves it in audit_pending (and
 * the count's change in row_count_delta): the next start chains and folds them without any request. On PostgreSQL,
 * which the test can read while the server runs (H2 in file mode allows one process).
 */
class PendingAtStartTest {

    @Test
    void entriesAStoppedServerLeftAreChainedWhenItStarts() throws Exception {
        String url = TestDatabases.postgres();
        assumeTrue(url != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
        Db db = Db.postgres(url, "pending");
        ServerProcess.prepare(db, "loader", "mamori_pendingAtStartTestToken0000000000000000000");
        long kept;
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.executeUpdate("insert into audit_pending (at, actor, action, entity, entity_id, detail)"
                    + " values ('2026-12-03T00:00:00Z', 'killed-server', 'CREATE', 'dataset', '41', null),"
                    + " ('2026-12-03T00:00:01Z', 'killed-server', 'UPDATE', 'dataset', '41', 'version 2')");
            s.executeUpdate("insert into row_count_delta (name, delta) values ('dataset', 2)");
            kept = single(c, "select n from row_count where name = 'dataset'");
        }
        ServerProcess server = ServerProcess.start(db, "pending-start", List.of());
        try (Connection c = db.connect()) {
            long until = System.nanoTime() + 30_000_000_000L;
            while (single(c, "select count(*) from audit_pending") > 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(single(c, "select count(*) from audit_pending")).isZero();
            assertThat(single(c, "select count(*) from audit_log where actor = 'killed-server'")).isEqualTo(2);
            assertThat(single(c, "select count(*) from row_count_delta")).isZero();
            assertThat(single(c, "select n from row_count where name = 'dataset'")).isEqualTo(kept + 2);
        } finally {
            server.kill();
        }
        ServerProcess.Verify v = ServerProcess.auditVerify(db);
        assertThat(v.exitCode()).as(v.output()).isZero();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            s.execute("drop schema " + db.schema() + " cascade");
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
