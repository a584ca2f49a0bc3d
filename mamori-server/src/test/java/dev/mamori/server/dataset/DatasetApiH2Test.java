package dev.mamori.server.dataset;

import dev.mamori.server.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link DatasetApiContract} on the embedded database. */
class DatasetApiH2Test extends DatasetApiContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }
}
