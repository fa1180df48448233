package io.agentcalls.initiation.selection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the one selection statement needs: whose customers, which filters, the campaign's
 * safeguards, how many, which variables must be present, and (unless a dry run) what to write.
 */
public record SelectionQuery(
        String organizationId,
        String campaignId,
        String campaignTimezone,
        String windowStart,
        String windowEnd,
        int maxAttemptsPerDay,
        int maxAttemptsPerWeek,
        FilterSql filter,
        Integer limit,
        List<String> requiredVariables,
        Set<String> customFieldNames,
        CallTemplate calls) {

    /**
     * What the queued call rows carry; null for a dry run, which writes nothing.
     *
     * @param attempts the attempt number of each customer's call by customer id (retries); a customer
     *     not in it gets attempt 1
     */
    public record CallTemplate(
            String initiationId,
            String agentId,
            String dispositionSetId,
            List<String> fromNumbers,
            Map<String, Integer> attempts) {

        public CallTemplate(String initiationId, String agentId, String dispositionSetId, List<String> fromNumbers) {
            this(initiationId, agentId, dispositionSetId, fromNumbers, Map.of());
        }
    }
}
