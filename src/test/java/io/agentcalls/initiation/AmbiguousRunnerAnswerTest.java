package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.runner.RunnerSignature;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: a batch that times out after it was sent may still be placed by the runner. The
 * answer keeps the seed's shape; the service then tells the runner to cancel those calls (durably,
 * again and again until it acknowledges), and until then a new initiation does not call those
 * customers; runner events that show a call was placed after all move it on.
 */
class AmbiguousRunnerAnswerTest extends HttpRunnerApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private CallingSetup setup;

    @BeforeEach
    void freshRunnerAndOrganization() {
        RUNNER.resetAll();
        // answers after the service's 1 s timeout: the batch was sent, its fate unknown
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)));
        setup = CallingSetup.create(this);
    }

    @Test
    void timedOutCallsAreCancelledAndHoldTheirCustomersUntilTheRunnerAcknowledges() {
        setup.upsert(setup.customers("AM", 2));
        RUNNER.stubFor(WireMock.post(urlEqualTo("/cancel"))
                .willReturn(aResponse().withStatus(503).withBody("{\"reason\":\"maintenance\"}")));

        ApiTest.Response first = setup.initiate();

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body().at("/results/errors").toString())
                .isEqualTo("[{\"batch\":1,\"error\":\"Call initiation failed\",\"reason\":\"Workflow runner timeout\","
                        + "\"affectedCustomers\":2}]");
        List<String> callIds = callIds();
        assertThat(callIds).hasSize(2);
        assertThat(runnerCancels(callIds)).containsOnly("pending");
        // the runner is told to cancel exactly those calls, again after it failed to acknowledge
        await().atMost(WAIT).until(() -> cancelsSentFor(callIds) >= 2);

        // meanwhile the customers are held like active calls: nobody calls them a second time
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        ApiTest.Response held = setup.initiate();
        assertThat(held.status()).isEqualTo(400);
        assertThat(held.body().at("/message").asString()).contains("an active call: 2");
        assertThat(RUNNER.findAll(postRequestedFor(urlEqualTo("/batches")))).hasSize(1);

        // the runner acknowledges: the calls stop holding their customers, who can be called again
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/cancel")).willReturn(aResponse().withStatus(200)));
        await().atMost(WAIT).until(() -> runnerCancels(callIds).equals(List.of("acknowledged", "acknowledged")));
        assertThat(outboxRows(setup)).isZero();
        ApiTest.Response again = setup.initiate();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().at("/results/initiated").asInt()).isEqualTo(2);
        assertThat(setup.calls().countByStatus())
                .containsEntry("failed_to_initiate", 2L)
                .containsEntry("initiated", 2L);
    }

    @Test
    void eventsShowingATimedOutCallWasPlacedAfterAllMoveItOn() {
        setup.upsert(setup.customers("LE", 1));
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/cancel")).willReturn(aResponse().withStatus(200)));
        assertThat(setup.initiate().status()).isEqualTo(500);
        String callId = callIds().get(0);
        await().atMost(WAIT).until(() -> runnerCancels(List.of(callId)).equals(List.of("acknowledged")));

        String events = """
                {"events":[
                  {"callId":"%1$s","status":"ringing","at":"%2$s"},
                  {"callId":"%1$s","status":"completed","at":"%3$s","durationSeconds":40}
                ]}""".formatted(callId, OffsetDateTime.now().minusSeconds(50), OffsetDateTime.now());
        ApiTest.Response applied = sendEvents(events);

        assertThat(applied.status()).isEqualTo(200);
        ApiTest.Response call = get("/api/v1/calls/" + callId, setup.key);
        assertThat(call.body().at("/data/status").asString()).isEqualTo("completed");
        assertThat(call.body().at("/data/placedDespiteCancel").asBoolean()).isTrue();
        assertThat(call.body().at("/data/runnerCancel").asString()).isEqualTo("acknowledged");
        assertThat(call.body().at("/data/durationSeconds").asInt()).isEqualTo(40);
    }

    private List<String> callIds() {
        return jdbc.sql("SELECT id FROM calls WHERE campaign_id = :c ORDER BY id")
                .param("c", setup.campaignId)
                .query(String.class)
                .list();
    }

    private List<String> runnerCancels(List<String> callIds) {
        return jdbc.sql("SELECT coalesce(runner_cancel, 'none') FROM calls WHERE id = ANY(:ids) ORDER BY id")
                .param("ids", callIds.toArray(String[]::new))
                .query(String.class)
                .list();
    }

    /** Cancels the runner was sent naming exactly these calls, in any order. */
    private long cancelsSentFor(List<String> callIds) {
        java.util.Set<String> wanted = new java.util.HashSet<>(callIds);
        return RUNNER.findAll(postRequestedFor(urlEqualTo("/cancel"))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(body -> JSON.readTree(body)
                        .path("callIds")
                        .valueStream()
                        .map(n -> n.asString())
                        .collect(java.util.stream.Collectors.toSet()))
                .filter(wanted::equals)
                .count();
    }

    private long outboxRows(CallingSetup setup) {
        return jdbc.sql("SELECT count(*) FROM runner_cancels r JOIN calls k ON k.id = ANY (r.call_ids)"
                        + " WHERE k.campaign_id = :c")
                .param("c", setup.campaignId)
                .query(Long.class)
                .single();
    }

    /** Signed as the runner signs its events, with the shared secret of this context. */
    private ApiTest.Response sendEvents(String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request("/api/v1/runner/events")
                .header("Content-Type", "application/json")
                .header(RunnerSignature.TIMESTAMP_HEADER, timestamp)
                .header(RunnerSignature.SIGNATURE_HEADER, new RunnerSignature(SECRET).sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
