package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without {@code --behind-proxy}, X-Forwarded-* headers are a client's word and change nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoReverseProxyTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
    }

    @Test
    void forwardedHeadersAreIgnored() throws Exception {
        HttpResponse<String> r = ReverseProxyTest.forwarded(port);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/login");
        assertThat(r.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").doesNotContain("Secure"));
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }
}
