package io.agentcalls.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A campaign's automatic retries: a call that ended with one of the {@code on} statuses, or whose
 * outcome is a disposition of the group {@code callBackGroupId} names (the group that means "call
 * again"), is tried again {@code intervalMinutes} after it ended (a call back not before the time its
 * outcome asked for), until {@code maxAttempts} calls (the first one included) were made. Null on a
 * campaign means retries are off; {@code on} may be empty only when a call-back group is named.
 */
public record RetryPolicy(
        List<String> on,
        @JsonInclude(JsonInclude.Include.NON_NULL) String callBackGroupId,
        int maxAttempts,
        int intervalMinutes) {

    /** The call statuses a retry may follow, in the order the API names them. */
    public static final List<String> STATUSES = List.of("no_answer", "busy", "failed", "voicemail");

    public static final int MIN_ATTEMPTS = 2;
    public static final int MAX_ATTEMPTS = 10;
    public static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    public RetryPolicy {
        on = List.copyOf(on);
    }

    /** A policy retrying only on statuses, as before call-back groups existed. */
    public RetryPolicy(List<String> on, int maxAttempts, int intervalMinutes) {
        this(on, null, maxAttempts, intervalMinutes);
    }
}
