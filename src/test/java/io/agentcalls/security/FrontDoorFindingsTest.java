package io.agentcalls.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ways in that a review of the hand-written filters found (raw URI compared with
 * {@code startsWith}, while Spring MVC routed the decoded path), each now refused with nothing done.
 */
class FrontDoorFindingsTest extends ApiTest {

    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

    private long organizations() {
        return jdbc.sql("SELECT count(*) FROM organizations").query(Long.class).single();
    }

    @Test
    void anEncodedLetterDoesNotOpenTheAdminApi() {
        long before = organizations();

        RawHttp.Answer answer =
                RawHttp.send(port, "POST", "/%61dmin/v1/organizations", JSON_BODY, "{\"name\":\"Intruder\"}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid admin token\"}");
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void aPathParameterDoesNotOpenTheAdminApi() {
        long before = organizations();

        RawHttp.Answer answer =
                RawHttp.send(port, "POST", "/admin;x=1/v1/organizations", JSON_BODY, "{\"name\":\"Intruder\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"success\":false").contains("\"message\":\"Invalid request path\"");
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void anUnsignedEventThroughAnEncodedPathChangesNoCall() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String org = CallFixtures.organizationOf(newOrganization());
        String call = fixtures.call(org, fixtures.campaign(org), fixtures.dispositionSet(org), "initiated");
        String completed = """
                {"events":[{"callId":"%s","status":"completed","at":"2026-11-27T10:01:23Z","durationSeconds":74}]}
                """.formatted(call);

        RawHttp.Answer answer = RawHttp.send(port, "POST", "/%61pi/v1/runner/events", JSON_BODY, completed);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body())
                .isEqualTo("{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Invalid runner signature\"}");
        assertThat(fixtures.status(call)).isEqualTo("initiated");
    }

    @Test
    void anEncodedApiPathAsksForAnApiKeyInTheEnvelope() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/%61pi/v1/campaigns", Map.of(), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Missing or invalid authorization header\"}");
    }

    @Test
    void theErrorPageIsNotAnEndpoint() {
        RawHttp.Answer answer = RawHttp.send(port, "GET", "/error", Map.of(), null);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Not found\"}");
    }

    @Test
    void anEncodedApiKeyPathStillServesAnAuthenticatedCaller() {
        String key = newOrganization();

        RawHttp.Answer answer =
                RawHttp.send(port, "GET", "/%61pi/v1/campaigns", Map.of("Authorization", "Bearer " + key), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"success\":true");
    }
}
