package dev.mamori.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document of the REST API (served at {@code /v3/api-docs} without login: it holds no data). */
@Configuration
class ApiDocs {

    /** Schemas with the names the API speaks (the application's mapper: snake_case). */
    @Bean
    ModelResolver modelResolver(ObjectMapper mapper) {
        return new ModelResolver(mapper);
    }

    @Bean
    OpenAPI mamoriApi() {
        return new OpenAPI()
                .info(new Info().title("Mamori ledger API").version("1")
                        .description("個人データ台帳の REST API。JSON の名前は snake_case、エラーは problem details (RFC 9457)。"
                                + " The personal-data ledger over REST: snake_case JSON, errors as problem details (RFC 9457)."))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("an API token: Authorization: Bearer mamori_…")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
