package io.agentcalls.runner;

import java.time.Duration;

/**
 * How the built-in simulated runner misbehaves on purpose, for tests and demos: shares (0 to 1) of
 * calls it rejects, of batches it fails and of batches it lets time out.
 */
public record SimulatedRunnerSettings(
        double rejectCallShare, double failBatchShare, double timeoutBatchShare, Duration acceptDelay) {

    public static final SimulatedRunnerSettings ACCEPT_ALL = new SimulatedRunnerSettings(0, 0, 0, Duration.ZERO);

    public SimulatedRunnerSettings {
        requireShare("rejectCallShare", rejectCallShare);
        requireShare("failBatchShare", failBatchShare);
        requireShare("timeoutBatchShare", timeoutBatchShare);
        acceptDelay = acceptDelay == null ? Duration.ZERO : acceptDelay;
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
