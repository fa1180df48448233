package io.agentcalls.number;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A caller-ID number (E.164) and how many calls may be placed from it at once. {@code providerNumberId}
 * is the voice provider's id for it, for providers that dial from their own number records (Vapi's
 * {@code phoneNumberId}); left out of the JSON until set.
 */
public record PhoneNumber(
        String id,
        String number,
        boolean active,
        int maxConcurrentCalls,
        @JsonInclude(JsonInclude.Include.NON_NULL) String providerNumberId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
