package dev.mamori.server.survey;

import dev.mamori.server.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SurveyPagesContract} on the embedded database. */
class SurveyPagesH2Test extends SurveyPagesContract {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }
}
