package io.agentcalls.disposition;

/** One outcome of a call: a code such as {@code PTP}, a label for people, and its category. */
public record DispositionCode(String code, String label, String category) {}
