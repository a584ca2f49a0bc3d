package dev.mamori.server.survey;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SurveyPagesContract} on a real PostgreSQL, in a schema of its own (required under CI). */
class SurveyPagesPostgresTest extends SurveyPagesContract {

    @BeforeAll
    static void needsPostgres() {
        assumeTrue(TestDatabases.postgres() != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry r) {
        String url = TestDatabases.postgres();
        if (url != null) {
            TestDatabases.usePostgres(r, url);
        }
    }
}
