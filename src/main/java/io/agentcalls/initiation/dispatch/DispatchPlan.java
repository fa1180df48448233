package io.agentcalls.initiation.dispatch;

import io.agentcalls.agent.Agent;
import io.agentcalls.customer.StandardField;
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

    /** An initiation's whole dispatch: every batch it wrote, and how many calls. */
    public static DispatchPlan forInitiation(
            String organizationId,
            String campaignId,
            String initiationId,
            Agent agent,
            String dispositionSetId,
            int batches,
            long calls) {
        return new DispatchPlan(
                organizationId,
                campaignId,
                initiationId,
                runnerAgent(agent),
                dispositionSetId,
                agent.requiredVariables(),
                batches,
                calls);
    }

    /** One batch of an initiation recovery took over; how many calls the initiation wrote is not known. */
    static DispatchPlan forRecovery(
            DispatchLeaseRepository.StaleInitiation initiation, Agent agent, String dispositionSetId, int batch) {
        return new DispatchPlan(
                initiation.organizationId(),
                initiation.campaignId(),
                initiation.initiationId(),
                runnerAgent(agent),
                dispositionSetId,
                agent.requiredVariables(),
                batch,
                -1);
    }

    private static RunnerBatch.Agent runnerAgent(Agent agent) {
        return new RunnerBatch.Agent(agent.id(), agent.language(), agent.voice(), agent.prompt());
    }

    /** Whether any of the agent's variables is a custom field rather than a standard one. */
    boolean needsCustomFields() {
        return requiredVariables.stream()
                .anyMatch(name -> StandardField.named(name).isEmpty());
    }
}
