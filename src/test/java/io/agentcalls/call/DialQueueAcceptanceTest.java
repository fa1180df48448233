package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ModuleTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * Calls the built-in runner accepts enter its dial queue in the statement that marks them
 * initiated: due from the acceptance or their scheduledFor, whichever is later, expiring after the
 * campaign's expireAfter from then. Calls an external runner accepted never enter the queue.
 */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class DialQueueAcceptanceTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-04T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CallService calls;

    private CallFixtures fixtures;
    private String org;
    private String campaign;
    private String set;

    @BeforeEach
    void campaignExpiringAfterTwoHours() {
        fixtures = new CallFixtures(jdbc);
        org = fixtures.organization();
        campaign = fixtures.campaign(org);
        set = fixtures.dispositionSet(org);
        jdbc.sql("UPDATE campaigns SET expire_after_seconds = 7200 WHERE id = :id")
                .param("id", campaign)
                .update();
    }

    @Test
    void acceptedCallsAreInitiatedAndWaitFromTheAcceptanceOrTheirLaterSchedule() {
        String now = fixtures.call(org, campaign, set, "queued");
        String later = fixtures.call(org, campaign, set, "queued");
        String earlier = fixtures.call(org, campaign, set, "queued");
        schedule(later, "2026-12-05T09:30:00Z");
        schedule(earlier, "2026-12-01T09:30:00Z");

        CallService.DispatchOutcome outcome = calls.recordDispatchOutcome(
                org, AcceptedCalls.intoDialQueue(List.of(now, later, earlier), ACCEPTED), List.of(), List.of());

        assertThat(outcome).isEqualTo(new CallService.DispatchOutcome(3, 0));
        assertThat(queueOf(now)).isEqualTo(new Queued("initiated", "waiting", ACCEPTED, hoursAfter(ACCEPTED, 2)));
        Instant scheduled = Instant.parse("2026-12-05T09:30:00Z");
        assertThat(queueOf(later)).isEqualTo(new Queued("initiated", "waiting", scheduled, hoursAfter(scheduled, 2)));
        assertThat(queueOf(earlier)).isEqualTo(new Queued("initiated", "waiting", ACCEPTED, hoursAfter(ACCEPTED, 2)));
    }

    @Test
    void aCallAnOlderNodeAlreadyQueuedKeepsItsDialTimesAndIsInitiated() {
        String call = fixtures.call(org, campaign, set, "queued");
        Instant before = Instant.parse("2026-12-04T08:00:00Z");
        jdbc.sql("UPDATE calls SET dial_state = 'waiting', dial_after = :at, expires_at = :until WHERE id = :id")
                .param("at", before.atOffset(ZoneOffset.UTC))
                .param("until", hoursAfter(before, 1).atOffset(ZoneOffset.UTC))
                .param("id", call)
                .update();

        calls.recordDispatchOutcome(org, AcceptedCalls.intoDialQueue(List.of(call), ACCEPTED), List.of(), List.of());

        assertThat(queueOf(call)).isEqualTo(new Queued("initiated", "waiting", before, hoursAfter(before, 1)));
    }

    @Test
    void aCallNoLongerQueuedIsLeftAsItIsAndAnExternalRunnersCallsNeverEnterTheQueue() {
        String ringing = fixtures.call(org, campaign, set, "ringing");
        String external = fixtures.call(org, campaign, set, "queued");

        CallService.DispatchOutcome intoQueue = calls.recordDispatchOutcome(
                org, AcceptedCalls.intoDialQueue(List.of(ringing), ACCEPTED), List.of(), List.of());
        CallService.DispatchOutcome held = calls.recordDispatchOutcome(org, List.of(external), List.of());

        assertThat(intoQueue.initiated()).isZero();
        assertThat(queueOf(ringing)).isEqualTo(new Queued("ringing", null, null, null));
        assertThat(held.initiated()).isEqualTo(1);
        assertThat(queueOf(external)).isEqualTo(new Queued("initiated", null, null, null));
    }

    @Test
    void anotherOrganizationsCallsAreNotTouched() {
        String theirs = fixtures.call(org, campaign, set, "queued");
        String other = fixtures.organization();

        CallService.DispatchOutcome outcome = calls.recordDispatchOutcome(
                other, AcceptedCalls.intoDialQueue(List.of(theirs), ACCEPTED), List.of(), List.of());

        assertThat(outcome.initiated()).isZero();
        assertThat(queueOf(theirs)).isEqualTo(new Queued("queued", null, null, null));
    }

    private record Queued(String status, String dialState, Instant dialAfter, Instant expiresAt) {}

    private Queued queueOf(String call) {
        Map<String, Object> row = jdbc.sql(
                        "SELECT status, dial_state, dial_after, expires_at FROM calls WHERE id = :id")
                .param("id", call)
                .query()
                .singleRow();
        return new Queued(
                (String) row.get("status"),
                (String) row.get("dial_state"),
                instant(row.get("dial_after")),
                instant(row.get("expires_at")));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private void schedule(String call, String at) {
        jdbc.sql("UPDATE calls SET scheduled_for = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse(at))
                .param("id", call)
                .update();
    }

    private static Instant hoursAfter(Instant from, int hours) {
        return from.plusSeconds(hours * 3600L);
    }
}
