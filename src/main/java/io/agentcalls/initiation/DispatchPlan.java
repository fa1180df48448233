package io.agentcalls.initiation;

import io.agentcalls.runner.RunnerBatch;
import java.util.List;

/** What every batch of one initiation shares when it goes to the runner. */
record DispatchPlan(
        String organizationId,
        String campaignId,
        String initiationId,
        RunnerBatch.Agent agent,
        String dispositionSetId,
        List<String> requiredVariables,
        int batches) {}
