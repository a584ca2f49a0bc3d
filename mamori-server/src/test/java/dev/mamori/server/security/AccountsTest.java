package dev.mamori.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.mamori.server.H2ServerTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** An administrator adds a user with a one-time password; that user must change it before anything else. */
class AccountsTest extends H2ServerTest {

    @Autowired
    UserAccounts users;

    private String addUser(String name, String role) throws Exception {
        String page = mvc.perform(post("/admin/users").param("username", name).param("role", role)
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("id=\"one-time\">([A-Za-z0-9]{20})<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    @Test
    void aOneTimePasswordIsChangedBeforeAnythingElse() throws Exception {
        String oneTime = addUser("tanaka", "STAFF");
        assertThat(users.find("tanaka").orElseThrow().mustChangePassword()).isTrue();
        var login = mvc.perform(formLogin("/login").user("tanaka").password(oneTime)).andExpect(redirectedUrl("/account/password")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
        mvc.perform(get("/datasets").session(session)).andExpect(redirectedUrl("/account/password"));
        String tooShort = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", oneTime).param("new", "short").param("repeat", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(tooShort).contains("12 文字以上");
        String wrong = mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", "not it").param("new", "a long new secret").param("repeat", "a long new secret"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("現在のパスワードが違います");
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("current", oneTime).param("new", "a long new secret").param("repeat", "a long new secret"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/datasets").session(session)).andExpect(status().isOk());
        assertThat(users.find("tanaka").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void aDisabledUserCannotLogIn() throws Exception {
        String oneTime = addUser("kato", "AUDITOR");
        long id = users.find("kato").orElseThrow().id();
        mvc.perform(post("/admin/users/" + id + "/enabled").param("value", "false").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users"));
        mvc.perform(formLogin("/login").user("kato").password(oneTime)).andExpect(unauthenticated());
    }

    @Test
    void badOrTakenNamesAreRefused() throws Exception {
        addUser("sato", "STAFF");
        for (String name : new String[] {"sato", "with space", ""}) {
            String page = mvc.perform(post("/admin/users").param("username", name).param("role", "STAFF")
                    .with(user("admin").roles("ADMIN")).with(csrf())).andReturn().getResponse().getContentAsString();
            assertThat(page).as(name).contains("user-problem").doesNotContain("id=\"one-time\"");
        }
    }
}
