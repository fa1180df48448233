package io.agentcalls.call;

import java.util.List;

/** What the dial queue holds now, for metrics: waiting calls by campaign, calls in progress by line. */
public record DialQueueState(List<Waiting> waiting, List<InFlight> inFlight) {

    /** @param scheduled of the waiting calls, those deferred to a later time */
    public record Waiting(String organizationId, String campaignId, long calls, long scheduled) {}

    public record InFlight(String organizationId, String connectionId, String fromNumber, long calls) {}
}
