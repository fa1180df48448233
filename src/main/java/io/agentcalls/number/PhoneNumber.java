package io.agentcalls.number;

import java.time.OffsetDateTime;

/** A caller-ID number (E.164) and how many calls may be placed from it at once. */
public record PhoneNumber(
        String id,
        String number,
        boolean active,
        int maxConcurrentCalls,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
