package io.agentcalls.webhook;

import io.agentcalls.call.CallHistory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a call event to a {@code timepay} endpoint: the fields of the TimePay Agents API's
 * webhook guide ({@code event_type: "call"}, {@code phone}, {@code from_phone}, {@code language},
 * {@code additional_data} — the customer's custom fields — …; {@code lead_id} instead of {@code loan_id}
 * for a lead campaign), then ours: {@code campaign_id},
 * {@code disposition_id}, {@code transcript_id}. The values are those of the call details page.
 */
final class TimepayPayload {

    private TimepayPayload() {}

    static Map<String, Object> of(CallHistory call) {
        Map<String, Object> details = call.details();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_type", "call");
        body.put("call_id", details.get("call_id"));
        body.put("agent_id", details.get("agent_id"));
        body.put("campaign_name", details.get("campaign_name"));
        body.put(call.idField(), details.get(call.idField()));
        body.put("name", details.get("name"));
        body.put("phone", details.get("to"));
        body.put("language", call.language());
        body.put("from_phone", details.get("from"));
        body.put("status", details.get("status"));
        body.put("direction", details.get("direction"));
        body.put("duration", details.get("duration"));
        body.put("disposition", details.get("disposition"));
        body.put("summary", details.get("summary"));
        body.put("start_time", details.get("start_time"));
        body.put("end_time", details.get("end_time"));
        body.put("recording_id", details.get("recording_id"));
        body.put("extracted_data", details.get("extracted_data"));
        body.put("additional_data", call.customerCustom() == null ? Map.of() : call.customerCustom());
        body.put("campaign_id", details.get("campaign_id"));
        body.put("disposition_id", details.get("disposition_id"));
        body.put("transcript_id", details.get("transcript_id"));
        return body;
    }
}
