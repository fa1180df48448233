package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Filters of {@code GET /api/v1/calls}; null (or an empty list) means no filter.
 *
 * @param since calls created at or after this time
 */
public record CallFilter(
        String campaignId, List<CallStatus> statuses, String customerId, String initiationId, OffsetDateTime since) {

    public CallFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static final CallFilter NONE = new CallFilter(null, List.of(), null, null, null);
}
