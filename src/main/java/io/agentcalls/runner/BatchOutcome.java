package io.agentcalls.runner;

import java.util.List;

/** The runner's answer to a batch: which calls it accepted and which it rejected, with why. */
public record BatchOutcome(List<String> accepted, List<Rejection> rejected) {

    public BatchOutcome {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public record Rejection(String callId, String reason) {}
}
