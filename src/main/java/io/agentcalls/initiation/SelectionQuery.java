package io.agentcalls.initiation;

import java.util.List;
import java.util.Set;

/**
 * Everything the one selection statement needs: whose customers, which filters, the campaign's
 * safeguards, how many, which variables must be present, and (unless a dry run) what to write.
 */
record SelectionQuery(
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

    /** What the queued call rows carry; null for a dry run, which writes nothing. */
    record CallTemplate(String initiationId, String agentId, String dispositionSetId, List<String> fromNumbers) {}
}
