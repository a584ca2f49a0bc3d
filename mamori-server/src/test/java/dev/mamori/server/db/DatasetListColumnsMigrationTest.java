package dev.mamori.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.server.Database;
import dev.mamori.server.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Migration V7 fills the list columns of datasets saved before it from their items, on H2 and on PostgreSQL. */
class DatasetListColumnsMigrationTest {

    @Test
    void h2() throws Exception {
        check(TestDatabases.h2(), "sa", "", null);
    }

    @Test
    void postgres() throws Exception {
        String url = TestDatabases.postgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "no PostgreSQL configured (MAMORI_TEST_PG_URL)");
        check(url, System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori"),
                System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori"), "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    private static void check(String url, String user, String password, String schema) throws Exception {
        String at = schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var config = Flyway.configure().dataSource(at, user, password).locations(Database.migrationLocations(url));
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        try (Connection c = DriverManager.getConnection(at, user, password)) {
            config.target("6").load().migrate();
            try (Statement s = c.createStatement()) {
                for (String items : List.of("[]",
                        "[{\"name\":\"氏名\",\"category\":\"PERSONAL_INFORMATION\",\"types\":[\"PERSON\"]}]",
                        "[{\"name\":\"MY_NUMBER\",\"types\":[\"PERSON\"]},{\"name\":\"番号\",\"types\":[\"PHONE\",\"MY_NUMBER\"]}]",
                        "[{\"name\":\"x\",\"types\":[]},{\"name\":\"y\"},{\"name\":\"z\",\"types\":[\"MY_NUMBER_LIKE\"]}]")) {
                    s.executeUpdate("insert into dataset (version, name, purpose, system_name, items_json, created_at, updated_at, updated_by)"
                            + " values (1, ' Kaiin 名簿', 'p\n2', null, '" + items + "', current_timestamp, current_timestamp, 't')");
                }
            }
            config.target("latest").load().migrate();
            List<String> found = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select item_count, my_number, search_text from dataset order by id")) {
                while (rs.next()) {
                    found.add(rs.getInt(1) + " " + rs.getBoolean(2));
                    assertThat(rs.getString(3)).isEqualTo("kaiin 名簿\np\n2");
                }
            }
            assertThat(found).containsExactly("0 false", "1 false", "2 true", "3 false");
        } finally {
            if (schema != null) {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }
}
