package io.agentcalls.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import io.agentcalls.voice.ProviderContracts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The built-in runner dials through the voice connection the call's agent names, here Retell's API
 * stubbed as its SDK types describe it: the connection's concurrency and calls-per-second caps hold,
 * every request is checked against the contract, each kind of answer is recorded as the call's
 * outcome, and a call cancelled after Retell placed it is hung up there.
 */
class ProviderDialingTest extends ApiTest {

    static final WireMockServer RETELL = new WireMockServer(options().dynamicPort());
    static final String RETELL_KEY = "key_retell_0123456789abcdef";
    static final String FROM = "+918045550777";

    static {
        RETELL.start();
    }

    @DynamicPropertySource
    static void retellBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("agentcalls.providers.retell.base-url", RETELL::baseUrl);
    }

    @AfterAll
    static void stopRetell() {
        RETELL.stop();
    }

    @Autowired
    Dialer dialer;

    @Autowired
    RunnerCancelSender cancels;

    CallFixtures fixtures;
    DialQueueFixtures queue;
    String key;
    String org;
    String campaign;
    String set;

    @BeforeEach
    void organizationWithARetellAgent() {
        RETELL.resetAll();
        RETELL.stubFor(WireMock.post(urlEqualTo("/v2/create-phone-call"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("{\"call_id\":\"rc-{{jsonPath request.body '$.metadata.agentcallsCallId'}}\","
                                + "\"call_type\":\"phone_call\",\"agent_id\":\"agent_retell_1\","
                                + "\"call_status\":\"registered\"}")));
        RETELL.stubFor(WireMock.post(urlPathMatching("/v2/stop-call/.*"))
                .willReturn(aResponse().withStatus(204)));
        fixtures = new CallFixtures(jdbc);
        queue = new DialQueueFixtures(jdbc);
        key = newOrganization();
        org = CallFixtures.organizationOf(key);
        campaign = fixtures.campaign(org);
        fixtures.callingAllDay(org, campaign);
        set = fixtures.dispositionSet(org);
        fixtures.phoneNumber(org, FROM, 50);
    }

    @Test
    void callsGoThroughTheAgentsConnectionWithinItsLimitAsTheContractSays() {
        String connection = connection(Map.of("maxConcurrentCalls", 2));
        List<String> calls = waitingFor(agent(connection), 3);

        dialer.dialDue(now());

        List<LoggedRequest> creates = creates().stream()
                .filter(r -> calls.stream().anyMatch(r.getBodyAsString()::contains))
                .toList();
        assertThat(creates).as("the connection's limit of 2 calls in progress").hasSize(2);
        List<String> placed =
                calls.stream().filter(c -> queue.dialState(c).equals("placed")).toList();
        assertThat(placed).hasSize(2);
        for (LoggedRequest create : creates) {
            String callId = JSON.readTree(create.getBodyAsString())
                    .at("/metadata/agentcallsCallId")
                    .asString();
            assertThat(placed).contains(callId);
            assertThat(ProviderContracts.retellCreatePhoneCall(create, RETELL_KEY, callId))
                    .isEmpty();
            RETELL.verify(postRequestedFor(urlEqualTo("/v2/create-phone-call"))
                    .withRequestBody(matchingJsonPath("$.metadata.agentcallsCallId", WireMock.equalTo(callId)))
                    .withRequestBody(matchingJsonPath("$.override_agent_id", WireMock.equalTo("agent_retell_1")))
                    .withRequestBody(matchingJsonPath("$.from_number", WireMock.equalTo(FROM)))
                    .withRequestBody(
                            matchingJsonPath("$.retell_llm_dynamic_variables.name", WireMock.equalTo("Asha"))));
        }
        for (String call : placed) {
            assertThat(column(call, "connection_id")).isEqualTo(connection);
            assertThat(column(call, "provider_call_id")).isEqualTo("rc-" + call);
        }

        dialer.dialDue(now());
        assertThat(dialed(calls)).as("no room until a call ends").hasSize(2);

        String cancelled = placed.get(0);
        assertThat(post("/api/v1/calls/" + cancelled + "/cancel", key, null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            cancels.sendDue();
            RETELL.verify(postRequestedFor(urlEqualTo("/v2/stop-call/rc-" + cancelled))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + RETELL_KEY)));
        });
        assertThat(RETELL.findAll(postRequestedFor(urlPathMatching("/v2/stop-call/.*"))))
                .as("only the cancelled call is hung up")
                .hasSize(1);

        dialer.dialDue(now());
        assertThat(dialed(calls))
                .as("the cancelled call's line is free again: the third call is dialed")
                .hasSize(3);
    }

    @Test
    void theConnectionsCallsPerSecondHoldAcrossPasses() {
        String connection = connection(Map.of("maxConcurrentCalls", 10, "callsPerSecond", 1));
        List<String> calls = waitingFor(agent(connection), 3);
        Instant at = now();

        dialer.dialDue(at);
        dialer.dialDue(at.plusMillis(500));
        assertThat(dialed(calls)).as("one call in the first second").hasSize(1);

        dialer.dialDue(at.plusMillis(1_100));
        assertThat(dialed(calls)).as("the next one in the next second").hasSize(2);
    }

    @Test
    void eachKindOfAnswerIsTheCallsOutcome() {
        String agent = agent(connection(Map.of("maxConcurrentCalls", 10)));
        List<String> calls = waitingFor(agent, 3);
        String refused = calls.get(0);
        String later = calls.get(1);
        String unknown = calls.get(2);
        RETELL.stubFor(WireMock.post(urlEqualTo("/v2/create-phone-call"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.agentcallsCallId", WireMock.equalTo(refused)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error_message\":\"to_number is not a valid phone number\"}")));
        var busy = RETELL.stubFor(WireMock.post(urlEqualTo("/v2/create-phone-call"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.agentcallsCallId", WireMock.equalTo(later)))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        RETELL.stubFor(WireMock.post(urlEqualTo("/v2/create-phone-call"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.metadata.agentcallsCallId", WireMock.equalTo(unknown)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Instant at = now();

        dialer.dialDue(at);

        assertThat(column(refused, "status")).as(queue.failureReason(refused)).isEqualTo("failed");
        assertThat(queue.failureReason(refused)).contains("not a valid phone number");
        assertThat(queue.dialState(later))
                .as("backed off, not lost: %s", queue.failureReason(later))
                .isEqualTo("waiting");
        assertThat(column(later, "status")).isEqualTo("initiated");
        assertThat(jdbc.sql("SELECT dial_after > CAST(:at AS timestamptz) + interval '119 seconds' FROM calls"
                                + " WHERE id = :id")
                        .param("at", at.atOffset(java.time.ZoneOffset.UTC))
                        .param("id", later)
                        .query(Boolean.class)
                        .single())
                .as("after Retell's Retry-After")
                .isTrue();
        assertThat(queue.dialState(unknown))
                .as("a reset after sending: it may ring, so it is held")
                .isEqualTo("unknown");

        assertThat(dialed(calls)).as("each dialed once").containsExactlyInAnyOrder(refused, later, unknown);
        dialer.dialDue(at.plusSeconds(60));
        assertThat(dialed(calls))
                .as("nothing dialed again before its time, the unknown never")
                .hasSize(3);
        RETELL.removeStub(busy); // Retell has room again
        dialer.dialDue(at.plusSeconds(121));
        assertThat(dialed(calls)).as("the backed-off call is dialed again").hasSize(4);
        assertThat(queue.dialState(later)).isEqualTo("placed");
    }

    @Test
    void aCallWhoseConnectionIsGoneFailsWithTheReasonInsteadOfGoingElsewhere() {
        String connection = connection(Map.of("maxConcurrentCalls", 10));
        String call = waitingFor(agent(connection), 1).get(0);
        // claimed through the connection, which its provider no longer serves on this node
        jdbc.sql("UPDATE voice_connections SET provider = 'nobody' WHERE id = :id")
                .param("id", connection)
                .update();

        dialer.dialDue(now());

        assertThat(dialed(List.of(call))).isEmpty();
        assertThat(column(call, "status")).isEqualTo("failed");
        assertThat(queue.failureReason(call)).contains(connection).contains("not available");
    }

    private static Instant now() {
        return Instant.now();
    }

    private List<LoggedRequest> creates() {
        return RETELL.findAll(postRequestedFor(urlEqualTo("/v2/create-phone-call")));
    }

    /** The calls of {@code mine} Retell was asked to place, once per request (other tests' calls share the stub). */
    private List<String> dialed(List<String> mine) {
        return creates().stream()
                .map(r -> JSON.readTree(r.getBodyAsString())
                        .at("/metadata/agentcallsCallId")
                        .asString())
                .filter(mine::contains)
                .toList();
    }

    private String connection(Map<String, Object> caps) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(caps);
        body.put("provider", "retell");
        body.put("name", "Retell " + System.nanoTime());
        body.put("apiKey", RETELL_KEY);
        body.put("webhookSecret", RETELL_KEY);
        Response created = post("/api/v1/voice-connections", key, JSON.writeValueAsString(body));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    private String agent(String connection) {
        Response created = post(
                "/api/v1/agents",
                key,
                JSON.writeValueAsString(Map.of(
                        "name", "EMI reminder",
                        "prompt", "Namaste {{name}}",
                        "voiceConnectionId", connection,
                        "providerAgentId", "agent_retell_1")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }

    /** Calls of the agent waiting in the queue, due now, to customers named Asha. */
    private List<String> waitingFor(String agent, int count) {
        List<String> calls = queue.waiting(org, campaign, set, FROM, count);
        jdbc.sql("UPDATE calls SET agent_id = :agent, dial_after = now() - interval '1 minute',"
                        + " expires_at = now() + interval '1 day' WHERE id = ANY(:ids)")
                .param("agent", agent)
                .param("ids", calls.toArray(String[]::new))
                .update();
        return calls;
    }

    private String column(String call, String column) {
        return jdbc.sql("SELECT " + column + " FROM calls WHERE id = :id")
                .param("id", call)
                .query(String.class)
                .single();
    }
}
