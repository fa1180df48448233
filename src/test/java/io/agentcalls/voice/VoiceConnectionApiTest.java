package io.agentcalls.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /api/v1/voice-connections}: credentials stored encrypted and never shown, wrong input named,
 * another organization's connections not found; the agent's and the number's provider side; and
 * {@link VoiceConnections#routeFor} as the dialing side will call it. Vapi is a stub here, so the
 * base URL setting is exercised too.
 */
class VoiceConnectionApiTest extends ApiTest {

    static final WireMockServer VAPI = new WireMockServer(options().dynamicPort());
    static final String API_KEY = "vapi-private-key-abcdef0123456789";

    static {
        VAPI.start();
    }

    @DynamicPropertySource
    static void vapiBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("agentcalls.providers.vapi.base-url", VAPI::baseUrl);
    }

    @Autowired
    VoiceConnections connections;

    private String key;

    @BeforeEach
    void organization() {
        VAPI.resetAll();
        key = newOrganization();
    }

    private Response create(Map<String, Object> body) {
        return post("/api/v1/voice-connections", key, JSON.writeValueAsString(body));
    }

    private String createVapi(String name) {
        Response created = create(Map.of(
                "provider",
                "vapi",
                "name",
                name,
                "apiKey",
                API_KEY,
                "webhookSecret",
                "server-secret-0123456789",
                "maxConcurrentCalls",
                25,
                "callsPerSecond",
                2.5));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    @Test
    void aConnectionShowsEverythingButItsCredentialsWhichAreEncryptedAtRest() {
        Response created = create(Map.of(
                "provider",
                "vapi",
                "name",
                "Vapi prod",
                "apiKey",
                API_KEY,
                "webhookSecret",
                "server-secret-0123456789",
                "maxConcurrentCalls",
                25,
                "callsPerSecond",
                2.5));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().at("/data/id").asString();
        assertThat(id).startsWith("vcn_");
        assertThat(created.body().at("/data/provider").asString()).isEqualTo("vapi");
        assertThat(created.body().at("/data/apiKeyLast4").asString()).isEqualTo("6789");
        assertThat(created.body().at("/data/webhookSecretSet").asBoolean()).isTrue();
        assertThat(created.body().at("/data/maxConcurrentCalls").asInt()).isEqualTo(25);
        assertThat(created.body().at("/data/callsPerSecond").asDouble()).isEqualTo(2.5);
        assertThat(created.body().at("/data/webhookPath").asString()).isEqualTo("/api/v1/providers/vapi/events/" + id);
        for (Response shown :
                List.of(created, get("/api/v1/voice-connections/" + id, key), get("/api/v1/voice-connections", key))) {
            assertThat(shown.raw()).doesNotContain(API_KEY).doesNotContain("server-secret-0123456789");
        }
        Map<String, Object> stored = jdbc.sql("SELECT api_key, webhook_secret FROM voice_connections WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(stored.values())
                .allSatisfy(
                        v -> assertThat(v.toString()).doesNotContain(API_KEY).doesNotContain("server-secret"));
        assertThat(connections.connection(orgOf(key), id).orElseThrow().apiKey())
                .isEqualTo(API_KEY);
    }

    @Test
    void listUpdateAndDelete() {
        String id = createVapi("Vapi A");
        createVapi("Vapi B");

        assertThat(get("/api/v1/voice-connections?limit=1", key).body().path("data"))
                .hasSize(1);
        Response patched = patch(
                "/api/v1/voice-connections/" + id,
                key,
                "{\"name\":\"Vapi renamed\",\"apiKey\":\"new-key-000000009999\"}");
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().at("/data/name").asString()).isEqualTo("Vapi renamed");
        assertThat(patched.body().at("/data/apiKeyLast4").asString()).isEqualTo("9999");
        assertThat(patched.body().at("/data/maxConcurrentCalls").asInt()).isEqualTo(25);
        assertThat(patch("/api/v1/voice-connections/" + id, key, "{\"name\":\"Vapi B\"}")
                        .status())
                .as("another connection's name")
                .isEqualTo(409);
        assertThat(create(Map.of("provider", "vapi", "name", "Vapi B", "apiKey", "k"))
                        .status())
                .isEqualTo(409);

        assertThat(delete("/api/v1/voice-connections/" + id, key).status()).isEqualTo(200);
        assertThat(get("/api/v1/voice-connections/" + id, key).status()).isEqualTo(404);
    }

    @Test
    void wrongInputIsA400NamingTheFieldAndWritesNothing() {
        Map<String, String> wrong = Map.ofEntries(
                Map.entry("{\"provider\":\"twilio\",\"name\":\"x\",\"apiKey\":\"k\"}", "provider"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\"x\"}", "apiKey"),
                Map.entry("{\"provider\":\"vapi\",\"apiKey\":\"k\"}", "name"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\" \",\"apiKey\":\"k\"}", "name"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"a b\"}", "apiKey"),
                Map.entry(
                        "{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"k\",\"maxConcurrentCalls\":0}",
                        "maxConcurrentCalls"),
                Map.entry(
                        "{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"k\",\"maxConcurrentCalls\":99999999999}",
                        "maxConcurrentCalls"),
                Map.entry(
                        "{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"k\",\"maxConcurrentCalls\":\"10\"}",
                        "maxConcurrentCalls"),
                Map.entry(
                        "{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"k\",\"callsPerSecond\":0}",
                        "callsPerSecond"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\"x\\u0000\",\"apiKey\":\"k\"}", "name"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\"x\",\"apiKey\":\"k\",\"extra\":1}", "extra"),
                Map.entry("{\"provider\":\"vapi\",\"name\":\"" + "n".repeat(201) + "\",\"apiKey\":\"k\"}", "name"),
                Map.entry("{\"provider\":\"vapi\",\"name\":", "JSON"));
        wrong.forEach((body, field) -> {
            Response answer = post("/api/v1/voice-connections", key, body);
            assertThat(answer.status()).as(body + " → " + answer.raw()).isEqualTo(400);
            assertThat(answer.body().path("success").asBoolean()).isFalse();
            assertThat(answer.raw()).as(body).containsIgnoringCase(field);
        });
        Response nullPatch = patch("/api/v1/voice-connections/" + createVapi("ok"), key, "{\"apiKey\":null}");
        assertThat(nullPatch.status()).as(nullPatch.raw()).isEqualTo(400);
        assertThat(get("/api/v1/voice-connections", key).body().path("data")).hasSize(1);
    }

    @Test
    void anotherOrganizationsConnectionIsNotFound() {
        String id = createVapi("Mine");
        String otherKey = newOrganization();

        assertThat(get("/api/v1/voice-connections/" + id, otherKey).status()).isEqualTo(404);
        assertThat(patch("/api/v1/voice-connections/" + id, otherKey, "{\"name\":\"theirs\"}")
                        .status())
                .isEqualTo(404);
        assertThat(delete("/api/v1/voice-connections/" + id, otherKey).status()).isEqualTo(404);
        assertThat(post("/api/v1/voice-connections/" + id + "/test", otherKey, null)
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/v1/voice-connections", otherKey).body().path("data"))
                .isEmpty();
        assertThat(get("/api/v1/voice-connections/" + id, key)
                        .body()
                        .at("/data/name")
                        .asString())
                .isEqualTo("Mine");
    }

    @Test
    void theTestAsksTheProviderWithTheStoredKey() {
        String id = createVapi("Checked");
        VAPI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/assistant"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));

        Response ok = post("/api/v1/voice-connections/" + id + "/test", key, null);

        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().at("/data/ok").asBoolean()).isTrue();
        assertThat(VAPI.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + API_KEY);

        VAPI.resetAll();
        VAPI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/assistant"))
                .willReturn(aResponse().withStatus(401)));
        Response refused = post("/api/v1/voice-connections/" + id + "/test", key, null);
        assertThat(refused.body().at("/data/ok").asBoolean()).isFalse();
        assertThat(refused.body().at("/data/message").asString()).contains("401");
    }

    @Test
    void anAgentNamesItsConnectionAndTheRouteCarriesTheDecryptedConnection() {
        CallingSetup setup = CallingSetup.create(this);
        key = setup.key;
        String id = createVapi("Routed");

        Response agent = patch(
                "/api/v1/agents/" + setup.agentId,
                key,
                "{\"voiceConnectionId\":\"" + id + "\",\"providerAgentId\":\"asst_42\","
                        + "\"outcomeMapping\":{\"field\":\"outcome\",\"codes\":{\"ptp\":\"PTP\"}}}");
        assertThat(agent.status()).as(agent.raw()).isEqualTo(200);
        assertThat(agent.body().at("/data/voiceConnectionId").asString()).isEqualTo(id);
        assertThat(agent.body().at("/data/outcomeMapping/codes/ptp").asString()).isEqualTo("PTP");

        Optional<VoiceRoute> route = connections.routeFor(orgOf(key), setup.agentId);
        assertThat(route).isPresent();
        assertThat(route.get().provider().name()).isEqualTo("vapi");
        assertThat(route.get().providerAgentId()).isEqualTo("asst_42");
        assertThat(route.get().connection().apiKey()).isEqualTo(API_KEY);
        assertThat(route.get().connection().webhookSecret()).isEqualTo("server-secret-0123456789");
        assertThat(route.get().connection().maxConcurrentCalls()).isEqualTo(25);
        assertThat(route.get().connection().baseUrl().toString()).isEqualTo(VAPI.baseUrl());
        assertThat(connections.routeFor(orgOf(key), "agt_" + "0".repeat(32))).isEmpty();

        assertThat(delete("/api/v1/voice-connections/" + id, key).status())
                .as("in use by the agent")
                .isEqualTo(409);
    }

    @Test
    void anAgentCannotNameAnotherOrganizationsConnection() {
        CallingSetup setup = CallingSetup.create(this);
        String foreign = createVapi("Foreign");

        for (String connection : List.of(foreign, "vcn_" + "0".repeat(32), "nonsense")) {
            Response answer = patch(
                    "/api/v1/agents/" + setup.agentId, setup.key, "{\"voiceConnectionId\":\"" + connection + "\"}");
            assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
            assertThat(answer.raw()).contains("voiceConnectionId");
        }
        Response badMapping = patch(
                "/api/v1/agents/" + setup.agentId, setup.key, "{\"outcomeMapping\":{\"field\":\"\",\"codes\":{}}}");
        assertThat(badMapping.status()).as(badMapping.raw()).isEqualTo(400);
        assertThat(badMapping.raw()).contains("outcomeMapping.field");
        assertThat(get("/api/v1/agents/" + setup.agentId, setup.key)
                        .body()
                        .at("/data/voiceConnectionId")
                        .isMissingNode())
                .as("no connection, so none shown")
                .isTrue();
    }

    @Test
    void aCallerNumberNamesTheProvidersNumberId() {
        Response created =
                post("/api/v1/phone-numbers", key, "{\"number\":\"+918045550199\",\"providerNumberId\":\"pn_vapi_7\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().at("/data/providerNumberId").asString()).isEqualTo("pn_vapi_7");
        String id = created.body().at("/data/id").asString();

        Response patched = patch("/api/v1/phone-numbers/" + id, key, "{\"providerNumberId\":\"pn_vapi_8\"}");
        assertThat(patched.body().at("/data/providerNumberId").asString()).isEqualTo("pn_vapi_8");
        assertThat(patch("/api/v1/phone-numbers/" + id, key, "{\"providerNumberId\":\" \"}")
                        .status())
                .isEqualTo(400);
        assertThat(patch("/api/v1/phone-numbers/" + id, key, "{\"providerNumberId\":7}")
                        .status())
                .isEqualTo(400);
    }

    private static String orgOf(String apiKey) {
        return "org_" + apiKey.substring(3, 35);
    }
}
