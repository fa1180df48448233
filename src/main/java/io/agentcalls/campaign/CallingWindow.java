package io.agentcalls.campaign;

/**
 * The local times ({@code HH:MM}, in the campaign's or customer's timezone) between which calls may
 * be placed. {@code 00:00}–{@code 24:00} is all day; a start after the end crosses midnight.
 */
public record CallingWindow(String start, String end) {}
