package io.agentcalls.call;

import java.util.List;

/**
 * Calls were cancelled before they were answered, or failed to initiate on an ambiguous runner answer
 * (timeout, reset); the workflow runner must not place (or must hang up) them. Published in the
 * transaction that changed them, at most 1,000 ids per event, so a listener can write the runner's
 * cancel to its outbox in that same transaction.
 *
 * @param reason {@link #CANCELLED} or {@link #AMBIGUOUS_ANSWER}
 */
public record CallsCancelled(String organizationId, List<String> callIds, String reason) {

    public static final String CANCELLED = "cancelled";
    public static final String AMBIGUOUS_ANSWER = "ambiguous_answer";

    public CallsCancelled {
        callIds = List.copyOf(callIds);
    }
}
