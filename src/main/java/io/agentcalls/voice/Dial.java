package io.agentcalls.voice;

import java.util.Map;
import java.util.Objects;

/**
 * One call to place.
 *
 * @param callId our call id: the provider's metadata carries it back in every webhook
 * @param to the borrower's phone, E.164
 * @param from the caller number, E.164
 * @param providerNumberId the provider's id for the caller number, when the provider needs it (Vapi)
 * @param providerAgentId the provider's assistant or agent id, from our agent
 * @param variables the agent's variables and the customer's fields, as the provider's dynamic variables
 */
public record Dial(
        String callId,
        String to,
        String from,
        String providerNumberId,
        String providerAgentId,
        Map<String, String> variables) {

    public Dial {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(to, "to");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
