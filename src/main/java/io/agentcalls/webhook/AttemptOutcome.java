package io.agentcalls.webhook;

import java.time.Duration;

/**
 * What becomes of a delivery after an attempt: its new status, when to try again (null: not
 * automatically), and whether the endpoint must be disabled (it answered 410 Gone).
 */
record AttemptOutcome(String status, Duration retryIn, boolean disableEndpoint) {

    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String EXHAUSTED = "exhausted";

    /**
     * @param schedulePosition attempts made in the current schedule before this one
     * @param jitter a number in [0, 1) spreading retries of endpoints that failed together
     */
    static AttemptOutcome decide(SendResult result, int schedulePosition, RetrySchedule schedule, double jitter) {
        if (result.isSuccess()) {
            return new AttemptOutcome(DELIVERED, null, false);
        }
        if (result.isGone()) {
            return new AttemptOutcome(FAILED, null, true);
        }
        return schedule.delayAfter(schedulePosition + 1, jitter)
                .map(delay -> new AttemptOutcome(FAILED, retryDelay(result, delay), false))
                .orElseGet(() -> new AttemptOutcome(EXHAUSTED, null, false));
    }

    private static Duration retryDelay(SendResult result, Duration scheduled) {
        boolean throttled =
                result.responseCode() != null && (result.responseCode() == 429 || result.responseCode() == 503);
        return throttled ? RetrySchedule.honouringRetryAfter(scheduled, result.retryAfter()) : scheduled;
    }
}
