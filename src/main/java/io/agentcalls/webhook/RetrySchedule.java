package io.agentcalls.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed delivery again: the Standard Webhooks example schedule (immediately, then
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h; ten attempts over about 75 h). The scale
 * shrinks every delay alike, so tests can run the whole schedule in seconds.
 */
record RetrySchedule(double scale) {

    /** The delay before attempt n+1 after n failed attempts; the first attempt is immediate. */
    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24));

    /** A Retry-After longer than this is read as this: a receiver cannot park a delivery for ever. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    RetrySchedule {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("backoff scale must be positive");
        }
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failed ones, or empty once the
     * schedule is used up. {@code jitter} in [0, 1) stretches the delay by up to 10 %, so endpoints
     * that failed together are not all retried in the same instant.
     */
    Optional<Duration> delayAfter(int failedAttempts, double jitter) {
        if (failedAttempts < 1 || failedAttempts > DELAYS.size()) {
            return Optional.empty();
        }
        double millis = DELAYS.get(failedAttempts - 1).toMillis() * scale * (1 + 0.1 * jitter);
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(millis))));
    }

    /** A receiver's Retry-After is its word, unscaled: the retry waits for whichever is longer. */
    static Duration honouringRetryAfter(Duration scheduled, Duration retryAfter) {
        if (retryAfter == null) {
            return scheduled;
        }
        Duration capped = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        return capped.compareTo(scheduled) > 0 ? capped : scheduled;
    }
}
