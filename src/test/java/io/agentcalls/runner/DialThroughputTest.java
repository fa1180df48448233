package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.call.DialClaim;
import io.agentcalls.call.DialLimits;
import io.agentcalls.call.DialQueue;
import io.agentcalls.call.DialSweep;
import io.agentcalls.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dial loop's throughput with a zero-latency provider (the answer is {@code Placed} at once),
 * beside a bare SQL claim loop on the same queue and database, and the cost of the dial-time check per
 * call. Prints the figures; {@code -Ddial.bench.calls=N} sets the queue. Each loop dials a sample of
 * it ({@code -Ddial.bench.sample}, by default half the queue up to 50,000), the service's loop the
 * first calls and the bare loop the next ones, so both run with the queue about as deep as asked
 * (a million queued calls are measured without dialing a million twice). A benchmark, not
 * a check of behaviour (DialPacingTest and DialSafeguardsTest are): it runs only when asked, by
 * {@code bench/dial.sh}, so that {@code mvn verify} stays within its time. Calls the provider placed
 * end between passes, outside the timing, as answered calls do.
 */
@EnabledIfSystemProperty(named = "dial.bench.calls", matches = "[0-9]+")
class DialThroughputTest extends ApiTest {

    private static final int CALLS = Integer.getInteger("dial.bench.calls", 20_000);
    private static final int SAMPLE = Integer.getInteger("dial.bench.sample", Math.min(CALLS / 2, 50_000));
    private static final String BARE_CLAIM = """
            WITH due AS (
                SELECT organization_id, id FROM calls
                WHERE organization_id = :org AND campaign_id = :campaign AND dial_state = 'waiting'
                  AND dial_after <= :now
                ORDER BY dial_after LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            UPDATE calls k SET dial_state = 'dialing', dial_by = 'bare', dial_until = :now
            FROM due WHERE k.organization_id = due.organization_id AND k.id = due.id
            RETURNING k.id
            """;

    @Autowired
    DialQueue dialQueue;

    @Test
    void theDialLoopBesideABareClaimLoop() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        DialQueueFixtures queue = new DialQueueFixtures(jdbc);
        String org = fixtures.organization();
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        fixtures.phoneNumber(org, "+918045559999", 1000);
        jdbc.sql("UPDATE phone_numbers SET max_concurrent_calls = 100000000 WHERE organization_id = :org")
                .param("org", org)
                .update();
        List<String> ids = queue.waiting(org, campaign, set, "+918045559999", CALLS);
        // planner statistics of the queue and its customers, as autovacuum keeps them on a live database
        jdbc.sql("ANALYZE calls, customers").update();
        DialLimits limits = new DialLimits("simulator", 100_000_000, 10, 500, 500, Duration.ofSeconds(30), 3, 7);
        Instant now = DialQueueFixtures.T0;

        // the service's pass: safeguards and pacing in the claim, then each answer recorded
        long loopNanos = 0;
        long checkedNanos = 0;
        int placed = 0;
        int passes = 0;
        while (true) {
            long start = System.nanoTime();
            DialSweep sweep = dialQueue.sweepAndClaim(now, limits, "bench", ++passes);
            long swept = System.nanoTime();
            for (DialClaim claim : sweep.claimed()) {
                dialQueue.recordPlaced(claim.organizationId(), claim.callId(), "zero-" + claim.callId());
            }
            loopNanos += System.nanoTime() - start;
            checkedNanos += swept - start;
            placed += (int) sweep.claimed().stream()
                    .filter(c -> c.organizationId().equals(org))
                    .count();
            if (sweep.claimed().isEmpty() || placed >= SAMPLE) {
                break;
            }
            endPlaced(org);
        }
        assertThat(placed).isGreaterThanOrEqualTo(SAMPLE);
        endPlaced(org);

        // the next calls of the same queue, claimed and recorded by bare SQL
        jdbc.sql("VACUUM ANALYZE calls").update();
        long bareNanos = 0;
        int bare = 0;
        while (true) {
            long start = System.nanoTime();
            List<String> claimed = jdbc.sql(BARE_CLAIM)
                    .param("org", org)
                    .param("campaign", campaign)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("limit", 500)
                    .query(String.class)
                    .list();
            for (String id : claimed) {
                jdbc.sql(
                                "UPDATE calls SET dial_state = 'placed', provider_call_id = :p, dial_by = NULL, dial_until = NULL"
                                        + " WHERE organization_id = :org AND id = :id AND dial_state = 'dialing'")
                        .param("p", "zero-" + id)
                        .param("org", org)
                        .param("id", id)
                        .update();
            }
            bareNanos += System.nanoTime() - start;
            bare += claimed.size();
            if (claimed.isEmpty() || bare >= SAMPLE) {
                break;
            }
            endPlaced(org);
        }
        assertThat(bare).isGreaterThanOrEqualTo(SAMPLE);

        double loopRate = placed / (loopNanos / 1e9);
        double bareRate = bare / (bareNanos / 1e9);
        System.out.printf(
                "DialThroughputTest: %d calls queued, %d and %d dialed; dial loop %.0f calls/s, bare claim loop"
                        + " %.0f calls/s, ratio %.2f; safeguards+pacing+claim statement %.1f us per call (%d passes)%n",
                CALLS, placed, bare, loopRate, bareRate, loopRate / bareRate, checkedNanos / 1e3 / placed, passes);
        assertThat(ids).hasSize(CALLS);
    }

    /** The zero-latency provider's calls end at once: they stop counting against the caps. */
    private void endPlaced(String org) {
        jdbc.sql("UPDATE calls SET status = 'completed', ended_at = now() WHERE organization_id = :org"
                        + " AND dial_state = 'placed' AND active")
                .param("org", org)
                .update();
    }
}
