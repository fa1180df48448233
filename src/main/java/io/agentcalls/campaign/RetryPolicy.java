package io.agentcalls.campaign;

import java.util.List;

/**
 * A campaign's automatic retries: a call that ended with one of the {@code on} statuses is tried
 * again {@code intervalMinutes} after it ended, until {@code maxAttempts} calls (the first one
 * included) were made. Null on a campaign means retries are off.
 */
public record RetryPolicy(List<String> on, int maxAttempts, int intervalMinutes) {

    /** The call statuses a retry may follow, in the order the API names them. */
    public static final List<String> STATUSES = List.of("no_answer", "busy", "failed", "voicemail");

    public static final int MIN_ATTEMPTS = 2;
    public static final int MAX_ATTEMPTS = 10;
    public static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    public RetryPolicy {
        on = List.copyOf(on);
    }
}
