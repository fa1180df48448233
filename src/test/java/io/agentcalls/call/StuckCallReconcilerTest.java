package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ModuleTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/** The call module alone: calls the runner went silent on are failed, and say so. */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class StuckCallReconcilerTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StuckCallReconciler reconciler;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void initiatedOrRingingCallsWithNoEventForTwoHoursFail() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String org = fixtures.organization();
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        OffsetDateTime longAgo = OffsetDateTime.now().minusHours(3);
        String initiated = fixtures.call(org, campaign, set, "initiated");
        String ringing = fixtures.call(org, campaign, set, "ringing");
        String talking = fixtures.call(org, campaign, set, "in_progress");
        String recent = fixtures.call(org, campaign, set, "initiated");
        String queued = fixtures.call(org, campaign, set, "queued");
        for (String call : new String[] {initiated, ringing, talking, queued}) {
            fixtures.backdate(call, longAgo);
        }
        fixtures.backdate(recent, OffsetDateTime.now().minusMinutes(119));

        try (PublishedCallEvents published = PublishedCallEvents.capture(context)) {
            reconciler.reconcile();

            assertThat(published.statusChanges(initiated))
                    .extracting(CallStatusChanged::status)
                    .containsExactly("failed");
            assertThat(published.statusChanges(ringing).get(0).call())
                    .containsEntry("status", "failed")
                    .containsEntry("failureReason", "No event from the workflow runner");
        }
        assertThat(fixtures.status(initiated)).isEqualTo("failed");
        assertThat(fixtures.status(ringing)).isEqualTo("failed");
        assertThat(fixtures.status(talking)).isEqualTo("in_progress");
        assertThat(fixtures.status(recent)).isEqualTo("initiated");
        assertThat(fixtures.status(queued)).isEqualTo("queued");
        assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM calls WHERE id = :id")
                        .param("id", initiated)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}
