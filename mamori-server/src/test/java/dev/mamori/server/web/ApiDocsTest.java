package dev.mamori.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.H2ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The OpenAPI document is served without login, describes the REST API and its token, and nothing else. */
class ApiDocsTest extends H2ServerTest {

    @Autowired
    ObjectMapper json;

    @Test
    void theDocumentNeedsNoLoginAndDescribesTheApiOnly() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode doc = json.readTree(body);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/api/datasets")).isTrue();
        assertThat(doc.get("paths").has("/api/datasets/{id}")).isTrue();
        assertThat(doc.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
        // the browser pages are not part of the API
        doc.get("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));
        // the names are the ones the API speaks
        assertThat(doc.at("/components/schemas/DatasetInput/properties").has("cloud_country")).isTrue();
        // each register documents its own entry, not a generic object
        for (String r : new String[] {"provisions", "transfers", "requests", "incidents"}) {
            assertThat(doc.get("paths").has("/api/" + r + "/{id}/history")).as(r).isTrue();
        }
        String create = doc.at("/paths/~1api~1incidents/post/requestBody/content/application~1json/schema/$ref").asText();
        assertThat(create).endsWith("/IncidentRecord");
        assertThat(doc.at("/components/schemas/IncidentRecord/properties").has("learned_on")).isTrue();
        assertThat(doc.at("/components/schemas/ProvisionRecord/properties").has("made_on")).isTrue();
    }
}
