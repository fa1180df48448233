package io.agentcalls.initiation;

import io.agentcalls.runner.BuiltInWorkflowRunner;
import io.agentcalls.runner.SimulatedRunnerSettings;
import io.agentcalls.runner.WorkflowRunner;
import java.time.Duration;

/** Makes the simulated runner misbehave for the length of one block, then restores it. */
final class SimulatedRunnerControl {

    private SimulatedRunnerControl() {}

    static void with(WorkflowRunner runner, double rejectShare, double failShare, double timeoutShare, Runnable block) {
        BuiltInWorkflowRunner simulated = (BuiltInWorkflowRunner) runner;
        SimulatedRunnerSettings before = simulated.settings();
        simulated.configure(new SimulatedRunnerSettings(rejectShare, failShare, timeoutShare, Duration.ZERO));
        try {
            block.run();
        } finally {
            simulated.configure(before);
        }
    }
}
