package io.agentcalls.organization;

/** Who is calling: the organization of the API key that authenticated the request, and the key. */
public record Caller(String organizationId, String apiKeyId) {}
