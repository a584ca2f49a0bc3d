package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

    @TempDir
    Path dir;

    private static String base64(Key k) {
        return Base64.getEncoder().encodeToString(k.material());
    }

    @Test
    void storeIsOwnerOnlyAndHoldsTheKeys() throws Exception {
        Path p = dir.resolve("keys/mamori-keys.json");
        KeyStore s = KeyStore.create(p);
        assumeTrue(s.permissionsEnforced(), "POSIX file system");
        Key k = s.newKey("customers");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.getParent()))).isEqualTo("rwx------");
        s.rotate("customers");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as("after a rewrite")
                .isEqualTo("rw-------");
        assertThat(Files.readString(p)).contains(base64(k));
        try (Stream<Path> files = Files.list(p.getParent())) {
            assertThat(files).as("no temporary file left, only the lock").containsExactlyInAnyOrder(p,
                    p.resolveSibling(".mamori-keys.json.lock"));
        }
        Key again = KeyStore.open(p).get("customers", 1);
        assertThat(again).isEqualTo(k);
        assertThat(again.created()).isEqualTo(k.created());
    }

    @Test
    void pseudonymsAreStableAcrossOpeningsAndDifferAcrossKeys() throws Exception {
        Path p = dir.resolve("k.json");
        KeyStore s = KeyStore.create(p);
        s.newKey("a");
        s.newKey("b");
        String a1 = new KeyedPseudonym(s.get("a")).apply("山田太郎");
        String a2 = new KeyedPseudonym(KeyStore.open(p).get("a")).apply("山田太郎");
        String b = new KeyedPseudonym(KeyStore.open(p).get("b")).apply("山田太郎");
        assertThat(a2).isEqualTo(a1);
        assertThat(b).isNotEqualTo(a1);
    }

    @Test
    void rotateKeepsOldVersionsForRelinking() throws Exception {
        Path p = dir.resolve("k.json");
        KeyStore s = KeyStore.create(p);
        Key v1 = s.newKey("customers");
        String token = new Tokenize(v1).apply("090-1234-5678");
        Key v2 = s.rotate("customers");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.fingerprint()).isNotEqualTo(v1.fingerprint());
        KeyStore reopened = KeyStore.open(p);
        assertThat(reopened.get("customers")).isEqualTo(v2);
        assertThat(reopened.get("customers", 1)).isEqualTo(v1);
        assertThat(new Tokenize(reopened.get("customers", 1)).detokenize(token)).isEqualTo("090-1234-5678");
        assertThatThrownBy(() -> new Tokenize(reopened.get("customers")).detokenize(token))
                .hasMessageContaining("version 1");
        assertThat(reopened.list()).extracting(KeyStore.KeyInfo::name, KeyStore.KeyInfo::version,
                KeyStore.KeyInfo::fingerprint).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("customers", 1, v1.fingerprint()),
                        org.assertj.core.groups.Tuple.tuple("customers", 2, v2.fingerprint()));
        assertThat(reopened.list().toString()).doesNotContain(base64(v1), base64(v2));
        assertThatThrownBy(() -> reopened.get("customers", 3)).hasMessageContaining("versions 1 to 2");
    }

    @Test
    void refusesStoresOthersCanRead() throws Exception {
        Path p = dir.resolve("k.json");
        KeyStore s = KeyStore.create(p);
        assumeTrue(s.permissionsEnforced(), "POSIX file system");
        Key k = s.newKey("x");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyStore.open(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64(k)));
    }

    @Test
    void clearErrorsThatNeverCarryKeys() throws Exception {
        Path p = dir.resolve("k.json");
        KeyStore s = KeyStore.create(p);
        Key k = s.newKey("customers");
        assertThatThrownBy(() -> KeyStore.create(p)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> KeyStore.open(dir.resolve("none.json"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> s.newKey("customers")).hasMessageContaining("already has a key named 'customers'");
        assertThatThrownBy(() -> s.get("nobody")).hasMessageContaining("it holds: customers");
        assertThatThrownBy(() -> s.newKey("../etc")).hasMessageContaining("key name");
        assertThat(s.toString()).doesNotContain(base64(k));

        // a damaged store: the parser must not quote the key back
        String text = Files.readString(p);
        Files.writeString(p, text.replace("\"key\"", "key"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeyStore.open(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON").hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64(k)));
        Files.writeString(p, text.replace(base64(k), base64(k).substring(4)), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeyStore.open(p)).hasMessageContaining("entry 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(base64(k).substring(4)));
    }
}
