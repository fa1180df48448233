package io.agentcalls.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's editable settings, complete ({@code retry} null means retries are off); {@link
 * #problems()} holds the rules that span fields.
 */
record CampaignSettings(
        String name,
        String timezone,
        CallingWindow callingWindow,
        int maxAttemptsPerDay,
        int maxAttemptsPerWeek,
        RetryPolicy retry,
        String status,
        CampaignDetails details) {

    /** The defaults of API.md; a create must still give the name. */
    static final CampaignSettings DEFAULTS = new CampaignSettings(
            null,
            "Asia/Kolkata",
            new CallingWindow("08:00", "19:00"),
            3,
            7,
            null,
            Campaign.ACTIVE,
            CampaignDetails.NONE);

    /** The settings of a stored campaign, the base a patch applies to. */
    static CampaignSettings of(Campaign campaign) {
        return new CampaignSettings(
                campaign.name(),
                campaign.timezone(),
                campaign.callingWindow(),
                campaign.maxAttemptsPerDay(),
                campaign.maxAttemptsPerWeek(),
                campaign.retry(),
                campaign.isArchived() ? Campaign.ARCHIVED : campaign.status(),
                campaign.details());
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null) {
            problems.add("name is required");
        }
        if (callingWindow.start().equals(callingWindow.end())) {
            // an empty window would silently never call; all day is spelled 00:00-24:00
            problems.add("callingWindow.start and callingWindow.end must differ (all day is 00:00 to 24:00)");
        }
        if (maxAttemptsPerWeek < maxAttemptsPerDay) {
            problems.add("maxAttemptsPerWeek must be at least maxAttemptsPerDay");
        }
        if (details.startDate() != null
                && details.endDate() != null
                && details.startDate().isAfter(details.endDate())) {
            problems.add("startDate must not be after endDate");
        }
        return problems;
    }
}
