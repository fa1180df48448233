package io.agentcalls.initiation.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.common.LeaseHeartbeat;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calls left queued by a crash are sent again by recovery once their initiation's dispatch lease has
 * run out; an initiation whose lease still runs is left to its holder.
 *
 * <p>Recovery also runs in the background every {@code agentcalls.recovery.interval}: a test arranges
 * its state under a lease that still runs, lets it expire last, and accepts the takeover from either
 * run (see {@link #recovered}).
 */
class QueuedCallRecoveryTest extends ApiTest {

    @Autowired
    QueuedCallRecovery recovery;

    @Autowired
    LeaseHeartbeat heartbeat;

    @Autowired
    NodeIdentity node;

    @Autowired
    MeterRegistry metrics;

    @Test
    void theHeartbeatRenewsThisNodesLeasesAndNoOtherNodes() {
        CallingSetup mine = CallingSetup.create(this);
        mine.upsert(mine.customers("H", 1));
        assertThat(mine.initiate().status()).isEqualTo(200);
        CallingSetup theirs = CallingSetup.create(this);
        theirs.upsert(theirs.customers("T", 1));
        assertThat(theirs.initiate().status()).isEqualTo(200);
        holdLease(mine.campaignId, "'" + node.id() + "'", "now() + interval '1 second'");
        holdLease(theirs.campaignId, "'node-elsewhere'", "now() + interval '1 second'");

        heartbeat.beat();

        assertThat(secondsLeft(mine.campaignId)).isBetween(25.0, 30.0);
        assertThat(secondsLeft(theirs.campaignId)).isLessThanOrEqualTo(1.0);
        holdLease(mine.campaignId, "NULL", "NULL");
        holdLease(theirs.campaignId, "NULL", "NULL");
    }

    @Test
    void aTakeoverIsCountedWithItsCallsAndNamesTheDeadNode() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("D", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);
        requeue(setup.campaignId, "now() + interval '1 hour'");
        double before = takeovers();
        expireLease(setup.campaignId, "now() - interval '3 seconds'");

        recovered(
                setup,
                statuses -> assertThat(statuses)
                        .containsEntry("D-00001", "initiated")
                        .containsEntry("D-00002", "initiated"));

        assertThat(takeovers()).isGreaterThanOrEqualTo(before + 1);
    }

    private double takeovers() {
        var counter = metrics.find("agentcalls.recovery.takeovers")
                .tag("work", "initiation")
                .tag("cause", "expired")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void holdLease(String campaignId, String holder, String until) {
        jdbc.sql("UPDATE initiations SET dispatch_by = " + holder + ", dispatch_until = " + until
                        + " WHERE campaign_id = :c")
                .param("c", campaignId)
                .update();
    }

    private double secondsLeft(String campaignId) {
        return jdbc.sql("SELECT EXTRACT(EPOCH FROM dispatch_until - now()) FROM initiations WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(Double.class)
                .single();
    }

    @Test
    void aFinishedInitiationGivesItsLeaseBack() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("F", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);

        assertThat(lease(setup.campaignId)).isEqualTo("none");
    }

    @Test
    void staleQueuedCallsAreResentAndCallsOfDeletedCustomersFail() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("Q", 3));
        assertThat(setup.initiate().status()).isEqualTo(200);
        // as if the node died after writing the rows and before the runner answered: the calls are
        // queued, and the lease their initiation was written with has run out
        // (held until the customer is deleted, so the scheduled recovery cannot send it first)
        requeue(setup.campaignId, "now() + interval '1 hour'");
        assertThat(delete("/api/v1/campaigns/" + setup.campaignId + "/customers/Q-00003", setup.key)
                        .status())
                .isEqualTo(200);
        expireLease(setup.campaignId, "now() - interval '1 second'");

        recovered(
                setup,
                statuses -> assertThat(statuses)
                        .containsEntry("Q-00001", "initiated")
                        .containsEntry("Q-00002", "initiated")
                        .containsEntry("Q-00003", "failed_to_initiate"));

        assertThat(setup.calls().failureReason("Q-00003")).isEqualTo("Customer no longer exists");
    }

    @Test
    void callsOfAnInitiationStillLeasedAreLeftToIt() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("L", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);
        requeue(setup.campaignId, "now() + interval '1 hour'");

        recovery.recover();

        assertThat(setup.calls().statusByCustomer())
                .containsEntry("L-00001", "queued")
                .containsEntry("L-00002", "queued");
        assertThat(lease(setup.campaignId)).isEqualTo("held");
        jdbc.sql("UPDATE calls SET status = 'cancelled' WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
        jdbc.sql("UPDATE initiations SET dispatch_by = NULL, dispatch_until = NULL WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();
    }

    @Test
    void anExpiredLeaseWithNothingQueuedIsReleased() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("E", 2));
        assertThat(setup.initiate().status()).isEqualTo(200);
        jdbc.sql("UPDATE initiations SET dispatch_by = id, dispatch_until = now() - interval '1 second'"
                        + " WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .update();

        recovered(
                setup,
                statuses -> assertThat(statuses)
                        .containsEntry("E-00001", "initiated")
                        .containsEntry("E-00002", "initiated"));
    }

    private void requeue(String campaignId, String leaseUntil) {
        jdbc.sql("UPDATE calls SET status = 'queued', initiated_at = NULL WHERE campaign_id = :c")
                .param("c", campaignId)
                .update();
        jdbc.sql("UPDATE initiations SET dispatch_by = id, dispatch_until = " + leaseUntil + " WHERE campaign_id = :c")
                .param("c", campaignId)
                .update();
    }

    /**
     * Runs recovery until the calls show the takeover and the lease is given back: this run or the
     * scheduled one may be the one that takes it over, and a takeover in progress elsewhere makes this
     * run find nothing to claim.
     */
    private void recovered(CallingSetup setup, ThrowingConsumer<Map<String, String>> statuses) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            recovery.recover();
            statuses.accept(setup.calls().statusByCustomer());
            assertThat(lease(setup.campaignId)).isEqualTo("none");
        });
    }

    private void expireLease(String campaignId, String until) {
        jdbc.sql("UPDATE initiations SET dispatch_until = " + until + " WHERE campaign_id = :c")
                .param("c", campaignId)
                .update();
    }

    private String lease(String campaignId) {
        return jdbc.sql("SELECT CASE WHEN dispatch_until IS NULL AND dispatch_by IS NULL THEN 'none'"
                        + " WHEN dispatch_until > now() THEN 'held' ELSE 'expired' END FROM initiations"
                        + " WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(String.class)
                .single();
    }
}
