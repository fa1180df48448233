package io.agentcalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With no admin token, no actuator token and private API docs, those doors do not exist: 404 in the
 * envelope, whatever credential is offered, while health stays open for probes.
 */
@TestPropertySource(
        properties = {
            "agentcalls.security.admin-token=",
            "agentcalls.security.actuator-token=",
            "agentcalls.security.public-api-docs=false"
        })
class ClosedDoorsTest extends ApiTest {

    private static final String NOT_FOUND = "{\"success\":false,\"error\":\"NotFound\",\"message\":\"Not found\"}";

    @Test
    void theAdminApiDoesNotExistWithoutAnAdminToken() {
        long before =
                jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
        for (String token : new String[] {null, "", ADMIN_TOKEN}) {
            Response response = send("POST", "/admin/v1/organizations", token, "application/json", "{\"name\":\"X\"}");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw()).isEqualTo(NOT_FOUND);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM organizations")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void metricsAreClosedWithoutAnActuatorTokenAndHealthIsOpen() {
        assertThat(get("/actuator/prometheus", ACTUATOR_TOKEN).raw()).isEqualTo(NOT_FOUND);
        assertThat(get("/actuator/metrics", null).status()).isEqualTo(404);
        assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void privateApiDocsAreClosedWithoutAnAdminToken() {
        assertThat(get("/v3/api-docs", null).raw()).isEqualTo(NOT_FOUND);
        assertThat(get("/swagger-ui/index.html", null).status()).isEqualTo(404);
    }
}
