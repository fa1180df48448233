package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The error envelope of the TimePay Agents API (catalogue §1): {@code success}, {@code error} (the
 * status's word) and {@code message}, whichever layer refuses the request.
 */
class TimepayErrorsTest extends ApiTest {

    private static final String UNAUTHORIZED =
            "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid authorization header\"}";

    @Test
    void aMissingOrWrongApiKeyIsTheDocumented401() {
        for (String key : new String[] {null, "ak_nope", "ak_00000000000000000000000000000000_wrong"}) {
            Response response = get("/api/v1/campaigns", key);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.raw()).isEqualTo(UNAUTHORIZED);
        }
        Response withoutBearer = send(request("/api/v1/campaigns")
                .header("Authorization", "Basic eDp5")
                .GET()
                .build());
        assertThat(withoutBearer.raw()).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void aMissingObjectIsNotFound() {
        String key = newOrganization();
        Response response = get("/api/v1/campaigns/cmp_000000000000000000000000000000ff", key);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Campaign not found\"}");
        assertThat(get("/api/v1/no-such-thing", key).raw())
                .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Not found\"}");
    }

    @Test
    void everyOtherRefusalNamesItsStatusTheSameWay() {
        String key = newOrganization();
        Response malformed = post("/api/v1/campaigns", key, "{\"name\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/error").asString()).isEqualTo("BadRequest");
        assertThat(malformed.body().at("/message").asString()).isEqualTo("Validation failed");

        Response wrongMethod = send("PUT", "/api/v1/initiations/ini_x", key, "application/json", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().at("/error").asString()).isEqualTo("MethodNotAllowed");

        Response wrongType = send("POST", "/api/v1/campaigns", key, "text/plain", "name");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.body().at("/error").asString()).isEqualTo("UnsupportedMediaType");

        Response nul = get("/api/v1/campaigns?status=%00", key);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().at("/error").asString()).isEqualTo("BadRequest");
    }

    @Test
    void theInitiateCallsPageKeepsItsOwnMessages() {
        String key = newOrganization();
        Response response =
                post("/api/v1/initiate/not-a-campaign/calls", key, "{\"agentId\":\"a\",\"dispositionId\":\"d\"}");
        assertThat(response.raw())
                .isEqualTo("{\"success\":false,\"error\":\"Forbidden\","
                        + "\"message\":\"Campaign ID invalid or mismatch for your organization.\"}");
    }
}
