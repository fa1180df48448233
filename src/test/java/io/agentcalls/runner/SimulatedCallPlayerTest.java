package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.call.CallFixtures;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.CallStatusChanged;
import io.agentcalls.call.PublishedCallEvents;
import io.agentcalls.common.Ids;
import io.agentcalls.support.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The built-in runner (the test profile's default) queues accepted calls; the dialer places them
 * through the simulator, which plays them to an outcome, fast.
 */
class SimulatedCallPlayerTest extends ApiTest {

    private static final String NUMBER = "+918045550177";

    @Autowired
    WorkflowRunner runner;

    @Autowired
    CallService calls;

    /** The test profile never ticks the player on its own; the tests here drive it. */
    @Autowired
    SimulatedCallPlayer player;

    /** Test profile: the dialer runs only when a test drives it, like the player. */
    @Autowired
    Dialer dialer;

    @Autowired
    ConfigurableApplicationContext context;

    CallFixtures fixtures;
    String key;
    String org;
    String campaign;
    String set;

    @BeforeEach
    void organization() {
        fixtures = new CallFixtures(jdbc);
        key = newOrganization();
        org = CallFixtures.organizationOf(key);
        campaign = fixtures.campaign(org);
        set = fixtures.dispositionSet(org);
        fixtures.callingAllDay(org, campaign);
    }

    @Test
    void acceptedCallsPlayToAnOutcomeNeverExceedingTheNumbersLines() {
        fixtures.phoneNumber(org, NUMBER, 2);
        List<String> ids = queuedCalls(8);

        try (PublishedCallEvents published = PublishedCallEvents.capture(context)) {
            dispatch(ids);
            assertThat(stepsOf(ids)).as("accepted calls wait in the dial queue").isZero();
            dialer.dialDue(Instant.now());
            assertThat(stepsOf(ids))
                    .as("the dialer places no more calls than the number has lines")
                    .isEqualTo(2);

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                dialer.dialDue(Instant.now());
                player.playDue();
                return ids.stream().allMatch(this::isFinal);
            });

            assertThat(maxConcurrent(published.of(CallStatusChanged.class), ids))
                    .isBetween(1, 2);
        }
        assertThat(stepsOf(ids)).isZero();
        for (String id : ids) {
            Map<String, Object> call = calls.getCall(org, id);
            assertThat(call.get("status")).isIn("completed", "no_answer", "busy", "voicemail", "failed");
            assertThat(call.get("initiatedAt")).isNotNull();
            assertThat(call.get("ringingAt")).isNotNull();
            assertThat(call.get("endedAt")).isNotNull();
            if ("completed".equals(call.get("status"))) {
                assertThat(call.get("inProgressAt")).isNotNull();
                assertThat((Integer) call.get("durationSeconds")).isBetween(30, 240);
                assertThat(call.get("recordingUrl")).asString().endsWith(id + ".wav");
                assertThat(call.get("transcript")).asString().startsWith("Agent:");
                @SuppressWarnings("unchecked")
                Map<String, Object> disposition = (Map<String, Object>) call.get("disposition");
                assertThat(disposition.get("code")).isIn("PTP", "RTP", "CALLBACK", "WRONG_NUMBER");
            }
        }
    }

    @Test
    void cancelledCallsStopPlaying() {
        fixtures.phoneNumber(org, NUMBER, 1);
        String initiation = fixtures.initiation(org, campaign);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fixtures.customer(org, campaign, "LOAN-" + i, "pending", new BigDecimal("4500"));
            ids.add(fixtures.call(org, campaign, set, "queued", "LOAN-" + i, initiation, NUMBER));
        }
        dispatch(ids);
        dialer.dialDue(Instant.now());
        assertThat(stepsOf(ids)).as("one line: one call placed").isEqualTo(1);

        Response cancelled = post("/api/v1/initiations/" + initiation + "/cancel", key, null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().at("/data/cancelled").asLong()).isEqualTo(4);
        assertThat(stepsOf(ids)).isZero();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> {
            player.playDue();
            return ids.stream().allMatch(id -> "cancelled".equals(fixtures.status(id)));
        });
    }

    private List<String> queuedCalls(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fixtures.customer(org, campaign, "LOAN-" + i, i % 2 == 0 ? "bounced" : "pending", new BigDecimal("4500"));
            ids.add(fixtures.call(org, campaign, set, "queued", "LOAN-" + i, null, NUMBER));
        }
        return ids;
    }

    /** What the initiation feature does: submit a batch, record the runner's answer. */
    private void dispatch(List<String> ids) {
        List<RunnerBatch.Call> batchCalls = ids.stream()
                .map(id -> new RunnerBatch.Call(id, "LOAN", "+919800000000", NUMBER, "hindi", Map.of(), null, null))
                .toList();
        BatchOutcome outcome = runner.submit(new RunnerBatch(
                Ids.newId("bat"),
                1,
                org,
                campaign,
                null,
                new RunnerBatch.Agent("agt_1", "hindi", "female-1", "Namaste"),
                set,
                batchCalls));
        assertThat(outcome.accepted()).containsExactlyElementsOf(ids);
        calls.recordDispatchOutcome(org, outcome.acceptedCalls(), List.of(), List.of());
    }

    private boolean isFinal(String id) {
        return CallStatus.parse(fixtures.status(id)).orElseThrow().isFinal();
    }

    private long stepsOf(List<String> ids) {
        return jdbc.sql(
                        "SELECT count(*) FROM simulated_call_steps WHERE organization_id = :org AND call_id = ANY(:ids)")
                .param("org", org)
                .param("ids", ids.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    /** Calls on the line at once, replaying the published changes in order: ringing starts one, an outcome ends it. */
    private static int maxConcurrent(List<CallStatusChanged> changes, List<String> ids) {
        Set<String> onLine = new HashSet<>();
        int max = 0;
        for (CallStatusChanged change : changes) {
            if (!ids.contains(change.callId())) {
                continue;
            }
            if (change.status().equals("ringing")) {
                onLine.add(change.callId());
            } else if (CallStatus.parse(change.status()).orElseThrow().isFinal()) {
                onLine.remove(change.callId());
            }
            max = Math.max(max, onLine.size());
        }
        return max;
    }
}
