package io.agentcalls.runner;

import io.agentcalls.call.AcceptedCalls;
import java.time.Instant;
import java.util.List;

/**
 * The runner's answer to a batch: which calls it accepted and which it rejected, with why. The
 * built-in runner answers with {@code dialQueueFrom}: its accepted calls enter the dial queue, from
 * then, when the dispatch records them initiated (one write of each call, see {@link AcceptedCalls});
 * an external runner holds the calls it accepted itself ({@code null}).
 */
public record BatchOutcome(List<String> accepted, List<Rejection> rejected, Instant dialQueueFrom) {

    public BatchOutcome {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** An external runner's answer. */
    public BatchOutcome(List<String> accepted, List<Rejection> rejected) {
        this(accepted, rejected, null);
    }

    /** These accepted calls (those of the batch), as the call records take them. */
    public AcceptedCalls acceptedCalls(List<String> ids) {
        return new AcceptedCalls(ids, dialQueueFrom);
    }

    /** All the accepted calls, as the call records take them. */
    public AcceptedCalls acceptedCalls() {
        return acceptedCalls(accepted);
    }

    public record Rejection(String callId, String reason) {}
}
