package io.agentcalls.voice;

import io.agentcalls.call.CallStatus;
import java.util.Map;

/**
 * Retell's {@code disconnection_reason} (call_response.py of retell-python-sdk 5.60.0) as our final
 * status. docs/PROVIDERS.md has the same table and a test holds the two together.
 */
final class RetellEndReasons {

    private static final Map<String, CallStatus> REASONS = Map.ofEntries(
            Map.entry("user_hangup", CallStatus.COMPLETED),
            Map.entry("agent_hangup", CallStatus.COMPLETED),
            Map.entry("call_transfer", CallStatus.COMPLETED),
            Map.entry("inactivity", CallStatus.COMPLETED),
            Map.entry("max_duration_reached", CallStatus.COMPLETED),
            Map.entry("transfer_bridged", CallStatus.COMPLETED),
            Map.entry("transfer_cancelled", CallStatus.COMPLETED),
            Map.entry("call_take_over", CallStatus.COMPLETED),
            Map.entry("voicemail_reached", CallStatus.VOICEMAIL),
            Map.entry("ivr_reached", CallStatus.NO_ANSWER),
            Map.entry("dial_no_answer", CallStatus.NO_ANSWER),
            Map.entry("dial_busy", CallStatus.BUSY),
            Map.entry("user_declined", CallStatus.BUSY),
            Map.entry("dial_failed", CallStatus.FAILED),
            Map.entry("invalid_destination", CallStatus.FAILED),
            Map.entry("telephony_provider_permission_denied", CallStatus.FAILED),
            Map.entry("telephony_provider_unavailable", CallStatus.FAILED),
            Map.entry("sip_routing_error", CallStatus.FAILED),
            Map.entry("marked_as_spam", CallStatus.FAILED),
            Map.entry("concurrency_limit_reached", CallStatus.FAILED),
            Map.entry("no_concurrency_fallback", CallStatus.FAILED),
            Map.entry("no_valid_payment", CallStatus.FAILED),
            Map.entry("scam_detected", CallStatus.FAILED),
            Map.entry("error_llm_websocket_open", CallStatus.FAILED),
            Map.entry("error_llm_websocket_lost_connection", CallStatus.FAILED),
            Map.entry("error_llm_websocket_runtime", CallStatus.FAILED),
            Map.entry("error_llm_websocket_corrupt_payload", CallStatus.FAILED),
            Map.entry("error_no_audio_received", CallStatus.FAILED),
            Map.entry("error_asr", CallStatus.FAILED),
            Map.entry("error_retell", CallStatus.FAILED),
            Map.entry("error_unknown", CallStatus.FAILED),
            Map.entry("error_user_not_joined", CallStatus.FAILED),
            Map.entry("registered_call_timeout", CallStatus.FAILED));

    private RetellEndReasons() {}

    /**
     * @param answered whether the call connected (Retell sent a start time); {@code manual_stopped}
     *     is our own stop, a cancel before an answer
     */
    static CallStatus status(String reason, boolean answered) {
        if ("manual_stopped".equals(reason)) {
            return answered ? CallStatus.COMPLETED : CallStatus.CANCELLED;
        }
        CallStatus status = reason == null ? null : REASONS.get(reason);
        if (status != null) {
            return status;
        }
        // a reason newer than the SDK we read, or none: what we know is whether anyone answered
        return answered ? CallStatus.COMPLETED : CallStatus.FAILED;
    }
}
