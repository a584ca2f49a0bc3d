package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.report.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code registry update --download} against a local HTTP server serving the RIR excerpts and their .md5 files in the
 * RIRs' two forms: every file verified before anything is installed; a wrong checksum, a 404 or a cut-off body leaves
 * the store as it was. Nothing here reaches the Internet.
 */
class RirDownloadTest {

    @TempDir
    Path dir;

    HttpServer server;
    final Map<String, byte[]> files = new HashMap<>();
    /** Paths answered with only the first half of the body, as a complete answer (a proxy that cut it). */
    final List<String> cut = new ArrayList<>();
    /** Paths whose body stops half-way while the connection stays open. */
    final List<String> stall = new ArrayList<>();

    @BeforeEach
    void serve() throws Exception {
        for (String rir : List.of("afrinic", "apnic", "arin", "lacnic", "ripencc")) {
            byte[] body = Files.readAllBytes(RegistryDataTest.excerpts().resolve("delegated-" + rir + "-extended-excerpt"));
            String name = "delegated-" + rir + "-extended-latest";
            files.put("/" + name, body);
            String md5 = md5(body);
            // ARIN publishes the GNU form naming the dated file; the others the BSD form
            files.put("/" + name + ".md5", (rir.equals("arin") ? md5 + "  delegated-arin-extended-20190908\n"
                    : "MD5 (" + name + ") = " + md5 + "\n").getBytes());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        byte[] body = files.get(x.getRequestURI().getPath());
        if (body == null) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        String path = x.getRequestURI().getPath();
        if (cut.contains(path)) {
            body = java.util.Arrays.copyOf(body, body.length / 2);
        }
        x.sendResponseHeaders(200, stall.contains(path) ? body.length + 1000 : body.length);
        OutputStream out = x.getResponseBody();
        if (stall.contains(path)) {
            out.write(body);
            out.flush();
            return; // the rest never comes; the exchange stays open
        }
        out.write(body);
        x.close();
    }

    private RirDownload download() {
        return download(Duration.ofSeconds(10));
    }

    private RirDownload download(Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new RirDownload(RirDownload.mirror(base), timeout);
    }

    private static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    private static final RirDownload.Listener QUIET = new RirDownload.Listener() {
        @Override
        public void fetching(RirDownload.Rir rir, long size) {
        }

        @Override
        public void received(RirDownload.Rir rir, long bytes) {
        }

        @Override
        public void verified(RirDownload.Rir rir, long bytes, String md5) {
        }
    };

    @Test
    void allFiveVerifiedAndInstalled() {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        List<String> verified = new ArrayList<>();
        RegistryStore.UpdateResult r = download().install(store, new RirDownload.Listener() {
            @Override
            public void fetching(RirDownload.Rir rir, long size) {
                assertThat(size).isPositive();
            }

            @Override
            public void received(RirDownload.Rir rir, long bytes) {
            }

            @Override
            public void verified(RirDownload.Rir rir, long bytes, String md5) {
                verified.add(rir.name());
            }
        });
        assertThat(verified).containsExactly("afrinic", "apnic", "arin", "lacnic", "ripencc");
        assertThat(r.installed()).extracting(RegistryStore.Entry::registry).containsExactly("AFRINIC", "APNIC", "ARIN", "LACNIC", "RIPE NCC");
        assertThat(RegistryData.of(store.open()).missing()).isEmpty();
        assertThat(store.dir().toFile().list()).noneMatch(n -> n.startsWith(".download-"));
    }

    @Test
    void aWrongChecksumIsRefusedAndNothingReplaced() throws Exception {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        Files.copy(RegistryDataTest.excerpts().resolve("delegated-apnic-extended-excerpt"), old.resolve("delegated-apnic-extended-excerpt"));
        store.update(old);
        String before = Files.readString(store.dir().resolve(RegistryStore.INDEX));
        files.put("/delegated-ripencc-extended-latest.md5", "MD5 (delegated-ripencc-extended-latest) = 00000000000000000000000000000000\n".getBytes());
        assertThatThrownBy(() -> download().install(store, QUIET)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("delegated-ripencc-extended-latest").hasMessageContaining("MD5 does not match")
                .satisfies(e -> assertThat(((Message.Problem) e).message("ja")).contains("MD5 が公開されている値と一致しません"));
        assertThat(Files.readString(store.dir().resolve(RegistryStore.INDEX))).isEqualTo(before);
        assertThat(store.entries()).extracting(RegistryStore.Entry::registry).containsExactly("APNIC");
    }

    @Test
    void aMissingFileIsRefused() {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        files.remove("/delegated-arin-extended-latest");
        assertThatThrownBy(() -> download().install(store, QUIET)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("delegated-arin-extended-latest").hasMessageContaining("HTTP 404");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void aCutOffBodyIsRefused() {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        cut.add("/delegated-lacnic-extended-latest");
        assertThatThrownBy(() -> download().install(store, QUIET)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("delegated-lacnic-extended-latest").hasMessageContaining("MD5 does not match");
        assertThat(store.isEmpty()).isTrue();
    }

    /** A server that stops sending mid-body (the client's own timeout covers only the headers) is given up on. */
    @Test
    void aStalledBodyIsGivenUpOn() {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        stall.add("/delegated-apnic-extended-latest");
        assertThatThrownBy(() -> download(Duration.ofSeconds(1)).install(store, QUIET)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("delegated-apnic-extended-latest").hasMessageContaining("no answer in time");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void aChecksumFileWithoutAChecksumIsRefused() {
        RegistryStore store = RegistryStore.at(dir.resolve("store"));
        files.put("/delegated-afrinic-extended-latest.md5", "<html>moved</html>".getBytes());
        assertThatThrownBy(() -> download().install(store, QUIET)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("no MD5 checksum");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void plainHttpOnlyOnThisMachine() {
        assertThatThrownBy(() -> RirDownload.mirror(URI.create("http://mirror.example.jp/rir/"))).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("https://");
        assertThat(RirDownload.mirror(URI.create("https://mirror.example.jp/rir")).get(2).uri())
                .isEqualTo(URI.create("https://mirror.example.jp/rir/delegated-arin-extended-latest"));
        assertThat(RirDownload.OFFICIAL).allSatisfy(r -> assertThat(r.uri().getScheme()).isEqualTo("https"));
    }
}
