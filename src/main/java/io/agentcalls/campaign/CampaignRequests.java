package io.agentcalls.campaign;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The campaign bodies as the OpenAPI document describes them. The controllers read these bodies
 * field by field ({@link CampaignChanges}), so these records exist for the document only; the rules
 * are docs/api/campaigns-customers.md's.
 */
final class CampaignRequests {

    private CampaignRequests() {}

    @Schema(
            name = "CampaignRequest",
            description = "A campaign's fields; on create only name is required, on update only the fields given"
                    + " change (null is refused)")
    record Fields(
            @Schema(description = "1-200 characters", example = "November EMI reminders")
            String name,

            @Schema(description = "IANA region id", example = "Asia/Kolkata", defaultValue = "Asia/Kolkata")
            String timezone,

            @Schema(description = "Local hours in which calls are placed; or give startTime and endTime")
            CallingWindow callingWindow,

            @Schema(description = "HH:MM, the calling window's start under its TimePay name", example = "09:00")
            String startTime,

            @Schema(description = "HH:MM (24:00 allowed), the calling window's end", example = "19:00")
            String endTime,

            @Schema(description = "1-1000", defaultValue = "3")
            Integer maxAttemptsPerDay,

            @Schema(description = "1-1000, at least maxAttemptsPerDay", defaultValue = "7")
            Integer maxAttemptsPerWeek,

            @Schema(description = "Automatic retries; null turns them off")
            RetryPolicy retry,

            @Schema(allowableValues = {"active", "paused", "completed", "draft"})
            String status,

            @Schema(description = "At most 1000 characters") String description,

            @Schema(allowableValues = {"emi", "edi", "lead"})
            String campaignType,

            @Schema(description = "First calling day in the campaign's timezone")
            LocalDate startDate,

            @Schema(description = "Last calling day, not before startDate")
            LocalDate endDate,

            @Schema(
                    description = "Distinct languages: hindi, english, bengali, telugu, marathi, tamil, gujarati,"
                            + " kannada, malayalam, punjabi, odia, assamese")
            List<String> languages,

            @Schema(allowableValues = {"north", "south", "east", "west", "central"})
            String region,

            @Schema(description = "At most 50 distinct tags of up to 100 characters")
            List<String> tags,

            @Schema(description = "Kept and answered; at most 200 characters")
            String workflowId) {}

    /** Create Campaign of the TimePay Agents API: the fields above and the campaign's first customers. */
    @Schema(name = "CreateCampaignWithCustomersRequest")
    record WithCustomers(
            @Schema(example = "November EMI reminders") String name,
            String timezone,
            CallingWindow callingWindow,
            String startTime,
            String endTime,
            Integer maxAttemptsPerDay,
            Integer maxAttemptsPerWeek,
            RetryPolicy retry,

            @Schema(allowableValues = {"active", "paused", "completed", "draft"})
            String status,

            String description,

            @Schema(allowableValues = {"emi", "edi", "lead"})
            String campaignType,

            LocalDate startDate,
            LocalDate endDate,
            List<String> languages,

            @Schema(allowableValues = {"north", "south", "east", "west", "central"})
            String region,

            List<String> tags,
            String workflowId,

            @Schema(description = "The campaign's customers (at most 10,000), each as in the customer upsert")
            List<Map<String, Object>> jsonData) {}
}
