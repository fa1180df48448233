package io.agentcalls.campaign;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as other features see it. {@code status} is {@code active}, {@code paused},
 * {@code completed}, {@code draft} (the TimePay statuses; only an active campaign is called) or
 * {@code archived} (deleted); {@code retry} is null when retries are off; {@code pausedAt} is set
 * while the campaign is paused.
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
        CampaignDetails details,
        OffsetDateTime pausedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";
    public static final String DRAFT = "draft";
    public static final String ARCHIVED = "archived";

    /** The statuses a client may set; archived is what DELETE makes of a campaign. */
    public static final List<String> SETTABLE_STATUSES = List.of(ACTIVE, PAUSED, COMPLETED, DRAFT);

    public boolean isArchived() {
        return ARCHIVED.equals(status);
    }

    /** Whether calls may be initiated: only an active campaign is called. */
    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The campaign's type; null for a campaign created without one. */
    public CampaignType type() {
        return details.type();
    }
}
