package io.agentcalls.initiation.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.DueRetries;
import io.agentcalls.call.RetryClaims;
import io.agentcalls.campaign.RetryPolicy;
import io.agentcalls.support.CallingSetup;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A retry passes the same safeguards as a first call; one held back stays due and is made on a
 * later run once the block is gone. Concurrent runs make each retry once.
 */
class RetrySafeguardsApiTest extends RetryApiTestBase {

    @Autowired
    RetryClaims retries;

    private static final String POLICY = "{\"on\":[\"no_answer\"],\"maxAttempts\":3,\"intervalMinutes\":15}";

    @Test
    void aDoNotCallPhoneIsNotRetriedUntilItLeavesTheList() {
        CallingSetup setup = setupWithRetry(POLICY);
        List<Map<String, Object>> customers = setup.customers("D", 1);
        String phone = (String) customers.get(0).get("phone");
        setup.upsert(customers);
        initiate(setup);
        assertThat(post("/api/v1/dnc", setup.key, "{\"phones\":[\"" + phone + "\"]}")
                        .status())
                .isEqualTo(200);
        endCall(setup, "D-00001", "no_answer", 20);

        scheduler.run();
        scheduler.run();

        assertThat(calls(setup, "D-00001"))
                .singleElement()
                .satisfies(call -> assertThat(call.retryHandledAt()).isNull());
        // nothing was created, so no initiation was recorded for the attempts
        assertThat(initiationCount(setup)).isEqualTo(1);

        assertThat(delete("/api/v1/dnc/" + phone, setup.key).status()).isEqualTo(200);
        scheduler.run();

        assertThat(attempts(setup, "D-00001")).containsExactly(1, 2);
        assertThat(initiationCount(setup)).isEqualTo(2);
    }

    @Test
    void theAttemptCapsHoldARetryBackUntilTheyAllowIt() {
        CallingSetup setup = setupWithRetry(POLICY);
        patchCampaign(setup, "{\"maxAttemptsPerDay\":1}");
        setup.upsert(setup.customers("C", 1));
        initiate(setup);
        endCall(setup, "C-00001", "no_answer", 20);

        scheduler.run();
        assertThat(attempts(setup, "C-00001")).containsExactly(1);

        patchCampaign(setup, "{\"maxAttemptsPerDay\":2}");
        scheduler.run();

        assertThat(attempts(setup, "C-00001")).containsExactly(1, 2);
    }

    @Test
    void aRetryOutsideTheCallingWindowWaitsForIt() {
        CallingSetup setup = setupWithRetry(POLICY);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String start = String.format("%02d:00", now.plusHours(2).getHour());
        String end = String.format("%02d:00", now.plusHours(3).getHour());
        setup.upsert(setup.customers("W", 1));
        initiate(setup);
        patchCampaign(
                setup,
                "{\"timezone\":\"UTC\",\"callingWindow\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}");
        endCall(setup, "W-00001", "no_answer", 20);

        scheduler.run();
        assertThat(attempts(setup, "W-00001")).containsExactly(1);

        // the window opens (here: all day)
        patchCampaign(setup, "{\"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"}}");
        scheduler.run();

        assertThat(attempts(setup, "W-00001")).containsExactly(1, 2);
    }

    @Test
    void aPhoneInAnActiveCallIsNotRetriedUntilThatCallEnds() {
        CallingSetup setup = setupWithRetry(POLICY);
        List<Map<String, Object>> customers = setup.customers("P", 2);
        setup.upsert(customers.subList(0, 1));
        initiate(setup);
        endCall(setup, "P-00001", "no_answer", 1);
        // another customer with the same phone is on the line now
        customers.get(1).put("phone", customers.get(0).get("phone"));
        setup.upsert(customers.subList(1, 2));
        assertThat(setup.initiate(Map.of("filters", Map.of("ids", List.of("P-00002"))))
                        .status())
                .isEqualTo(200);
        letTimePass(setup, 20);

        scheduler.run();
        assertThat(attempts(setup, "P-00001")).containsExactly(1);

        endCall(setup, "P-00002", "completed", 1);
        scheduler.run();

        assertThat(attempts(setup, "P-00001")).containsExactly(1, 2);
    }

    @Test
    void concurrentRunsMakeEachRetryOnce() throws Exception {
        CallingSetup setup = setupWithRetry(POLICY);
        setup.upsert(setup.customers("R", 1_100));
        initiate(setup);
        jdbc.sql("UPDATE calls SET status = 'no_answer', ended_at = now() - interval '1 hour' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Long>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(scheduler::run);
        }
        for (Future<Long> run : pool.invokeAll(runs)) {
            run.get();
        }
        pool.shutdown();

        Map<String, Object> retries =
                jdbc.sql("""
                        SELECT count(*) AS calls, count(DISTINCT customer_id) AS customers,
                               count(*) FILTER (WHERE status = 'initiated') AS initiated
                        FROM calls WHERE campaign_id = :c AND attempt = 2
                        """).param("c", setup.campaignId).query().singleRow();
        assertThat(retries)
                .containsEntry("calls", 1_100L)
                .containsEntry("customers", 1_100L)
                .containsEntry("initiated", 1_100L);
        // the claims kept the runs apart: no run even tried a customer another run had retried
        Map<String, Object> initiations =
                jdbc.sql("""
                        SELECT sum((response::jsonb #>> '{results,initiated}')::int) AS initiated,
                               sum((response::jsonb #>> '{results,skipped,activeCall}')::int) AS active_call
                        FROM initiations WHERE campaign_id = :c AND request #>> '{body,retry}' = 'true'
                        """).param("c", setup.campaignId).query().singleRow();
        assertThat(initiations).containsEntry("initiated", 1_100L).containsEntry("active_call", 0L);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c AND attempt = 1"
                                + " AND retry_handled_at IS NULL")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aClaimedCallIsNotClaimedAgainUntilItsClaimEnds() {
        CallingSetup setup = setupWithRetry(POLICY);
        setup.upsert(setup.customers("L", 3));
        initiate(setup);
        jdbc.sql("UPDATE calls SET status = 'no_answer', ended_at = now() - interval '1 hour' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        String organizationId = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
        RetryPolicy policy = new RetryPolicy(List.of("no_answer"), 3, 15);

        var first = claim(organizationId, setup, policy);
        var second = claim(organizationId, setup, policy);

        assertThat(first.claimed()).hasSize(3);
        // a node that comes along meanwhile sees the page but claims nothing of it
        assertThat(second.claimed()).isEmpty();
        assertThat(second.end()).isEqualTo(first.end());

        retries.settleRetries(organizationId, first.claimed(), false);
        assertThat(claim(organizationId, setup, policy).claimed()).hasSize(3);
    }

    private DueRetries claim(String organizationId, CallingSetup setup, RetryPolicy policy) {
        return retries.claimDueRetries(
                        organizationId,
                        setup.campaignId,
                        policy,
                        DueRetries.Cursor.START,
                        "node-test",
                        "5 minutes",
                        500)
                .orElseThrow();
    }

    private long initiationCount(CallingSetup setup) {
        return jdbc.sql("SELECT count(*) FROM initiations WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .query(Long.class)
                .single();
    }
}
