package io.agentcalls.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A webhook endpoint as the API shows it. {@code format} is {@code standard} (Standard Webhooks) or
 * {@code timepay} (the TimePay Agents API's guide). {@code secret} is present only in the responses
 * that create it or rotate it, and never again.
 */
public record Webhook(
        String id,
        String url,
        String format,
        List<String> events,
        boolean active,
        String disabledReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    Webhook withSecret(String newSecret) {
        return new Webhook(id, url, format, events, active, disabledReason, createdAt, updatedAt, newSecret);
    }
}
