package io.agentcalls.agent;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An AI agent. {@code requiredVariables} are the {@code {{…}}} names of the prompt in order of first
 * appearance, then the declared {@code variables} not already listed: what every customer called by
 * this agent must have.
 */
public record Agent(
        String id,
        String name,
        String language,
        String voice,
        String prompt,
        List<String> variables,
        List<String> requiredVariables,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
