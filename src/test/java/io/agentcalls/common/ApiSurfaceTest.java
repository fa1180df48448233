package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an operator and an integrator find besides the API: its description, health and metrics. */
@ExtendWith(OutputCaptureExtension.class)
class ApiSurfaceTest extends ApiTest {

    @Autowired
    ApiExceptionHandler handler;

    @Test
    void openApiDescribesTheEndpoints() {
        Response docs = get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().at("/paths").has("/api/v1/initiate/{campaignId}/calls"))
                .isTrue();
        assertThat(docs.body().at("/paths").has("/api/v1/campaigns/{campaignId}/customers/import"))
                .isTrue();
    }

    @Test
    void swaggerUiIsServed() {
        Response ui = get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw()).contains("Swagger UI");
    }

    @Test
    void healthIsOpenAndPrometheusMetricsTakeTheActuatorToken() {
        Response health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/status").asString()).isEqualTo("UP");
        for (String wrong : new String[] {null, "wrong", ADMIN_TOKEN}) {
            Response refused = get("/actuator/prometheus", wrong);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.raw())
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid actuator token\"}");
        }
        Response metrics = get("/actuator/prometheus", ACTUATOR_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheEnvelope() {
        String key = newOrganization();
        Response missing = get("/api/v1/nothing-here", key);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw()).isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Not found\"}");
        Response wrongMethod = send("PUT", "/api/v1/api-keys", key, "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().at("/success").asBoolean()).isFalse();
        Response wrongType = send("POST", "/api/v1/api-keys", key, "text/plain", "name=x");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body().at("/success").asBoolean()).isFalse();
    }

    @Test
    void phoneNumbersAreMaskedInTheLogs(CapturedOutput output) {
        handler.unexpected(
                new IllegalStateException("could not call +919812345678 or 9812345679"),
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/calls"));
        assertThat(output.getAll())
                .contains("could not call <phone> or <phone>")
                .doesNotContain("9812345678");
    }

    @Test
    void jsonBodiesOverTenMegabytesAre400() {
        String key = newOrganization();
        String huge = "{\"name\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        Response response = post("/api/v1/api-keys", key, huge);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/errors/0").asString()).isEqualTo("body must not be larger than 10 MB");
    }
}
