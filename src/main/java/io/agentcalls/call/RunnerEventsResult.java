package io.agentcalls.call;

import java.util.List;

/**
 * What a batch of runner events did: applied (changed a call), ignored (a repeat or a step the call
 * is already past, nothing to add), rejected (with the event's index in the batch and why).
 */
public record RunnerEventsResult(int applied, int ignored, List<Rejected> rejected) {

    public RunnerEventsResult {
        rejected = List.copyOf(rejected);
    }

    public record Rejected(int index, String callId, String reason) {}
}
