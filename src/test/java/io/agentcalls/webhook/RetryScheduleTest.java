package io.agentcalls.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(1.0);

    @Test
    void followsTheStandardWebhooksScheduleAfterAnImmediateFirstAttempt() {
        assertThat(schedule.delayAfter(1, 0)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(2, 0)).contains(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(3, 0)).contains(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(4, 0)).contains(Duration.ofHours(2));
        assertThat(schedule.delayAfter(5, 0)).contains(Duration.ofHours(5));
        assertThat(schedule.delayAfter(6, 0)).contains(Duration.ofHours(10));
        assertThat(schedule.delayAfter(9, 0)).contains(Duration.ofHours(24));
    }

    @Test
    void stopsAfterTenAttemptsSpanningMoreThan24Hours() {
        Duration total = Duration.ZERO;
        int failed = 1;
        for (Optional<Duration> delay = schedule.delayAfter(failed, 0);
                delay.isPresent();
                delay = schedule.delayAfter(++failed, 0)) {
            total = total.plus(delay.get());
        }
        assertThat(failed).isEqualTo(RetrySchedule.MAX_ATTEMPTS).isEqualTo(10);
        assertThat(total).isEqualTo(Duration.ofHours(75).plusMinutes(35).plusSeconds(5));
        assertThat(total).isGreaterThan(Duration.ofHours(24));
        assertThat(schedule.delayAfter(0, 0)).isEmpty();
    }

    @Test
    void jitterStretchesADelayByAtMostTenPercent() {
        assertThat(schedule.delayAfter(2, 0.999).orElseThrow())
                .isGreaterThan(Duration.ofMinutes(5))
                .isLessThan(Duration.ofSeconds(330));
    }

    @Test
    void scaleShrinksEveryDelayAlike() {
        RetrySchedule fast = new RetrySchedule(0.001);
        assertThat(fast.delayAfter(1, 0)).contains(Duration.ofMillis(5));
        assertThat(fast.delayAfter(2, 0)).contains(Duration.ofMillis(300));
        assertThatThrownBy(() -> new RetrySchedule(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtADay() {
        Duration scheduled = Duration.ofSeconds(5);
        assertThat(RetrySchedule.honouringRetryAfter(scheduled, Duration.ofSeconds(120)))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(RetrySchedule.honouringRetryAfter(scheduled, Duration.ofSeconds(1)))
                .isEqualTo(scheduled);
        assertThat(RetrySchedule.honouringRetryAfter(scheduled, null)).isEqualTo(scheduled);
        assertThat(RetrySchedule.honouringRetryAfter(scheduled, Duration.ofDays(30)))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 3 ", now)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:01:00 GMT", now)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999999", now)).contains(RetrySchedule.MAX_RETRY_AFTER);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
