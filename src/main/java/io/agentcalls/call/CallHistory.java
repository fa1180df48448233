package io.agentcalls.call;

import io.agentcalls.campaign.CampaignType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call as the TimePay Agents API's call details and logs show it, read with its campaign, customer
 * and outcome. The customer id goes under the name its campaign's type gives it ({@link #idField()}):
 * {@code lead_id} in a lead campaign, {@code loan_id} otherwise; the recording and transcript ids are
 * the call's.
 *
 * @param campaignType the campaign's {@code campaignType} ({@code emi}, {@code edi}, {@code lead}), null if untyped
 * @param startTime when the call was placed (queued, if it never was)
 * @param customerCustom the customer's custom fields, for documented webhooks' {@code additional_data}
 */
public record CallHistory(
        String callId,
        String customerName,
        String campaignId,
        String campaignName,
        String campaignType,
        String agentId,
        String customerId,
        String language,
        String from,
        String to,
        CallStatus status,
        String disposition,
        String dispositionId,
        int duration,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        boolean hasRecording,
        boolean hasTranscript,
        Map<String, Object> extractedData,
        Map<String, Object> customerCustom) {

    /** Recording and transcript ids: the call id's digits behind their own prefix. */
    public static String recordingId(String callId) {
        return "rec_" + callId.substring("call_".length());
    }

    public static String transcriptId(String callId) {
        return "trn_" + callId.substring("call_".length());
    }

    public String recordingId() {
        return hasRecording ? recordingId(callId) : null;
    }

    public String transcriptId() {
        return hasTranscript ? transcriptId(callId) : null;
    }

    /** A summary the runner put in the outcome data ({@code summary}), if it did. */
    public String summary() {
        return extractedData != null && extractedData.get("summary") instanceof String text ? text : null;
    }

    /**
     * The documented name of the customer id: {@code lead_id} for a lead campaign, else {@code
     * loan_id} (a campaign created without a type keeps loans, as before types existed).
     */
    public String idField() {
        return CampaignType.of(campaignType).map(CampaignType::idField).orElse("loan_id");
    }

    public String documentedStatus() {
        return DocumentedCallStatus.of(status);
    }

    /** {@code GET /api/v1/communication/call/{call_id}}'s {@code data}, in the catalogue's order. */
    public Map<String, Object> details() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_id", callId);
        data.put("name", customerName);
        data.put("campaign_id", campaignId);
        data.put("campaign_name", campaignName);
        data.put("agent_id", agentId);
        data.put(idField(), customerId);
        data.put("from", from);
        data.put("to", to);
        data.put("direction", "outbound");
        data.put("status", documentedStatus());
        data.put("disposition", disposition);
        data.put("disposition_id", dispositionId);
        data.put("duration", duration);
        data.put("start_time", UtcTimes.format(startTime));
        data.put("end_time", UtcTimes.format(endTime));
        data.put("recording_id", recordingId());
        data.put("transcript_id", transcriptId());
        data.put("summary", summary());
        data.put("extracted_data", extractedData);
        return data;
    }

    /** One item of {@code GET /api/v1/logs}, in the catalogue's order. */
    Map<String, Object> logItem() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("call_id", callId);
        item.put(
                "date",
                startTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString());
        item.put("start_time", UtcTimes.format(startTime));
        item.put("end_time", UtcTimes.format(endTime));
        item.put("campaign_name", campaignName);
        item.put("campaign_id", campaignId);
        item.put("name", customerName);
        item.put(idField(), customerId);
        item.put("duration", duration);
        item.put("direction", "outbound");
        item.put("from", from);
        item.put("to", to);
        item.put("status", documentedStatus());
        item.put("disposition", disposition);
        item.put("transcript_id", transcriptId());
        item.put("recording_id", recordingId());
        item.put("extracted_data", extractedData);
        item.put("summary", summary());
        item.put("agent_id", agentId);
        item.put("disposition_id", dispositionId);
        item.put("type", "call");
        return item;
    }
}
