package io.agentcalls.organization;

public record Organization(String id, String name) {}
