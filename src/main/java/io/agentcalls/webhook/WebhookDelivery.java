package io.agentcalls.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One event's delivery to one endpoint. {@code id} is also the {@code webhook-id} header.
 * {@code status}: pending (not attempted yet), delivered (a 2xx), failed (the last attempt failed;
 * {@code nextAttemptAt} says when the next one is, or null when none is planned) or exhausted
 * (the retry schedule ran out). {@code attemptLog} only when one delivery is fetched.
 */
public record WebhookDelivery(
        String id,
        String eventType,
        String status,
        int attempts,
        Integer lastResponseCode,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Attempt> attemptLog) {

    /** One HTTP attempt: what the endpoint answered (1 KB of body at most) or why it failed. */
    public record Attempt(
            String id,
            OffsetDateTime attemptedAt,
            Integer responseCode,
            String responseBody,
            String error,
            int durationMs) {}

    WebhookDelivery withAttemptLog(List<Attempt> log) {
        return new WebhookDelivery(
                id, eventType, status, attempts, lastResponseCode, lastAttemptAt, nextAttemptAt, createdAt, log);
    }
}
