package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a call simulation needs to know about a call: its caller number and that number's line
 * limit, the customer's payment situation, and the codes its disposition set offers.
 *
 * @param maxConcurrentCalls of the caller number (phone_numbers matched by the call's from number)
 * @param dispositionCodes in the set's order
 */
public record CallProfile(
        String callId,
        String fromNumber,
        int maxConcurrentCalls,
        String paymentStatus,
        BigDecimal emiAmount,
        List<DispositionOption> dispositionCodes) {

    public CallProfile {
        dispositionCodes = List.copyOf(dispositionCodes);
    }

    /** @param category positive, negative, neutral or callback */
    public record DispositionOption(String code, String category) {}
}
