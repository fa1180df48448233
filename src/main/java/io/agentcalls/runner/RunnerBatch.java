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

    /**
     * @param notBefore the earliest the call may be placed (UTC, ISO-8601): now or its startAt, moved
     *     to the calling window's next opening in the customer's zone; null from a caller that has none
     * @param notAfter the latest: that opening's close or the campaign's expireAfter, whichever is
     *     first; a call not placed by then is reported {@code expired}
     */
    public record Call(
            String callId,
            String customerId,
            String to,
            String from,
            String language,
            Map<String, String> variables,
            String notBefore,
            String notAfter) {}
}
