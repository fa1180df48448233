package io.agentcalls.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Calls as the OpenAPI document describes them. The controllers answer plain maps (the same view
 * goes into events and webhooks, see {@link CallRow#view()}), so these records exist for the
 * document only; docs/CALLS.md defines every field. Component names are the wire names.
 */
final class CallDocs {

    private CallDocs() {}

    @Schema(name = "Call", description = "A call; every field is present, null when unknown")
    record Call(
            @Schema(example = "call_01jc9x3m8f6d2r4t5v7w9y0z1a")
            String id,

            @Schema(example = "cmp_000000000000000000000000000de001")
            String campaignId,

            @Schema(example = "LOAN-2025-00123") String customerId,
            String agentId,

            @Schema(description = "The disposition set the call was made with")
            String dispositionId,

            String initiationId,

            @Schema(description = "The batch of the initiation, from 1")
            Integer batch,

            @Schema(description = "Caller-ID number, E.164", example = "+918045550100")
            String from,

            @Schema(description = "The customer's phone, E.164", example = "+919812345678")
            String to,

            @Schema(
                    allowableValues = {
                        "queued",
                        "initiated",
                        "ringing",
                        "in_progress",
                        "completed",
                        "no_answer",
                        "busy",
                        "voicemail",
                        "failed",
                        "failed_to_initiate",
                        "cancelled"
                    })
            String status,

            @Schema(description = "1 for the first call to this customer in the campaign")
            int attempt,

            OffsetDateTime queuedAt,
            OffsetDateTime initiatedAt,
            OffsetDateTime ringingAt,
            OffsetDateTime inProgressAt,
            OffsetDateTime endedAt,
            Integer durationSeconds,

            @Schema(description = "The outcome, null until the runner reports one")
            Disposition disposition,

            String recordingUrl,
            String transcript,
            String failureReason,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    @Schema(name = "CallDisposition")
    record Disposition(
            @Schema(example = "PTP") String code,
            @Schema(example = "Promise to pay") String label,

            @Schema(description = "What the agent extracted, as the runner reported it")
            Map<String, Object> data) {}

    @Schema(name = "CallDetails", description = "A call as the TimePay Agents API's call details page shows it")
    record Details(
            String call_id,
            @Schema(description = "The customer's name") String name,
            String campaign_id,
            String campaign_name,
            String agent_id,

            @Schema(description = "The customer's id in the campaign")
            String loan_id,

            String from,
            String to,
            @Schema(allowableValues = "outbound") String direction,

            @Schema(
                    allowableValues = {
                        "Queued",
                        "Initiated",
                        "Ringing",
                        "In Progress",
                        "Contacted",
                        "No Contact",
                        "Failed",
                        "Cancelled"
                    })
            String status,

            String disposition,
            String disposition_id,

            @Schema(description = "Talk time in seconds, 0 when none")
            int duration,

            OffsetDateTime start_time,
            OffsetDateTime end_time,
            String recording_id,
            String transcript_id,
            String summary,
            Map<String, Object> extracted_data) {}

    @Schema(name = "CallLog", description = "One call of the logs: the call details' fields and its date")
    record Log(
            String call_id,
            LocalDate date,
            OffsetDateTime start_time,
            OffsetDateTime end_time,
            String campaign_name,
            String campaign_id,
            String name,
            String loan_id,
            int duration,
            String direction,
            String from,
            String to,
            String status,
            String disposition,
            String transcript_id,
            String recording_id,
            Map<String, Object> extracted_data,
            String summary,
            String agent_id,
            String disposition_id,
            @Schema(allowableValues = "call") String type) {}

    @Schema(name = "CallDetailsResponse")
    record DetailsAnswer(boolean success, Details data) {}

    @Schema(name = "CallLogsResponse", description = "A page of logs, or with count_only=true only data.total")
    record LogsAnswer(
            boolean success,

            @Schema(description = "The calls of the page; {\"total\": n} with count_only=true")
            java.util.List<Log> data,

            CallHistoryController.Pagination pagination) {}

    @Schema(name = "CallsPage")
    record Page(
            boolean success,
            java.util.List<Call> data,

            @Schema(description = "The next page's cursor; absent on the last page")
            String nextCursor) {}

    @Schema(name = "CallResponse")
    record One(boolean success, Call data) {}
}
