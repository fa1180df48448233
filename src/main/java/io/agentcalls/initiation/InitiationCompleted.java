package io.agentcalls.initiation;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An initiation finished dispatching its calls (not a dry run).
 *
 * @param initiation the record as {@code GET /api/v1/initiations/{id}} shows it
 */
public record InitiationCompleted(
        String organizationId, String initiationId, OffsetDateTime occurredAt, Map<String, Object> initiation) {}
