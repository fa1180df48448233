package io.agentcalls.number;

import java.time.OffsetDateTime;

/** A phone number (E.164) on an organization's do-not-call list, and since when. */
public record DoNotCallEntry(String phone, OffsetDateTime createdAt) {}
