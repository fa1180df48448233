package io.agentcalls.runner;

import java.util.List;
import java.util.Map;

/** One batch as the runner protocol of API.md sends it to {@code POST {runnerUrl}/batches}. */
public record RunnerBatch(
        String batchId,
        int batch,
        String organizationId,
        String campaignId,
        String initiationId,
        Agent agent,
        String dispositionId,
        List<Call> calls) {

    public record Agent(String id, String language, String voice, String prompt) {}

    public record Call(
            String callId, String customerId, String to, String from, String language, Map<String, String> variables) {}
}
