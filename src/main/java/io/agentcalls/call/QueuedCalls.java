package io.agentcalls.call;

import java.util.List;
import java.util.Map;

/**
 * The {@code queued} calls one initiation writes for a set-based selection of customers.
 *
 * @param fromNumbers the caller numbers, taken in turn by position
 * @param attempts the attempt number of each customer's call by customer id (retries); a customer not
 *     in it makes a first call
 * @param batchSize how many calls, by position, make one runner batch
 * @param startAt the calls wait until then (the built-in runner's scheduledFor); null: at once
 */
public record QueuedCalls(
        String organizationId,
        String campaignId,
        String initiationId,
        String agentId,
        String dispositionSetId,
        List<String> fromNumbers,
        Map<String, Integer> attempts,
        int batchSize,
        java.time.OffsetDateTime startAt) {}
