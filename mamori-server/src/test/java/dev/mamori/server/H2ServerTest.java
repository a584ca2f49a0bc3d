package dev.mamori.server;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The server on an in-memory H2 database, driven through MockMvc. Test classes that extend it share one application
 * context (and database), so each uses names of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class H2ServerTest {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }

    @Autowired
    protected MockMvc mvc;
}
