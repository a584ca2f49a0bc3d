package dev.mamori.server.assess;

import dev.mamori.server.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AssessmentPagesContract} on the embedded database. */
class AssessmentPagesH2Test extends AssessmentPagesContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }
}
