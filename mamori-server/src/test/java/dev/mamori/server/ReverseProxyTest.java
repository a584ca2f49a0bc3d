package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code serve --behind-proxy} on real Tomcat: a request that a proxy on this machine marks as having come over https
 * to mamori.example.jp is redirected there, gets a {@code Secure} session cookie and HSTS.
 * ({@link NoReverseProxyTest}: without the option the same headers change nothing.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReverseProxyTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void behindProxy(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::h2);
        MamoriServer.behindProxy().forEach((k, v) -> r.add(k, () -> v));
    }

    /** A page that needs a login, asked for as nginx passes on a browser's https request. */
    static HttpResponse<String> forwarded(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/datasets"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "mamori.example.jp")
                .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoginRedirectGoesToTheProxysHttpsAddressAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> r = forwarded(port);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("https://mamori.example.jp/login");
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("; Secure").contains("HttpOnly"));
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
