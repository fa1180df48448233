package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptOutcomeTest {

    private final RetrySchedule schedule = new RetrySchedule(1.0);

    @Test
    void a2xxIsDelivered() {
        AttemptOutcome outcome = AttemptOutcome.decide(SendResult.response(204, "", null, 5), 3, schedule, 0);
        assertThat(outcome).isEqualTo(new AttemptOutcome("delivered", null, false));
    }

    @Test
    void failuresAreRetriedOnTheSchedule() {
        assertThat(AttemptOutcome.decide(SendResult.response(500, "oops", null, 5), 0, schedule, 0))
                .isEqualTo(new AttemptOutcome("failed", Duration.ofSeconds(5), false));
        assertThat(AttemptOutcome.decide(SendResult.failure(FailureCategory.CONNECTION_REFUSED, 5), 1, schedule, 0))
                .isEqualTo(new AttemptOutcome("failed", Duration.ofMinutes(5), false));
        assertThat(AttemptOutcome.decide(SendResult.response(302, "", null, 5), 0, schedule, 0)
                        .status())
                .isEqualTo("failed");
    }

    @Test
    void theLastScheduledFailureExhaustsTheDelivery() {
        assertThat(AttemptOutcome.decide(SendResult.response(500, "", null, 5), 9, schedule, 0))
                .isEqualTo(new AttemptOutcome("exhausted", null, false));
    }

    @Test
    void goneDisablesTheEndpointAndPlansNoRetry() {
        assertThat(AttemptOutcome.decide(SendResult.response(410, "", null, 5), 0, schedule, 0))
                .isEqualTo(new AttemptOutcome("failed", null, true));
    }

    @Test
    void retryAfterCountsOnlyOn429And503() {
        Duration later = Duration.ofMinutes(10);
        assertThat(AttemptOutcome.decide(SendResult.response(429, "", later, 5), 0, schedule, 0)
                        .retryIn())
                .isEqualTo(later);
        assertThat(AttemptOutcome.decide(SendResult.response(503, "", later, 5), 0, schedule, 0)
                        .retryIn())
                .isEqualTo(later);
        assertThat(AttemptOutcome.decide(SendResult.response(500, "", later, 5), 0, schedule, 0)
                        .retryIn())
                .isEqualTo(Duration.ofSeconds(5));
    }
}
