package io.agentcalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code public-api-docs: false} puts the OpenAPI document behind the admin token. */
@TestPropertySource(properties = "agentcalls.security.public-api-docs=false")
class PrivateApiDocsTest extends ApiTest {

    @Test
    void theDocumentTakesTheAdminToken() {
        Response anonymous = get("/v3/api-docs", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().at("/message").asString()).isEqualTo("Missing or invalid admin token");
        assertThat(get("/v3/api-docs", newOrganization()).status()).isEqualTo(401);

        Response admin = get("/v3/api-docs", ADMIN_TOKEN);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().at("/openapi").asString()).startsWith("3.");
    }
}
