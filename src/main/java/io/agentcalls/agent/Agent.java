package io.agentcalls.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An AI agent. {@code requiredVariables} are the {@code {{…}}} names of the prompt in order of first
 * appearance, then the declared {@code variables} not already listed: what every customer called by
 * this agent must have. {@code voiceConnectionId} and {@code providerAgentId} say where its calls are
 * placed (the provider's assistant or agent); {@code outcomeMapping} turns the provider's post-call
 * analysis into a disposition. The three are left out of the JSON until set, so an agent of an
 * integration that never heard of providers looks as it always did.
 */
public record Agent(
        String id,
        String name,
        String language,
        String voice,
        String prompt,
        List<String> variables,
        List<String> requiredVariables,
        @JsonInclude(JsonInclude.Include.NON_NULL) String voiceConnectionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String providerAgentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) OutcomeMapping outcomeMapping,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
