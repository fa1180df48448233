package io.agentcalls.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 1: every kind of leased work (initiations dispatched and answered, webhook
 * deliveries, retry claims, runner cancels) is held by a node's identity under the one heartbeat: it
 * renews this node's leases and no other node's, a stopping node hands them all back, and a dead
 * node's webhook delivery is taken over within seconds, counted and delivered.
 */
class LeasesForAllWorkTest extends ApiTest {

    private static final String ELSEWHERE = "node-elsewhere";

    @Autowired
    LeaseHeartbeat heartbeat;

    @Autowired
    NodeIdentity node;

    @Autowired
    List<LeasedWork> work;

    @Autowired
    MeterRegistry metrics;

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
    private CallingSetup setup;
    private String org;
    private String endpoint;

    @BeforeEach
    void workHeldByTwoNodes() {
        receiver.start();
        receiver.stubFor(
                WireMock.post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        setup = CallingSetup.create(this);
        setup.upsert(setup.customers("LW", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);
        org = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
        Response created = post(
                "/api/v1/webhooks",
                setup.key,
                json("url", receiver.baseUrl() + "/hook", "events", List.of("initiation.completed")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        endpoint = created.body().at("/data/id").asString();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    @Test
    void theHeartbeatRenewsEveryKindOfWorkThisNodeHoldsAndNoOtherNodes() {
        delivery("msg_lw_mine", node.id(), "now() + interval '1 second'", "now() + interval '1 hour'");
        delivery("msg_lw_theirs", ELSEWHERE, "now() + interval '1 second'", "now() + interval '1 hour'");
        List<String> calls = callIds();
        retryClaim(calls.get(0), node.id());
        retryClaim(calls.get(1), ELSEWHERE);
        cancel("rcn_lw_mine", node.id());
        cancel("rcn_lw_theirs", ELSEWHERE);

        heartbeat.beat();

        assertThat(secondsLeft("webhook_deliveries", "claimed_until", "id = 'msg_lw_mine'"))
                .isBetween(25.0, 30.0);
        assertThat(secondsLeft("webhook_deliveries", "claimed_until", "id = 'msg_lw_theirs'"))
                .isLessThanOrEqualTo(1.0);
        assertThat(secondsLeft("calls", "retry_claimed_until", "id = '" + calls.get(0) + "'"))
                .isBetween(25.0, 30.0);
        assertThat(secondsLeft("calls", "retry_claimed_until", "id = '" + calls.get(1) + "'"))
                .isLessThanOrEqualTo(1.0);
        assertThat(secondsLeft("runner_cancels", "claimed_until", "id = 'rcn_lw_mine'"))
                .isBetween(25.0, 30.0);
        assertThat(secondsLeft("runner_cancels", "claimed_until", "id = 'rcn_lw_theirs'"))
                .isLessThanOrEqualTo(1.0);
        cleanUp(calls);
    }

    @Test
    void aStoppingNodeHandsBackEveryKindOfWorkDueAtOnce() {
        String stopping = "node-stopping";
        delivery("msg_lw_stop", stopping, "now() + interval '20 seconds'", "now() + interval '1 hour'");
        List<String> calls = callIds();
        retryClaim(calls.get(0), stopping);
        cancel("rcn_lw_stop", stopping);
        jdbc.sql("UPDATE initiations SET answer_by = :n, answer_until = now() + interval '20 seconds'"
                        + " WHERE campaign_id = :c")
                .param("n", stopping)
                .param("c", setup.campaignId)
                .update();

        int handedBack = work.stream().mapToInt(w -> w.handBack(stopping)).sum();

        assertThat(handedBack).isEqualTo(4);
        assertThat(secondsLeft("webhook_deliveries", "claimed_until", "id = 'msg_lw_stop'"))
                .isLessThanOrEqualTo(0.0);
        assertThat(secondsLeft("calls", "retry_claimed_until", "id = '" + calls.get(0) + "'"))
                .isLessThanOrEqualTo(0.0);
        assertThat(secondsLeft("runner_cancels", "claimed_until", "id = 'rcn_lw_stop'"))
                .isLessThanOrEqualTo(0.0);
        assertThat(jdbc.sql("SELECT count(*) FROM initiations WHERE answer_by = :n")
                        .param("n", stopping)
                        .query(Long.class)
                        .single())
                .isZero();
        jdbc.sql("UPDATE initiations SET answer_until = NULL WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        cleanUp(calls);
    }

    @Test
    void aDeadNodesWebhookDeliveryIsTakenOverWithinSecondsCountedAndDelivered() {
        double before = takeovers("webhook_delivery", "expired");
        delivery("msg_lw_dead", "node-dead", "now() - interval '1 second'", "now()");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                        .anyMatch(r -> "msg_lw_dead".equals(r.getHeader("webhook-id"))));

        await().atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("SELECT status FROM webhook_deliveries WHERE id = 'msg_lw_dead'")
                        .query(String.class)
                        .single()
                        .equals("delivered"));
        assertThat(takeovers("webhook_delivery", "expired")).isGreaterThanOrEqualTo(before + 1);
    }

    private double takeovers(String work, String cause) {
        var counter = metrics.find("agentcalls.recovery.takeovers")
                .tag("work", work)
                .tag("cause", cause)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void delivery(String id, String holder, String claimedUntil, String nextAttemptAt) {
        jdbc.sql("INSERT INTO webhook_deliveries (organization_id, id, endpoint_id, event_type, payload, status,"
                        + " next_attempt_at, claimed_by, claimed_until, claim_token)"
                        + " VALUES (:o, :id, :e, 'initiation.completed', '{}', 'pending', " + nextAttemptAt + ", :h, "
                        + claimedUntil + ", :h)")
                .param("o", org)
                .param("id", id)
                .param("e", endpoint)
                .param("h", holder)
                .update();
    }

    private List<String> callIds() {
        return jdbc.sql("SELECT id FROM calls WHERE campaign_id = :c ORDER BY id")
                .param("c", setup.campaignId)
                .query(String.class)
                .list();
    }

    private void retryClaim(String callId, String holder) {
        jdbc.sql("UPDATE calls SET retry_claimed_by = :h, retry_claimed_until = now() + interval '1 second'"
                        + " WHERE id = :id")
                .param("h", holder)
                .param("id", callId)
                .update();
    }

    private void cancel(String id, String holder) {
        jdbc.sql("INSERT INTO runner_cancels (organization_id, id, call_ids, reason, next_attempt_at, claimed_by,"
                        + " claimed_until) VALUES (:o, :id, ARRAY['call_none'], 'cancelled', now() + interval '1 hour',"
                        + " :h, now() + interval '1 second')")
                .param("o", org)
                .param("id", id)
                .param("h", holder)
                .update();
    }

    private double secondsLeft(String table, String column, String where) {
        return jdbc.sql("SELECT EXTRACT(EPOCH FROM " + column + " - now()) FROM " + table + " WHERE " + where)
                .query(Double.class)
                .single();
    }

    private void cleanUp(List<String> calls) {
        jdbc.sql("DELETE FROM runner_cancels WHERE organization_id = :o")
                .param("o", org)
                .update();
        jdbc.sql("DELETE FROM webhook_deliveries WHERE organization_id = :o")
                .param("o", org)
                .update();
        jdbc.sql("UPDATE calls SET retry_claimed_by = NULL, retry_claimed_until = NULL WHERE id = ANY(:ids)")
                .param("ids", calls.toArray(String[]::new))
                .update();
    }
}
