package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 8: a runner that times out, resets the connection, answers 500 and answers slowly,
 * one fault per batch, then recovers. Every call's end state is asserted: the ambiguous ones
 * (timeout, reset) are cancelled and hold their customers until the runner acknowledges; the definite
 * failure (500) can be called again at once; the slow batch is placed; and once the runner is healthy
 * every customer ends with exactly one placed call.
 */
class RunnerFaultsTest extends HttpRunnerApiTest {

    private CallingSetup setup;

    @BeforeEach
    void faultyRunner() {
        RUNNER.resetAll();
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        batch(1, aResponse().withStatus(200).withFixedDelay(2_500));
        batch(2, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        batch(3, aResponse().withStatus(500).withBody("{\"reason\":\"Runner overloaded\"}"));
        batch(
                4,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(600));
        // until it recovers, the runner cannot acknowledge cancels either
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/cancel")).willReturn(aResponse().withStatus(503)));
        setup = CallingSetup.create(this);
        setup.upsert(setup.customers("RF", 2_500));
    }

    @Test
    void everyCallEndsDefinitelyThroughTimeoutsResetsErrorsAndSlownessAndTheRecovery() {
        ApiTest.Response faulty = setup.initiate();

        assertThat(faulty.status()).isEqualTo(207);
        assertThat(faulty.body().at("/results/initiated").asInt()).isEqualTo(1_000);
        assertThat(faulty.body().at("/results/failed").asInt()).isEqualTo(1_500);
        assertThat(faulty.body().at("/results/errors").toString())
                .contains("{\"batch\":1,\"error\":\"Call initiation failed\",\"reason\":\"Workflow runner timeout\","
                        + "\"affectedCustomers\":500}")
                .contains("{\"batch\":2,\"error\":\"Call initiation failed\",\"reason\":"
                        + "\"Workflow runner connection failed\",\"affectedCustomers\":500}")
                .contains("{\"batch\":3,\"error\":\"Call initiation failed\",\"reason\":\"Runner overloaded\","
                        + "\"affectedCustomers\":500}");
        assertThat(endStates())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "1 failed_to_initiate pending Workflow runner timeout", 500L,
                        "2 failed_to_initiate pending Workflow runner connection failed", 500L,
                        "3 failed_to_initiate none Runner overloaded", 500L,
                        "4 initiated none -", 500L,
                        "5 initiated none -", 500L));

        // the runner is back for batches but not yet for cancels: only the definite failures are retried
        RUNNER.resetAll();
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/cancel")).willReturn(aResponse().withStatus(503)));
        ApiTest.Response definite = setup.initiate();
        assertThat(definite.status()).isEqualTo(200);
        assertThat(definite.body().at("/results/initiated").asInt()).isEqualTo(500);
        assertThat(definite.body().at("/results/skipped/activeCall").asInt()).isEqualTo(2_000);

        // it acknowledges the cancels: the ambiguous calls stop holding their customers, who are called
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/cancel")).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("runner_cancel = 'pending'") == 0);
        ApiTest.Response rest = setup.initiate();
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().at("/results/initiated").asInt()).isEqualTo(1_000);

        // every customer ends with exactly one placed call, whatever the runner did on the way
        assertThat(jdbc.sql("SELECT count(DISTINCT customer_id) FROM calls WHERE campaign_id = :c"
                                + " AND status = 'initiated'")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2_500L);
        assertThat(count("status = 'initiated'")).isEqualTo(2_500L);
        assertThat(count("status = 'failed_to_initiate' AND runner_cancel = 'acknowledged'"))
                .isEqualTo(1_000L);
    }

    private void batch(int number, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .withRequestBody(matchingJsonPath("$.batch", equalTo(Integer.toString(number))))
                .willReturn(answer));
    }

    /** The calls by batch, status, runner cancel and failure reason. */
    private Map<String, Long> endStates() {
        Map<String, Long> states = new java.util.HashMap<>();
        jdbc.sql("SELECT batch || ' ' || status || ' ' || coalesce(runner_cancel, 'none') || ' '"
                        + " || coalesce(failure_reason, '-') AS state, count(*) AS n FROM calls WHERE campaign_id = :c"
                        + " GROUP BY 1")
                .param("c", setup.campaignId)
                .query((rs, n) -> states.put(rs.getString("state"), rs.getLong("n")))
                .list();
        return states;
    }

    private long count(String condition) {
        return jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c AND " + condition)
                .param("c", setup.campaignId)
                .query(Long.class)
                .single();
    }
}
