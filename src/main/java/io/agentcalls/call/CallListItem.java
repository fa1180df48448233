package io.agentcalls.call;

import java.time.OffsetDateTime;

/** One call as the console lists and exports it: the call, its customer's name and its outcome's label. */
public record CallListItem(
        String id,
        OffsetDateTime queuedAt,
        String campaignId,
        String customerId,
        String customerName,
        String toPhone,
        CallStatus status,
        int attempt,
        Integer durationSeconds,
        String disposition,
        OffsetDateTime endedAt) {}
