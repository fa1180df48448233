package io.agentcalls.voice;

import io.agentcalls.call.CallStatus;
import java.util.Map;
import java.util.Set;

/**
 * Vapi's {@code endedReason} (627 values in its OpenAPI document) as our final status. Most are
 * errors of some part of the pipeline and fail the call; the few that say who hung up, or that no
 * one answered, are named here. docs/PROVIDERS.md lists every value with its status, and a test holds
 * the two together.
 */
final class VapiEndReasons {

    private static final Map<String, CallStatus> NAMED = Map.ofEntries(
            Map.entry("customer-busy", CallStatus.BUSY),
            Map.entry("customer-did-not-answer", CallStatus.NO_ANSWER),
            Map.entry("call.ringing.hook-executed-say", CallStatus.NO_ANSWER),
            Map.entry("call.ringing.hook-executed-transfer", CallStatus.NO_ANSWER),
            Map.entry("call.ringing.sip-inbound-caller-hungup-before-call-connect", CallStatus.NO_ANSWER),
            Map.entry("voicemail", CallStatus.VOICEMAIL),
            Map.entry("scheduled-call-deleted", CallStatus.CANCELLED),
            Map.entry("call-deleted", CallStatus.CANCELLED),
            Map.entry("assistant-ended-call", CallStatus.COMPLETED),
            Map.entry("assistant-said-end-call-phrase", CallStatus.COMPLETED),
            Map.entry("assistant-ended-call-with-hangup-task", CallStatus.COMPLETED),
            Map.entry("assistant-ended-call-after-message-spoken", CallStatus.COMPLETED),
            Map.entry("assistant-forwarded-call", CallStatus.COMPLETED),
            Map.entry("customer-ended-call", CallStatus.COMPLETED),
            Map.entry("customer-ended-call-before-warm-transfer", CallStatus.COMPLETED),
            Map.entry("customer-ended-call-after-warm-transfer-attempt", CallStatus.COMPLETED),
            Map.entry("customer-ended-call-during-transfer", CallStatus.COMPLETED),
            Map.entry("exceeded-max-duration", CallStatus.COMPLETED),
            Map.entry("silence-timed-out", CallStatus.COMPLETED),
            Map.entry("vonage-completed", CallStatus.COMPLETED),
            Map.entry("call.in-progress.twilio-completed-call", CallStatus.COMPLETED),
            Map.entry("call.in-progress.sip-completed-call", CallStatus.COMPLETED),
            Map.entry("call.forwarding.operator-busy", CallStatus.COMPLETED),
            Map.entry("call.forwarding.no-answer", CallStatus.COMPLETED),
            Map.entry("call.ending.hook-executed-say", CallStatus.COMPLETED),
            Map.entry("call.ending.hook-executed-transfer", CallStatus.COMPLETED));

    /**
     * Reasons that do not say whether anyone spoke: a call that was answered ended normally; one that
     * was not is cancelled (we hung it up before an answer) or failed.
     */
    private static final Set<String> CANCELLED_UNLESS_ANSWERED = Set.of("manually-canceled");

    private static final Set<String> FAILED_UNLESS_ANSWERED =
            Set.of("vonage-disconnected", "phone-call-provider-closed-websocket");

    private VapiEndReasons() {}

    /** @param answered whether Vapi reported the call in progress (a {@code startedAt}, a status) */
    static CallStatus status(String endedReason, boolean answered) {
        if (endedReason == null || endedReason.isBlank()) {
            return answered ? CallStatus.COMPLETED : CallStatus.FAILED;
        }
        CallStatus named = NAMED.get(endedReason);
        if (named != null) {
            return named;
        }
        if (CANCELLED_UNLESS_ANSWERED.contains(endedReason)) {
            return answered ? CallStatus.COMPLETED : CallStatus.CANCELLED;
        }
        if (FAILED_UNLESS_ANSWERED.contains(endedReason)) {
            return answered ? CallStatus.COMPLETED : CallStatus.FAILED;
        }
        // every other published value is an error, a fault or a refusal before the customer was reached
        return CallStatus.FAILED;
    }
}
