package dev.mamori.server.audit;

import com.zaxxer.hikari.HikariDataSource;
import dev.mamori.server.db.RowCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Chains the audit log: one thread takes every read waiting ({@link #write}) and every change's entry committed to
 * {@code audit_pending} ({@link #settle}), chains them after the head and commits them in one transaction, folds the
 * kept counts' changes ({@link RowCounts#fold}), then lets the requests go on. Under load tens of requests share one
 * commit and one turn on the head row instead of taking one each. At start it chains what a stopped server left.
 *
 * <p>The thread has a connection of its own, outside the requests' pool: the requests waiting for their entries hold
 * their connections until they are written, and could hold the whole pool (a first version took one from it and
 * stopped the server under load that way).
 */
@Component
class AuditWriter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

    /** Most entries in one transaction. */
    private static final int GROUP = 500;

    /** How long a request waits for its entry before it fails. */
    private static final long WAIT_SECONDS = 60;

    /** A read to chain ({@code entry}), or a change's request waiting for the pending entries to be chained (null). */
    private record Waiting(AuditLog.Pending entry, CompletableFuture<Void> written) {
    }

    private static final Waiting STOP = new Waiting(null, null);

    private final HikariDataSource own;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    /** Connects as the server does ({@code spring.datasource.*}), with a pool of one connection. */
    AuditWriter(DataSourceProperties database) {
        this.own = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        own.setPoolName("mamori-audit");
        own.setMaximumPoolSize(1);
        own.setMinimumIdle(0);
        own.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
        this.thread = new Thread(this::run, "mamori-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** At start (the migrations have run): chains the entries a stopped server left in {@code audit_pending}. */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        queue.add(new Waiting(null, new CompletableFuture<>()));
    }

    /** Appends the read {@code entry} to the log and returns when it is committed; throws when it could not be. */
    void write(AuditLog.Pending entry) {
        await(entry);
    }

    /**
     * Returns when the changes' entries committed so far are chained. Never throws: the caller's change and its entry
     * are committed, and an entry not chained now is chained with the next group or at the next start.
     */
    void settle() {
        try {
            await(null);
        } catch (IllegalStateException e) {
            LOG.warn("committed audit entries are not chained yet (they will be with the next ones): {}", e.getMessage());
        }
    }

    private void await(AuditLog.Pending entry) {
        if (stopped) {
            throw new IllegalStateException("the server is stopping: the audit log takes no more entries");
        }
        Waiting w = new Waiting(entry, new CompletableFuture<>());
        queue.add(w);
        try {
            w.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit entry could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the audit entry was not written within " + WAIT_SECONDS + " s", e);
        }
    }

    private void run() {
        List<Waiting> group = new ArrayList<>();
        while (true) {
            group.clear();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only STOP ends the thread, so that nothing queued is left unanswered
            }
            queue.drainTo(group, GROUP - 1);
            boolean stop = group.remove(STOP);
            if (!group.isEmpty() || stop) {
                commit(group);
            }
            if (stop) {
                break;
            }
        }
    }

    /**
     * Chains the pending changes and the reads of {@code group} and commits. When that fails, each read is tried alone,
     * so that one entry that cannot be written fails only its own request; but when no connection can be had (the
     * database is down), the whole group fails at once rather than waiting for a connection once per entry.
     *
     * @return false when no connection could be had
     */
    private boolean commit(List<Waiting> group) {
        Connection c;
        try {
            c = own.getConnection();
        } catch (SQLException e) {
            fail(group, e);
            return false;
        }
        boolean more;
        try (c) {
            c.setAutoCommit(false);
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
                AuditLog.Head head = AuditLog.lockHead(jdbc); // before reading what is pending
                List<Map.Entry<Long, AuditLog.Pending>> pending = AuditLog.pending(jdbc, GROUP);
                List<AuditLog.Pending> entries = new ArrayList<>(pending.stream().map(Map.Entry::getValue).toList());
                group.stream().map(Waiting::entry).filter(Objects::nonNull).forEach(entries::add);
                if (!entries.isEmpty()) {
                    AuditLog.append(jdbc, head, entries);
                }
                jdbc.batchUpdate("delete from audit_pending where id = ?", pending.stream().map(e -> new Object[] {e.getKey()}).toList());
                RowCounts.fold(jdbc);
                c.commit();
                more = pending.size() == GROUP;
            } catch (RuntimeException | SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException broken) {
                    e.addSuppressed(broken);
                }
                throw e;
            }
            group.forEach(w -> w.written().complete(null));
        } catch (RuntimeException | SQLException e) {
            if (group.size() <= 1) {
                fail(group, e);
            } else {
                for (int i = 0; i < group.size(); i++) {
                    if (!commit(List.of(group.get(i)))) {
                        fail(group.subList(i + 1, group.size()), e);
                        break;
                    }
                }
            }
            return true;
        }
        if (more) {
            queue.add(new Waiting(null, new CompletableFuture<>())); // a stopped server left more than one group
        }
        return true;
    }

    private static void fail(List<Waiting> group, Exception e) {
        if (group.isEmpty()) {
            return;
        }
        LOG.error("{} audit entr{} could not be written: {}", group.size(), group.size() == 1 ? "y" : "ies", e.toString());
        group.forEach(w -> w.written().completeExceptionally(e));
    }

    /** Writes what is queued, then stops and closes its connection. */
    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        queue.add(STOP);
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        for (Waiting late; (late = queue.poll()) != null; ) { // came in while it stopped
            if (late != STOP) {
                late.written().completeExceptionally(new IllegalStateException("the server stopped"));
            }
        }
        own.close();
    }
}
