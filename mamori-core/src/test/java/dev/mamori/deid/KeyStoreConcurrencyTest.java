package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: parallel keys new / rotate never lose a key or a version; links are written through; passwords. */
class KeyStoreConcurrencyTest {

    @TempDir
    Path dir;

    /** Starts {@link KeyStoreWorker} in its own JVM (the OS file lock is per process). */
    private static Process worker(Path store, String op, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KeyStoreWorker.class.getName(),
                store.toString(), op, name).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.strip();
    }

    @Test
    void parallelProcessesCreatingAndRotatingKeysLoseNothing() throws Exception {
        Path store = dir.resolve("keys.json");
        List<Process> creators = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            creators.add(worker(store, "new", "k" + i));
        }
        for (Process p : creators) {
            finish(p);
        }
        KeyStore ks = KeyStore.open(store);
        assertThat(ks.list()).extracting(KeyStore.KeyInfo::name).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");

        List<Process> rotators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rotators.add(worker(store, "rotate", "k0"));
        }
        Set<String> reported = new HashSet<>();
        for (Process p : rotators) {
            reported.add(finish(p));
        }
        KeyStore after = KeyStore.open(store);
        assertThat(after.list()).filteredOn(k -> k.name().equals("k0")).extracting(KeyStore.KeyInfo::version)
                .containsExactly(1, 2, 3, 4, 5);
        // every rotation reported a different version, and each is the one in the store
        assertThat(reported).hasSize(4);
        for (String r : reported) {
            String[] f = r.split(" ");
            assertThat(after.get("k0", Integer.parseInt(f[1])).fingerprint()).isEqualTo(f[2]);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
    }

    @Test
    void threadsOfOneProcessSharingAStoreLoseNothingEither() throws Exception {
        Path store = dir.resolve("keys.json");
        KeyStore a = KeyStore.create(store);
        KeyStore b = KeyStore.open(store); // a second handle that does not see a's changes in memory
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Key>> made = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            KeyStore s = i % 2 == 0 ? a : b;
            String name = "n" + i;
            made.add(pool.submit(() -> s.newKey(name)));
        }
        for (Future<Key> f : made) {
            f.get();
        }
        pool.shutdown();
        assertThat(KeyStore.open(store).list()).hasSize(20);
        assertThatThrownBy(() -> b.newKey("n0")).hasMessageContaining("already has a key named 'n0'");
    }

    @Test
    void aStoreGivenThroughALinkIsWrittenThroughIt() throws Exception {
        Path real = Files.createDirectories(dir.resolve("vault")).resolve("keys.json");
        KeyStore.create(real).newKey("a");
        Path link = Files.createSymbolicLink(dir.resolve("keys-link.json"), real);
        KeyStore.open(link).rotate("a");
        KeyStore.openOrCreate(link, null).newKey("b");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(KeyStore.open(real).list()).extracting(KeyStore.KeyInfo::name, KeyStore.KeyInfo::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1), org.assertj.core.groups.Tuple.tuple("a", 2),
                        org.assertj.core.groups.Tuple.tuple("b", 1));
    }

    @Test
    void aProtectedStoreNeedsItsPasswordAndShowsNoKey() throws Exception {
        Path store = dir.resolve("keys.json");
        char[] pw = "correct horse battery".toCharArray();
        KeyStore ks = KeyStore.create(store, pw);
        Key k = ks.newKey("customers");
        ks.rotate("customers");
        String file = Files.readString(store);
        assertThat(file).contains("argon2id").contains("keys_encrypted")
                .doesNotContain(Base64.getEncoder().encodeToString(k.material())).doesNotContain("customers");
        assertThat(KeyStore.isProtected(store)).isTrue();
        assertThatThrownBy(() -> KeyStore.open(store)).hasMessageContaining("password-protected");
        assertThatThrownBy(() -> KeyStore.open(store, "wrong".toCharArray())).hasMessageContaining("wrong password")
                .hasNoCause();
        KeyStore again = KeyStore.open(store, pw);
        assertThat(again.get("customers", 1)).isEqualTo(k);
        assertThat(again.get("customers").version()).isEqualTo(2);

        // a weakened header (fewer Argon2 passes) is detected, not silently accepted
        Files.writeString(store, file.replace("\"iterations\" : 3", "\"iterations\" : 1"));
        assertThatThrownBy(() -> KeyStore.open(store, pw)).hasMessageContaining("wrong password, or the file was altered");
        Files.writeString(store, file);

        again.protect(null);
        assertThat(KeyStore.isProtected(store)).isFalse();
        assertThat(KeyStore.open(store).get("customers", 1)).isEqualTo(k);
        KeyStore.open(store).protect("another one".toCharArray());
        assertThat(KeyStore.open(store, "another one".toCharArray()).list()).hasSize(2);
        assertThatThrownBy(() -> KeyStore.create(dir.resolve("empty.json"), new char[0])).hasMessageContaining("empty password");
    }
}
