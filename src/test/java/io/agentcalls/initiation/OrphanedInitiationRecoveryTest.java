package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.agentcalls.support.ServiceProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 5: an initiation whose node died before it stored the answer is completed by
 * recovery (status, counts, the initiation.completed webhook) and its Idempotency-Key then replays
 * that answer; one whose node lives is left to it. The kill -9 version is CrashRecoveryProcessTest.
 *
 * <p>Recovery also runs in the background every {@code agentcalls.recovery.interval}, so each test
 * arranges what it needs while the dead node's lease still looks alive, and only then lets it expire;
 * whichever run completes the orphan, the delivery count proves it was completed once.
 */
class OrphanedInitiationRecoveryTest extends ApiTest {

    @Autowired
    OrphanedInitiationRecovery recovery;

    private static final String LEASE_STILL_HELD = "now() + interval '1 hour'";
    private static final String LEASE_EXPIRED = "now() - interval '1 second'";

    private CallingSetup setup;

    @BeforeEach
    void organization() throws Exception {
        setup = CallingSetup.create(this);
        setup.upsert(setup.customers("O", 3));
        // subscribed to the completion event; its deliveries fail (nothing listens), only their rows count
        String url = "http://127.0.0.1:" + ServiceProcess.freePort() + "/hook";
        assertThat(post("/api/v1/webhooks", setup.key, json("url", url, "events", List.of("initiation.completed")))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anInitiationLeftUnansweredByADeadNodeIsCompletedAndItsKeyReplaysTheAnswer() {
        assertThat(initiate("orphan-key").status()).isEqualTo(200);
        orphan(LEASE_STILL_HELD);
        assertThat(initiate("orphan-key").status())
                .as("still running: 409 at once")
                .isEqualTo(409);
        long completionsBefore = completionDeliveries();

        orphan(LEASE_EXPIRED);
        recovered();

        Response replayed = initiate("orphan-key");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().at("/success").asBoolean()).isTrue();
        assertThat(replayed.body().at("/results/customersSelected").asInt()).isEqualTo(3);
        assertThat(replayed.body().at("/results/initiated").asInt()).isEqualTo(3);
        assertThat(replayed.body().at("/results/failed").asInt()).isZero();
        assertThat(replayed.body().at("/results/recovered").asBoolean()).isTrue();
        assertThat(state()).isEqualTo("completed");
        assertThat(answerLease()).isEqualTo("none");
        assertThat(completionsBefore).as("the first request's own completion").isEqualTo(1);
        assertThat(completionDeliveries()).as("and recovery's").isEqualTo(2);
        assertThat(setup.calls().countByStatus()).containsExactly(java.util.Map.entry("initiated", 3L));
    }

    @Test
    void anInitiationCutShortBeforeItWroteAnyCallAnswersTheContracts500() {
        assertThat(initiate("cut-short").status()).isEqualTo(200);
        orphan(LEASE_STILL_HELD);
        jdbc.sql("DELETE FROM calls WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();

        orphan(LEASE_EXPIRED);
        recovered();

        Response replayed = initiate("cut-short");
        assertThat(replayed.status()).isEqualTo(500);
        assertThat(replayed.body().at("/success").asBoolean()).isFalse();
        assertThat(state()).isEqualTo("completed");
    }

    @Test
    void anInitiationWhoseNodeStillRenewsItsLeaseIsLeftToIt() {
        assertThat(initiate("alive").status()).isEqualTo(200);
        orphan(LEASE_STILL_HELD);

        recovery.completeOrphans();

        assertThat(state()).isEqualTo("running");
        assertThat(initiate("alive").status()).isEqualTo(409);
        jdbc.sql("UPDATE initiations SET state = 'completed', answer_by = NULL, answer_until = NULL"
                        + " WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
    }

    /** Completes the orphan here unless the background run already has (or is at it). */
    private void recovered() {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            recovery.completeOrphans();
            return state().equals("completed");
        });
    }

    /** As if the node died after dispatching and before it stored the answer. */
    private void orphan(String answerUntil) {
        jdbc.sql("UPDATE initiations SET state = 'running', response = NULL, response_status = NULL,"
                        + " completed_at = NULL, answer_by = 'node-dead', answer_until = " + answerUntil
                        + " WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
    }

    private Response initiate(String key) {
        String body = "{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\"" + setup.dispositionId + "\"}";
        return send(request("/api/v1/initiate/" + setup.campaignId + "/calls")
                .header("Authorization", "Bearer " + setup.key)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String state() {
        return jdbc.sql("SELECT state FROM initiations WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
    }

    private String answerLease() {
        return jdbc.sql("SELECT CASE WHEN answer_until IS NULL AND answer_by IS NULL THEN 'none' ELSE 'held' END"
                        + " FROM initiations WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
    }

    private long completionDeliveries() {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries d JOIN initiations i"
                        + " ON i.organization_id = d.organization_id AND i.campaign_id = :c"
                        + " WHERE d.event_type = 'initiation.completed'")
                .param("c", setup.campaignId)
                .query(Long.class)
                .single();
    }
}
