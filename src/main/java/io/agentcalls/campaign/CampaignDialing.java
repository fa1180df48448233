package io.agentcalls.campaign;

import java.time.Duration;

/**
 * How the built-in runner dials a campaign's calls.
 *
 * @param maxConcurrentCalls the campaign's own limit of calls in progress, or null for none (the
 *     caller numbers' and the connection's limits still hold)
 * @param expireAfter a call not dialed this long after it was accepted (or its startAt) expires
 */
record CampaignDialing(Integer maxConcurrentCalls, Duration expireAfter) {

    static final int MAX_CONCURRENT_CALLS = 100_000;
    static final Duration MIN_EXPIRE_AFTER = Duration.ofMinutes(1);
    static final Duration MAX_EXPIRE_AFTER = Duration.ofDays(30);

    /** As the API shows it: the duration in ISO-8601 ({@code PT24H}). */
    record View(Integer maxConcurrentCalls, String expireAfter) {}

    View view() {
        return new View(maxConcurrentCalls, expireAfter.toString());
    }
}
