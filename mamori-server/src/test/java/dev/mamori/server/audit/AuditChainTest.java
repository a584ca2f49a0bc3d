package dev.mamori.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The chain finds the first changed, inserted or deleted entry; {@code audit verify} reports it from the database file. */
class AuditChainTest {

    @TempDir
    Path dir;

    private Connection open() throws Exception {
        String url = dev.mamori.server.Database.h2Url(dir);
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Writes {@code n} chained entries as the server does. */
    private static void write(Connection c, int n) throws Exception {
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String at = "2026-12-03T00:00:0" + (seq % 10) + "Z";
            String hash = AuditChain.hash(prev, seq, at, "sato", "UPDATE", "dataset", "7", "version " + seq);
            try (var ps = c.prepareStatement("insert into audit_log values (?, ?, 'sato', 'UPDATE', 'dataset', '7', ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, at);
                ps.setString(3, "version " + seq);
                ps.setString(4, prev);
                ps.setString(5, hash);
                ps.executeUpdate();
            }
            prev = hash;
        }
        try (var ps = c.prepareStatement("update audit_head set seq = ?, hash = ? where id = 1")) {
            ps.setLong(1, n);
            ps.setString(2, prev);
            ps.executeUpdate();
        }
    }

    @Test
    void anIntactLogPasses() throws Exception {
        try (Connection c = open()) {
            write(c, 20);
            AuditChain.Verdict v = AuditChain.verify(c);
            assertThat(v.intact()).isTrue();
            assertThat(v.entries()).isEqualTo(20);
        }
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            write(c, 20);
            s.executeUpdate("update audit_log set actor = 'tanaka' where seq = 7");
            assertThat(AuditChain.verify(c).firstBad()).contains(7L);
        }
    }

    @Test
    void aDeletedEntryIsNamed() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            write(c, 20);
            s.executeUpdate("delete from audit_log where seq = 12");
            assertThat(AuditChain.verify(c).firstBad()).contains(12L);
        }
    }

    @Test
    void entriesDeletedFromTheEndAreFoundByTheHead() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            write(c, 20);
            s.executeUpdate("delete from audit_log where seq > 17");
            AuditChain.Verdict v = AuditChain.verify(c);
            assertThat(v.firstBad()).contains(18L);
            assertThat(v.problem()).contains("18–20");
        }
    }

    @Test
    void anInsertedEntryWithAForgedHashIsFound() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            write(c, 5);
            // shift entries 4 and 5 up and put a forged one in place of 4, with a correct hash over the wrong predecessor
            s.executeUpdate("update audit_log set seq = seq + 100 where seq >= 4");
            s.executeUpdate("update audit_log set seq = seq - 99 where seq >= 100");
            String forged = AuditChain.hash(AuditChain.GENESIS, 4, "2026-12-03T00:00:00Z", "x", "DELETE", "dataset", "7", null);
            s.executeUpdate("insert into audit_log values (4, '2026-12-03T00:00:00Z', 'x', 'DELETE', 'dataset', '7', null, '"
                    + AuditChain.GENESIS + "', '" + forged + "')");
            assertThat(AuditChain.verify(c).firstBad()).contains(4L);
        }
    }

    @Test
    void theCommandReportsFromTheDatabaseFile() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            write(c, 10);
            s.executeUpdate("update audit_log set detail = 'nothing' where seq = 3");
        }
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AuditVerifyCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        int code = cl.execute("--data", dir.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("3").contains("changed after it was written");
        StringWriter none = new StringWriter();
        int missing = new CommandLine(new AuditVerifyCommand()).setOut(new PrintWriter(none)).setErr(new PrintWriter(none))
                .execute("--data", dir.resolve("nowhere").toString());
        assertThat(missing).isEqualTo(2);
    }
}
