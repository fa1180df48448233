package io.agentcalls.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/**
 * A campaign as other features and the API see it; status is {@code active} or {@code archived},
 * {@code retry} is null when retries are off.
 */
public record Campaign(
        String id,
        String name,
        String timezone,
        CallingWindow callingWindow,
        int maxAttemptsPerDay,
        int maxAttemptsPerWeek,
        RetryPolicy retry,
        String status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ACTIVE = "active";
    public static final String ARCHIVED = "archived";

    @JsonIgnore
    public boolean isArchived() {
        return ARCHIVED.equals(status);
    }
}
