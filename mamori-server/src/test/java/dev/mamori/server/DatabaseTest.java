package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the ledger is kept: an owner-only data folder for H2; PostgreSQL with its user from the environment. */
class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theDataFolderIsTheOwnersOnlyAlsoWhenItExisted() throws Exception {
        Path fresh = dir.resolve("new/data");
        Map<String, Object> p = Database.properties(fresh, null, Map.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
        assertThat((String) p.get("spring.datasource.url")).startsWith("jdbc:h2:file:").contains("WRITE_DELAY=0");
        Path open = Files.createDirectory(dir.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxr-x")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));
        Database.properties(open, null, Map.of());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(open))).isEqualTo("rwx------");
    }

    @Test
    void postgresTakesItsUserFromTheEnvironmentAndNothingElseIsAccepted() {
        Map<String, Object> p = Database.properties(dir, "jdbc:postgresql://db/mamori", Map.of("MAMORI_DB_USER", "u", "MAMORI_DB_PASSWORD", "pw"));
        assertThat(p).containsEntry("spring.datasource.username", "u").containsEntry("spring.datasource.password", "pw");
        assertThatThrownBy(() -> Database.properties(dir, "jdbc:mysql://db/x", Map.of())).hasMessageContaining("PostgreSQL");
    }
}
