package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A call's outcome was classified with a disposition code (e.g. PTP with its promise data).
 *
 * @param call the call as {@code GET /api/v1/calls/{id}} shows it, disposition included
 */
public record CallDispositionRecorded(
        String organizationId, String callId, OffsetDateTime occurredAt, Map<String, Object> call) {}
