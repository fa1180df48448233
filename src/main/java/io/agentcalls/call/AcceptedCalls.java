package io.agentcalls.call;

import java.time.Instant;
import java.util.List;

/**
 * The calls a runner accepted from a batch, and where they wait to be dialed: an external runner
 * holds them itself; the built-in runner's are put into its dial queue, from {@code dialQueueFrom}
 * (or their {@code scheduledFor}, if later), in the same statement that marks them {@code initiated}.
 */
public record AcceptedCalls(List<String> ids, Instant dialQueueFrom) {

    public AcceptedCalls {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }

    /** Accepted by a runner that queues and places the calls itself. */
    public static AcceptedCalls heldByRunner(List<String> ids) {
        return new AcceptedCalls(ids, null);
    }

    /** Accepted into the built-in runner's dial queue, due from {@code from}. */
    public static AcceptedCalls intoDialQueue(List<String> ids, Instant from) {
        return new AcceptedCalls(ids, from);
    }

    public boolean intoDialQueue() {
        return dialQueueFrom != null;
    }
}
