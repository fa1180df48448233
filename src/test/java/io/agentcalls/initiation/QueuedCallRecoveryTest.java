package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Calls left queued by a crash are sent again by recovery; fresh or leased ones are left alone. */
class QueuedCallRecoveryTest extends ApiTest {

    @Autowired
    QueuedCallRecovery recovery;

    @Test
    void staleQueuedCallsAreResentAndCallsOfDeletedCustomersFail() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("Q", 3));
        assertThat(setup.initiate().status()).isEqualTo(200);
        // as if the node died after writing the rows and before the runner answered
        jdbc.sql("UPDATE calls SET status = 'queued', initiated_at = NULL, claimed_until = NULL,"
                        + " queued_at = now() - interval '1 hour' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        assertThat(delete("/api/v1/campaigns/" + setup.campaignId + "/customers/Q-00003", setup.key)
                        .status())
                .isEqualTo(200);

        recovery.recover();

        assertThat(statusesByCustomer(setup.campaignId))
                .containsEntry("Q-00001", "initiated")
                .containsEntry("Q-00002", "initiated")
                .containsEntry("Q-00003", "failed_to_initiate");
    }

    @Test
    void freshAndLeasedQueuedCallsAreLeftToTheirInitiation() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("L", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);
        jdbc.sql(
                        "UPDATE calls SET status = 'queued', claimed_until = NULL, queued_at = now() WHERE customer_id = 'L-00001'"
                                + " AND campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        jdbc.sql("UPDATE calls SET status = 'queued', claimed_until = now() + interval '1 hour',"
                        + " queued_at = now() - interval '1 hour' WHERE customer_id = 'L-00002' AND campaign_id = :c")
                .param("c", setup.campaignId)
                .update();

        recovery.recover();

        assertThat(statusesByCustomer(setup.campaignId))
                .containsEntry("L-00001", "queued")
                .containsEntry("L-00002", "queued");
        jdbc.sql("UPDATE calls SET status = 'cancelled' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
    }

    private Map<String, String> statusesByCustomer(String campaignId) {
        var statuses = new java.util.TreeMap<String, String>();
        jdbc.sql("SELECT customer_id, status FROM calls WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        return statuses;
    }
}
