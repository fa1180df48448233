package io.agentcalls.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as every campaign endpoint answers it: the fields of the TimePay Agents API's campaign
 * object first (the Get Campaign page's {@code status} and {@code type} included), then ours.
 * {@code startTime}/{@code endTime} and {@code callingWindow} are the same two values.
 */
record CampaignView(
        String id,
        long rowsLen,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonProperty("org_id") String orgId,
        String name,
        String description,
        LocalDate startDate,
        String startTime,
        LocalDate endDate,
        String endTime,
        @JsonProperty("collection_type") String collectionType,
        String region,
        List<String> tags,
        List<String> languages,
        String status,
        String type,
        String workflowId,
        OffsetDateTime pausedAt,
        String timezone,
        CallingWindow callingWindow,
        int maxAttemptsPerDay,
        int maxAttemptsPerWeek,
        RetryPolicy retry) {

    static CampaignView of(String organizationId, Campaign c, long rowsLen) {
        CampaignDetails d = c.details();
        return new CampaignView(
                c.id(),
                rowsLen,
                c.createdAt(),
                c.updatedAt(),
                organizationId,
                c.name(),
                d.description(),
                d.startDate(),
                c.callingWindow().start(),
                d.endDate(),
                c.callingWindow().end(),
                d.type() == null ? null : d.type().value(),
                d.region(),
                d.tags(),
                d.languages(),
                c.status(),
                d.type() == null ? null : d.type().serviceType(),
                d.workflowId(),
                c.pausedAt(),
                c.timezone(),
                c.callingWindow(),
                c.maxAttemptsPerDay(),
                c.maxAttemptsPerWeek(),
                c.retry());
    }
}
