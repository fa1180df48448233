package io.agentcalls.call;

import java.util.Map;

/**
 * A call this node claimed to dial: everything the provider needs, read in the claiming statement.
 *
 * @param dialAttempt 1 for the first dial, more after provider back-offs
 * @param customerFields the customer's standard and custom fields, as the provider's variables
 * @param connectionId the voice connection the claim counted the call against ({@code simulator} when
 *     the agent names none)
 * @param providerNumberId the provider's id of the caller number, when the number has one
 */
public record DialClaim(
        String organizationId,
        String callId,
        String campaignId,
        String customerId,
        String agentId,
        String to,
        String from,
        int dialAttempt,
        Map<String, String> customerFields,
        String connectionId,
        String providerNumberId) {

    public DialClaim {
        customerFields = customerFields == null ? Map.of() : Map.copyOf(customerFields);
    }
}
