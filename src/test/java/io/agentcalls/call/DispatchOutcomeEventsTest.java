package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ModuleTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/** The call module alone: what recording the runner's answer writes and publishes. */
@ModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class DispatchOutcomeEventsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CallService calls;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void recordingTheRunnersAnswerPublishesOneStatusChangePerChangedCall() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String org = fixtures.organization();
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        String accepted = fixtures.call(org, campaign, set, "queued");
        String refused = fixtures.call(org, campaign, set, "queued");
        String alreadyRinging = fixtures.call(org, campaign, set, "ringing");

        try (PublishedCallEvents published = PublishedCallEvents.capture(context)) {
            CallService.DispatchOutcome outcome = calls.recordDispatchOutcome(
                    org,
                    List.of(accepted, alreadyRinging),
                    List.of(new CallService.FailedCall(refused, "Simulated rejection")));

            assertThat(outcome).isEqualTo(new CallService.DispatchOutcome(1, 1));
            assertThat(published.of(CallStatusChanged.class)).hasSize(2);
            CallStatusChanged initiated = published.statusChanges(accepted).get(0);
            assertThat(initiated.status()).isEqualTo("initiated");
            assertThat(initiated.organizationId()).isEqualTo(org);
            assertThat(initiated.call())
                    .containsEntry("id", accepted)
                    .containsEntry("status", "initiated")
                    .containsEntry("campaignId", campaign);
            assertThat(initiated.call().get("initiatedAt")).isNotNull();
            assertThat(published.statusChanges(refused).get(0).call())
                    .containsEntry("status", "failed_to_initiate")
                    .containsEntry("failureReason", "Simulated rejection");
        }
    }
}
