package dev.mamori.server.register;

import dev.mamori.server.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RegisterApiContract} on H2. */
class RegisterApiH2Test extends RegisterApiContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }
}
