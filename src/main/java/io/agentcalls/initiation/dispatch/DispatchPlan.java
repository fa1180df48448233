package io.agentcalls.initiation.dispatch;

import io.agentcalls.initiation.selection.CustomerField;
import io.agentcalls.runner.RunnerBatch;
import java.util.List;

/**
 * What every batch of one initiation shares when it goes to the runner.
 *
 * @param calls how many calls the initiation wrote; -1 when not known (recovery)
 */
public record DispatchPlan(
        String organizationId,
        String campaignId,
        String initiationId,
        RunnerBatch.Agent agent,
        String dispositionSetId,
        List<String> requiredVariables,
        int batches,
        long calls) {

    /** Whether any of the agent's variables is a custom field rather than a standard one. */
    boolean needsCustomFields() {
        return requiredVariables.stream()
                .anyMatch(name -> CustomerField.standard(name).isEmpty());
    }
}
