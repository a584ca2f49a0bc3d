package dev.mamori.server.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.ServerProcess;
import dev.mamori.server.ServerProcess.Db;
import dev.mamori.server.TestDatabases;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as its own process, written to by concurrent REST clients and killed with SIGKILL in the middle, then
 * started again on the same database: every dataset acknowledged with a 2xx is served with the values sent, new
 * datasets are saved after it, and {@code mamori audit verify} finds the audit log intact — on H2 and on PostgreSQL.
 */
class CrashTest {

    private static final String TOKEN = "mamori_crash-test-token-0123456789abcdefghijklmnopq";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /** What a client sent for a dataset the server acknowledged. */
    record Sent(String name, long persons) {
        String body() {
            return "{\"name\": \"" + name + "\", \"purpose\": \"test\", \"persons\": " + persons + "}";
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void h2() throws Exception {
        crashAndRestart(Db.h2(data));
    }

    @Test
    void postgres() throws Exception {
        String url = TestDatabases.postgres();
        assumeTrue(url != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
        crashAndRestart(Db.postgres(url, "crash"));
    }

    private void crashAndRestart(Db db) throws Exception {
        ServerProcess.prepare(db, "loader", TOKEN);
        Map<Long, Sent> acknowledged = writeAndKill(db);
        assertThat(acknowledged).as("datasets acknowledged before the kill").hasSizeGreaterThanOrEqualTo(50);

        ServerProcess server = ServerProcess.start(db, "crash-restarted", List.of());
        List<Long> created = new ArrayList<>();
        try {
            for (var e : new TreeSet<>(acknowledged.keySet())) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(server.uri("/api/datasets/" + e)).GET());
                assertThat(r.statusCode()).as("GET /api/datasets/%d after the restart: %s", e, r.body()).isEqualTo(200);
                JsonNode d = JSON.readTree(r.body());
                Sent sent = acknowledged.get(e);
                assertThat(d.get("name").asText()).as("name of dataset %d", e).isEqualTo(sent.name());
                assertThat(d.get("persons").asLong()).as("persons of dataset %d", e).isEqualTo(sent.persons());
            }
            long lastBefore = Collections.max(acknowledged.keySet());
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = post(server, new Sent("after restart " + i, i));
                assertThat(r.statusCode()).as("create after the restart: %s", r.body()).isEqualTo(201);
                created.add(JSON.readTree(r.body()).get("id").asLong());
            }
            assertThat(created).as("ids given after the restart").doesNotHaveDuplicates().allMatch(id -> id > lastBefore);
        } finally {
            server.stop();
        }

        ServerProcess.Verify v = ServerProcess.auditVerify(db);
        assertThat(v.exitCode()).as("mamori audit verify said: %s", v.output()).isZero();
        assertThat(v.output()).contains("the audit log is intact");
        try (Connection c = db.connect()) {
            assertThat(count(c, "select count(*) from dataset where id in (" + join(created) + ")")).isEqualTo(created.size());
            assertThat(count(c, "select count(*) from audit_log where action = 'CREATE'"))
                    .as("one CREATE entry per stored dataset").isEqualTo(count(c, "select count(*) from dataset"));
            assertThat(count(c, "select count(*) from audit_log where action = 'READ'"))
                    .as("every read after the restart is in the log").isEqualTo(acknowledged.size());
        }
    }

    /** Eight clients create datasets until at least 200 are acknowledged, then the server is killed with SIGKILL. */
    private Map<Long, Sent> writeAndKill(Db db) throws Exception {
        Map<Long, Sent> acknowledged = new ConcurrentHashMap<>();
        ServerProcess server = ServerProcess.start(db, "crash-server", List.of());
        try {
            AtomicBoolean go = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int i = 0; go.get(); i++) {
                        Sent sent = new Sent("crash " + client + "-" + i, i);
                        HttpResponse<String> r;
                        try {
                            r = post(server, sent);
                        } catch (IOException | InterruptedException e) {
                            return null; // the server was killed
                        }
                        if (r.statusCode() / 100 == 2) {
                            JsonNode id = JSON.readTree(r.body()).get("id");
                            assertThat(id).as("a 2xx without an id: %s", r.body()).isNotNull();
                            assertThat(acknowledged.put(id.asLong(), sent)).as("id %s given twice", id).isNull();
                        }
                    }
                    return null;
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 200 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            server.kill();
            go.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : running) {
                f.get(); // a client's failed check fails the test here
            }
        } finally {
            server.kill();
        }
        return acknowledged;
    }

    private HttpResponse<String> post(ServerProcess server, Sent sent) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.uri("/api/datasets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(sent.body())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String join(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }
}
