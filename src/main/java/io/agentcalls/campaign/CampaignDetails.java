package io.agentcalls.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * What the TimePay Agents API adds to a campaign: a description, its type, its first and last
 * calling day ({@code startDate}, {@code endDate}, in the campaign's timezone; null means no bound),
 * languages, region, tags and a workflow id kept for the integrator. Any of them may be null (or
 * empty) on a campaign created through {@code POST /api/v1/campaigns}.
 */
public record CampaignDetails(
        String description,
        CampaignType type,
        LocalDate startDate,
        LocalDate endDate,
        List<String> languages,
        String region,
        List<String> tags,
        String workflowId) {

    public static final CampaignDetails NONE =
            new CampaignDetails(null, null, null, null, List.of(), null, List.of(), null);

    public CampaignDetails {
        languages = languages == null ? List.of() : List.copyOf(languages);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Whether {@code day} is one of the campaign's calling days. */
    public boolean includes(LocalDate day) {
        return (startDate == null || !day.isBefore(startDate)) && (endDate == null || !day.isAfter(endDate));
    }
}
