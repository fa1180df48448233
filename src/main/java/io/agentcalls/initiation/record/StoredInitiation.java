package io.agentcalls.initiation.record;

import java.time.OffsetDateTime;

/**
 * An initiation as stored: {@code request} is the campaign id and body as sent, {@code response} the
 * answer as sent (both JSON text); {@code state} is {@code running} or {@code completed}.
 */
public record StoredInitiation(
        String organizationId,
        String id,
        String campaignId,
        String apiKeyId,
        String idempotencyKey,
        String request,
        String state,
        Integer responseStatus,
        String response,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {

    public boolean isCompleted() {
        return "completed".equals(state);
    }
}
