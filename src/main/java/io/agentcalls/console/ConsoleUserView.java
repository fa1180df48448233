package io.agentcalls.console;

import java.time.OffsetDateTime;

/** A person of an organization as lists and the admin API show it: never the password hash. */
public record ConsoleUserView(
        String id, String email, String role, OffsetDateTime createdAt, OffsetDateTime disabledAt) {}
