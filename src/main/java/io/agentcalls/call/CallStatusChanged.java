package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A call moved to a new status. Published inside the transaction that changed the call, so the
 * event publication registry records it with the change (the outbox) and listeners such as
 * webhooks get it at least once.
 *
 * @param call the call as {@code GET /api/v1/calls/{id}} shows it at that moment
 */
public record CallStatusChanged(
        String organizationId, String callId, String status, OffsetDateTime occurredAt, Map<String, Object> call) {}
