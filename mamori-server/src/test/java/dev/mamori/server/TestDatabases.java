package dev.mamori.server;

import java.util.UUID;

/**
 * The databases the integration tests run on: a fresh in-memory H2 for each test class, and the real PostgreSQL that
 * {@code .ci/run} installs ({@code MAMORI_TEST_PG_URL}, user and password in {@code MAMORI_TEST_PG_USER} /
 * {@code MAMORI_TEST_PG_PASSWORD}). Where {@code MAMORI_REQUIRE_PG} is set (.ci/run), a missing PostgreSQL fails the suite instead of skipping it.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static String h2() {
        return "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    /** Points the test's server at PostgreSQL, in a fresh schema (so test classes do not see each other's rows). */
    public static void usePostgres(org.springframework.test.context.DynamicPropertyRegistry r, String url) {
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        r.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        r.add("spring.datasource.username", () -> System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori"));
        r.add("spring.datasource.password", () -> System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori"));
        r.add("spring.flyway.schemas", () -> schema);
        r.add("spring.flyway.create-schemas", () -> "true");
    }

    /** The PostgreSQL URL, or null when none is configured outside CI. */
    public static String postgres() {
        String url = System.getenv("MAMORI_TEST_PG_URL");
        if ((url == null || url.isBlank()) && System.getenv("MAMORI_REQUIRE_PG") != null) {
            throw new IllegalStateException("MAMORI_REQUIRE_PG is set but MAMORI_TEST_PG_URL is not: start PostgreSQL with .ci/postgres");
        }
        return url == null || url.isBlank() ? null : url;
    }
}
