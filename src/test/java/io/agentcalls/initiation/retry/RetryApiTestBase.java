package io.agentcalls.initiation.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the retry tests: an organization ready to call with a retry policy, and calls ended
 * with SQL as if the runner's events had arrived, moved into the past instead of waiting.
 */
abstract class RetryApiTestBase extends ApiTest {

    @Autowired
    RetryScheduler scheduler;

    /** One call row as the tests look at it. */
    record CallRow(
            String id, String customerId, int attempt, String status, String initiationId, String retryHandledAt) {}

    /** A new organization ready to call, whose campaign retries with this policy (JSON). */
    CallingSetup setupWithRetry(String policy) {
        CallingSetup setup = CallingSetup.create(this);
        patchCampaign(setup, "{\"retry\":" + policy + "}");
        return setup;
    }

    void patchCampaign(CallingSetup setup, String body) {
        Response patched = patch("/api/v1/campaigns/" + setup.campaignId, setup.key, body);
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
    }

    /** Initiates the customers through the API and expects every call to be placed. */
    void initiate(CallingSetup setup) {
        Response response = setup.initiate();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** Ends the customer's active call with this status, {@code minutesAgo} minutes ago. */
    void endCall(CallingSetup setup, String customerId, String status, int minutesAgo) {
        endCall(setup, customerId, status, minutesAgo, null);
    }

    void endCall(CallingSetup setup, String customerId, String status, int minutesAgo, String dispositionCode) {
        int ended = jdbc.sql("""
                        UPDATE calls SET status = :status, ended_at = now() - make_interval(mins => :minutes),
                                         disposition_code = :code
                        WHERE campaign_id = :campaign AND customer_id = :customer
                          AND status IN ('queued', 'initiated', 'ringing', 'in_progress')
                        """)
                .param("status", status)
                .param("minutes", minutesAgo)
                .param("code", dispositionCode)
                .param("campaign", setup.campaignId)
                .param("customer", customerId)
                .update();
        assertThat(ended).as("active calls of " + customerId).isEqualTo(1);
    }

    /** Moves every ended call of the campaign further into the past, as if time had passed. */
    void letTimePass(CallingSetup setup, int minutes) {
        jdbc.sql("UPDATE calls SET ended_at = ended_at - make_interval(mins => :minutes) WHERE campaign_id = :campaign")
                .param("minutes", minutes)
                .param("campaign", setup.campaignId)
                .update();
    }

    /** The customer's calls in the campaign, oldest first. */
    List<CallRow> calls(CallingSetup setup, String customerId) {
        return jdbc.sql("""
                        SELECT id, customer_id, attempt, status, initiation_id, retry_handled_at::text AS handled
                        FROM calls WHERE campaign_id = :campaign AND customer_id = :customer
                        ORDER BY created_at, id
                        """)
                .param("campaign", setup.campaignId)
                .param("customer", customerId)
                .query((rs, row) -> new CallRow(
                        rs.getString("id"),
                        rs.getString("customer_id"),
                        rs.getInt("attempt"),
                        rs.getString("status"),
                        rs.getString("initiation_id"),
                        rs.getString("handled")))
                .list();
    }

    List<Integer> attempts(CallingSetup setup, String customerId) {
        return calls(setup, customerId).stream().map(CallRow::attempt).toList();
    }
}
