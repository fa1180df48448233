package io.agentcalls.call;

import java.util.List;

/**
 * Calls were cancelled before they were answered; the workflow runner must not place (or must
 * hang up) them. Published in the transaction that cancelled them, at most 1,000 ids per event.
 */
public record CallsCancelled(String organizationId, List<String> callIds) {

    public CallsCancelled {
        callIds = List.copyOf(callIds);
    }
}
