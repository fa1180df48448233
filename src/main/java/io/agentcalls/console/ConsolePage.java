package io.agentcalls.console;

/**
 * Marks a controller of console pages: its refusals are rendered as pages ({@link ConsoleErrors})
 * and its models carry the signed-in {@code user} ({@link ConsoleModel}). Not for the admin API's
 * controller of users, which answers in the envelope.
 */
public interface ConsolePage {}
