package io.agentcalls.call;

import java.util.Map;

/**
 * A call this node claimed to dial: everything the provider needs, read in the claiming statement.
 *
 * @param dialAttempt 1 for the first dial, more after provider back-offs
 * @param customerFields the customer's standard and custom fields, as the provider's variables
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
        Map<String, String> customerFields) {

    public DialClaim {
        customerFields = customerFields == null ? Map.of() : Map.copyOf(customerFields);
    }
}
