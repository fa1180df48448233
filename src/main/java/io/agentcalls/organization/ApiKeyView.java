package io.agentcalls.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/** An API key as listed: never the secret, only its visible prefix. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(
        String id,
        String name,
        String prefix,
        OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt,
        OffsetDateTime revokedAt,
        String key) {

    ApiKeyView withSecret(String secret) {
        return new ApiKeyView(id, name, prefix, createdAt, lastUsedAt, revokedAt, secret);
    }
}
