package dev.mamori.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.server.TestDatabases;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DatasetApiContract} on a real PostgreSQL, in a schema of its own (required under CI). */
class DatasetApiPostgresTest extends DatasetApiContract {

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

    /**
     * Migrations V6 and V8 (db/vendor/postgresql): the searched columns have trigram indexes where pg_trgm could be
     * created, and a search can use them.
     */
    @Test
    void theSearchedColumnsHaveTrigramIndexes() throws Exception {
        try (Connection c = db.getConnection()) {
            List<String> found = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("select indexname from pg_indexes where schemaname = current_schema()"
                    + " and indexname like '%_trgm' order by indexname")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            assertThat(found).containsExactly("dataset_search_trgm", "register_entry_search_trgm");
            c.createStatement().execute("set enable_seqscan = off"); // a test table is small enough that a scan is cheaper
            StringBuilder plan = new StringBuilder();
            try (var rs = c.createStatement().executeQuery("explain select count(*) from dataset where search_text like '%004711%'")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.createStatement().execute("reset enable_seqscan");
            assertThat(plan).contains("dataset_search_trgm");
        }
    }
}
