package io.agentcalls.initiation.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which unsuccessful calls are retried, when, and how the retry is recorded. */
class RetrySchedulerApiTest extends RetryApiTestBase {

    private static final String EVERY_STATUS =
            "{\"on\":[\"no_answer\",\"busy\",\"failed\",\"voicemail\"],\"maxAttempts\":3,\"intervalMinutes\":60}";

    @Test
    void aNoAnswerCallIsRetriedAsAttemptTwoOnceTheIntervalHasPassed() {
        CallingSetup setup = setupWithRetry(EVERY_STATUS);
        setup.upsert(setup.customers("N", 1));
        initiate(setup);
        endCall(setup, "N-00001", "no_answer", 30);

        scheduler.run();
        assertThat(attempts(setup, "N-00001")).containsExactly(1);

        letTimePass(setup, 31);
        scheduler.run();

        List<CallRow> calls = calls(setup, "N-00001");
        assertThat(calls).extracting(CallRow::attempt).containsExactly(1, 2);
        CallRow original = calls.get(0);
        CallRow retry = calls.get(1);
        assertThat(retry.status()).isEqualTo("initiated");
        assertThat(original.retryHandledAt()).isNotNull();
        Map<String, Object> sameAgent = jdbc.sql(
                        "SELECT agent_id, disposition_set_id, to_phone FROM calls WHERE id IN (:a, :b) GROUP BY 1, 2, 3")
                .param("a", original.id())
                .param("b", retry.id())
                .query()
                .singleRow();
        assertThat(sameAgent)
                .containsEntry("agent_id", setup.agentId)
                .containsEntry("disposition_set_id", setup.dispositionId);

        // recorded as a system initiation: no API key, the retried calls named in its request
        Response initiation = get("/api/v1/initiations/" + retry.initiationId(), setup.key);
        assertThat(initiation.status()).isEqualTo(200);
        JsonNode record = initiation.body().at("/data");
        assertThat(record.at("/apiKeyId").isNull()).isTrue();
        assertThat(record.at("/idempotencyKey").isNull()).isTrue();
        assertThat(record.at("/status").asString()).isEqualTo("completed");
        assertThat(record.at("/responseStatus").asInt()).isEqualTo(200);
        // stored as jsonb, which orders keys its own way: compared as JSON
        assertThat(record.at("/request"))
                .isEqualTo(JSON.readTree("{\"retry\":true,\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\""
                        + setup.dispositionId + "\",\"callIds\":[\"" + original.id() + "\"]}"));
        assertThat(record.at("/response/results/initiated").asInt()).isEqualTo(1);

        // once made, a retry is never made again
        scheduler.run();
        assertThat(attempts(setup, "N-00001")).containsExactly(1, 2);
    }

    @Test
    void busyVoicemailAndFailedAreRetriedWhenThePolicyNamesThem() {
        CallingSetup setup =
                setupWithRetry("{\"on\":[\"busy\",\"voicemail\",\"failed\"],\"maxAttempts\":2,\"intervalMinutes\":5}");
        setup.upsert(setup.customers("S", 4));
        initiate(setup);
        endCall(setup, "S-00001", "busy", 6);
        endCall(setup, "S-00002", "voicemail", 6);
        endCall(setup, "S-00003", "failed", 6);
        endCall(setup, "S-00004", "no_answer", 6);

        scheduler.run();

        assertThat(attempts(setup, "S-00001")).containsExactly(1, 2);
        assertThat(attempts(setup, "S-00002")).containsExactly(1, 2);
        assertThat(attempts(setup, "S-00003")).containsExactly(1, 2);
        assertThat(attempts(setup, "S-00004")).containsExactly(1);
        // one initiation for the three, as they share the agent and disposition set
        assertThat(jdbc.sql("SELECT count(DISTINCT initiation_id) FROM calls WHERE campaign_id = :c AND attempt = 2")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void completedCallsAndPromisesOrRefusalsAreNeverRetried() {
        CallingSetup setup = setupWithRetry(EVERY_STATUS);
        setup.upsert(setup.customers("F", 4));
        initiate(setup);
        endCall(setup, "F-00001", "completed", 120);
        endCall(setup, "F-00002", "no_answer", 120, "PTP");
        endCall(setup, "F-00003", "busy", 120, "RTP");
        endCall(setup, "F-00004", "voicemail", 120);

        scheduler.run();

        assertThat(attempts(setup, "F-00001")).containsExactly(1);
        assertThat(attempts(setup, "F-00002")).containsExactly(1);
        assertThat(attempts(setup, "F-00003")).containsExactly(1);
        assertThat(attempts(setup, "F-00004")).containsExactly(1, 2);
        // the promise and the refusal are settled for good and leave the scan
        assertThat(calls(setup, "F-00002").get(0).retryHandledAt()).isNotNull();
        assertThat(calls(setup, "F-00003").get(0).retryHandledAt()).isNotNull();
    }

    @Test
    void noRetryOnceMaxAttemptsCallsWereMade() {
        CallingSetup setup = setupWithRetry("{\"on\":[\"no_answer\"],\"maxAttempts\":3,\"intervalMinutes\":10}");
        // the attempt caps stay out of the way, so only maxAttempts can stop the retries
        patchCampaign(setup, "{\"maxAttemptsPerDay\":10,\"maxAttemptsPerWeek\":10}");
        setup.upsert(setup.customers("M", 1));
        initiate(setup);

        for (int attempt = 1; attempt <= 3; attempt++) {
            endCall(setup, "M-00001", "no_answer", 11);
            scheduler.run();
        }

        List<CallRow> calls = calls(setup, "M-00001");
        assertThat(calls).extracting(CallRow::attempt).containsExactly(1, 2, 3);
        assertThat(calls).extracting(CallRow::status).containsOnly("no_answer");
        assertThat(calls).extracting(CallRow::retryHandledAt).doesNotContainNull();
        letTimePass(setup, 10_000);
        scheduler.run();
        assertThat(attempts(setup, "M-00001")).containsExactly(1, 2, 3);
    }

    @Test
    void callsOfADeletedAgentOrCustomerCanNeverBeRetriedAndAreSettled() {
        CallingSetup setup = setupWithRetry(EVERY_STATUS);
        setup.upsert(setup.customers("G", 2));
        initiate(setup);
        assertThat(delete("/api/v1/campaigns/" + setup.campaignId + "/customers/G-00002", setup.key)
                        .status())
                .isEqualTo(200);
        endCall(setup, "G-00001", "no_answer", 120);
        endCall(setup, "G-00002", "no_answer", 120);
        assertThat(delete("/api/v1/agents/" + setup.agentId, setup.key).status())
                .isEqualTo(200);

        scheduler.run();

        assertThat(calls(setup, "G-00001"))
                .singleElement()
                .satisfies(call -> assertThat(call.retryHandledAt()).isNotNull());
        assertThat(calls(setup, "G-00002"))
                .singleElement()
                .satisfies(call -> assertThat(call.retryHandledAt()).isNotNull());
        assertThat(jdbc.sql("SELECT count(*) FROM initiations WHERE campaign_id = :c")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCampaignWithoutAPolicyOrAnArchivedOneIsNeverRetried() {
        CallingSetup off = CallingSetup.create(this);
        off.upsert(off.customers("O", 1));
        initiate(off);
        endCall(off, "O-00001", "no_answer", 600);
        CallingSetup archived = setupWithRetry(EVERY_STATUS);
        archived.upsert(archived.customers("A", 1));
        initiate(archived);
        endCall(archived, "A-00001", "no_answer", 600);
        assertThat(delete("/api/v1/campaigns/" + archived.campaignId, archived.key)
                        .status())
                .isEqualTo(200);

        scheduler.run();

        assertThat(attempts(off, "O-00001")).containsExactly(1);
        assertThat(attempts(archived, "A-00001")).containsExactly(1);
    }

    @Test
    void anotherOrganizationsCampaignIsNeverTouched() {
        CallingSetup a = setupWithRetry(EVERY_STATUS);
        CallingSetup b = setupWithRetry(EVERY_STATUS);
        a.upsert(a.customers("X", 1));
        b.upsert(b.customers("X", 1));
        initiate(a);
        initiate(b);
        endCall(a, "X-00001", "no_answer", 120);
        // the same customer id in B, whose call ended too recently to be retried
        endCall(b, "X-00001", "no_answer", 10);

        scheduler.run();

        assertThat(attempts(a, "X-00001")).containsExactly(1, 2);
        assertThat(calls(b, "X-00001")).singleElement().satisfies(call -> {
            assertThat(call.attempt()).isEqualTo(1);
            assertThat(call.retryHandledAt()).isNull();
        });
        assertThat(jdbc.sql("SELECT retry_claimed_until FROM calls WHERE campaign_id = :c")
                        .param("c", b.campaignId)
                        .query(String.class)
                        .list())
                .containsOnlyNulls();
        String retryInitiation = calls(a, "X-00001").get(1).initiationId();
        assertThat(get("/api/v1/initiations/" + retryInitiation, b.key).status())
                .isEqualTo(404);
        assertThat(get("/api/v1/campaigns/" + b.campaignId + "/initiations", b.key)
                        .body()
                        .at("/data")
                        .size())
                .isEqualTo(1);
    }
}
