package io.agentcalls.disposition;

import java.time.OffsetDateTime;

/**
 * A disposition as the TimePay Agents API documents it: {@code id, name, description, priority}
 * (0 is the highest, 1000 the lowest) and its times; {@code code} and {@code category} are ours:
 * the identifier a runner reports and the class that stats and retries read.
 */
public record Disposition(
        String id,
        String name,
        String description,
        int priority,
        String code,
        String category,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
