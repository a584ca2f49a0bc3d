package dev.mamori.cli.deid;

import dev.mamori.cli.CliTest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void keysAreCreatedListedAndRotatedWithoutEverBeingPrinted() throws IOException {
        Path store = dir.resolve("secrets").resolve("keys.json");
        CliTest.Run created = CliTest.run("--lang", "en", "keys", "--store", store.toString(), "new", "customers");
        assertThat(created.code()).isZero();
        assertThat(created.out()).startsWith("created customers v1 (fingerprint ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");

        CliTest.Run rotated = CliTest.run("--lang", "en", "keys", "--store", store.toString(), "rotate", "customers");
        assertThat(rotated.out()).startsWith("rotated customers v2");
        CliTest.Run listed = CliTest.run("--lang", "en", "keys", "--store", store.toString(), "list");
        assertThat(listed.code()).isZero();
        assertThat(listed.out().lines().filter(l -> l.startsWith("customers"))).hasSize(2);

        List<String> secrets = new ArrayList<>();
        collectStrings(new ObjectMapper().readTree(store.toFile()), secrets);
        String printed = created.out() + created.err() + rotated.out() + listed.out() + listed.err();
        assertThat(secrets.stream().filter(v -> v.length() >= 40)).isNotEmpty()
                .allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
    }

    private static void collectStrings(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        }
        n.forEach(c -> collectStrings(c, out));
    }

    @Test
    void mistakesGetExitCodeTwoAndAClearMessage() throws IOException {
        Path store = dir.resolve("keys.json");
        assertThat(CliTest.run("--lang", "en", "keys", "--store", store.toString(), "list").err()).contains("no key store at");
        CliTest.run("--lang", "en", "keys", "--store", store.toString(), "new", "a");
        CliTest.Run twice = CliTest.run("--lang", "en", "keys", "--store", store.toString(), "new", "a");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("already has a key named 'a'");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-r--r--"));
        CliTest.Run open = CliTest.run("--lang", "en", "keys", "--store", store.toString(), "list");
        assertThat(open.code()).isEqualTo(2);
        assertThat(open.err()).contains("chmod 600");
    }
}
