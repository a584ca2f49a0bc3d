package dev.mamori.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the ledger is kept: an embedded H2 file in the data folder, or the PostgreSQL database given. */
public final class Database {

    private Database() {
    }

    /** The JDBC URL of the embedded database in {@code dataDir}. */
    public static String h2Url(Path dataDir) {
        // WRITE_DELAY=0: a commit is written before it is acknowledged, so a killed server loses nothing it said it saved
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("mamori") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /**
     * Spring data-source properties for the options: PostgreSQL when {@code dbUrl} is given (user and password from
     * {@code MAMORI_DB_USER} / {@code MAMORI_DB_PASSWORD}, never from the command line, where {@code ps} shows them),
     * else H2 in {@code dataDir}, created owner-only.
     */
    public static Map<String, Object> properties(Path dataDir, String dbUrl, Map<String, String> env) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (dbUrl != null) {
            if (!dbUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db), not " + dbUrl);
            }
            p.put("spring.datasource.url", dbUrl);
            p.put("spring.datasource.username", env.getOrDefault("MAMORI_DB_USER", ""));
            p.put("spring.datasource.password", env.getOrDefault("MAMORI_DB_PASSWORD", ""));
        } else {
            try {
                Files.createDirectories(dataDir);
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
            }
            p.put("spring.datasource.url", h2Url(dataDir));
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        }
        return p;
    }

    /**
     * The Flyway locations of the server's migrations for a database (as {@code spring.flyway.locations}): the common
     * ones, then the ones of this database only ({@code db/vendor/h2}, {@code db/vendor/postgresql}), which carry the
     * same version numbers on both.
     */
    public static String[] migrationLocations(String jdbcUrl) {
        String vendor = jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
    }
}
