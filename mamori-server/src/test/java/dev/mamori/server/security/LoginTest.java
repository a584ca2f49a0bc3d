package dev.mamori.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.mamori.server.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Form login, the lock-out after five failures, API tokens, and that all of it is in the audit log. */
class LoginTest extends H2ServerTest {

    @Autowired
    UserAccounts users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsArgon2id() {
        users.create("hash-check", encoder.encode("correct horse battery"), Role.STAFF);
        assertThat(users.find("hash-check").orElseThrow().passwordHash()).startsWith("$argon2id$").doesNotContain("correct horse");
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        users.create("suzuki", encoder.encode("right password 1"), Role.PRIVACY_OFFICER);
        mvc.perform(formLogin("/login").user("suzuki").password("right password 1")).andExpect(authenticated());
        for (int i = 0; i < UserAccounts.MAX_FAILURES; i++) {
            mvc.perform(formLogin("/login").user("suzuki").password("wrong " + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user("suzuki").password("right password 1")).andExpect(unauthenticated());
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'suzuki' and action = 'LOCKED'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LOGIN' and actor = 'suzuki'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anUnknownNameIsNotWrittenAsTyped() throws Exception {
        mvc.perform(formLogin("/login").user("my-password-typed-here").password("x")).andExpect(unauthenticated());
        assertThat(jdbc.sql("select count(*) from audit_log where actor like '%typed%'").query(Long.class).single()).isZero();
    }

    @Test
    void aTokenMadeInThePageIsShownOnceWorksOnTheApiAndCanBeRevoked() throws Exception {
        users.create("maker", encoder.encode("some password 34"), Role.STAFF);
        var res = mvc.perform(post("/account/tokens").param("name", "nightly export").with(user("maker").roles("STAFF")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(res.getHeader("Cache-Control")).contains("no-store");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mamori_[A-Za-z0-9_-]{43}").matcher(res.getContentAsString());
        assertThat(m.find()).isTrue();
        String token = m.group();
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        String list = mvc.perform(get("/account/tokens").with(user("maker").roles("STAFF"))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("nightly export").doesNotContain(token);
        long id = tokens.of(users.find("maker").orElseThrow().id()).get(0).id();
        mvc.perform(post("/account/tokens/" + id + "/delete").with(user("maker").roles("STAFF")).with(csrf()));
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theApiTakesATokenOnlyAndTheTokenIsStoredHashed() throws Exception {
        users.create("api-user", encoder.encode("some password 12"), Role.AUDITOR);
        long id = users.find("api-user").orElseThrow().id();
        String token = tokens.create(id, "ci");
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token + "x")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/datasets")).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from api_token where token_sha256 = ?").param(ApiTokens.sha256(token)).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where token_sha256 = ?").param(token).query(Long.class).single()).isZero();
        // remembered for a few seconds, but a disabled user's token stops at once
        users.setEnabled(id, false);
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        users.setEnabled(id, true);
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void aTokenInSteadyUseHasItsLastUseWrittenAtMostOnceAMinute() throws Exception {
        users.create("api-steady", encoder.encode("some password 56"), Role.AUDITOR);
        long id = users.find("api-steady").orElseThrow().id();
        String token = tokens.create(id, "poller");
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        java.time.Instant first = tokens.of(id).get(0).lastUsedAt();
        assertThat(first).isNotNull();
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(tokens.of(id).get(0).lastUsedAt()).isEqualTo(first);
        java.time.Instant longAgo = first.minus(ApiTokens.LAST_USED_PRECISION.multipliedBy(2));
        jdbc.sql("update api_token set last_used_at = ? where user_id = ?").params(java.sql.Timestamp.from(longAgo), id).update();
        tokens.forget(); // as after ApiTokens.REMEMBERED: the token is read again
        mvc.perform(get("/api/datasets").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(tokens.of(id).get(0).lastUsedAt()).isAfter(longAgo);
    }
}
