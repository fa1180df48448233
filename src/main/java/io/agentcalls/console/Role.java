package io.agentcalls.console;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in the console. */
public enum Role {
    /** everything, including the organization's users, keys and settings */
    ADMIN,
    /** launch, pause, resume, cancel, import, the do-not-call list */
    OPERATOR,
    /** read only */
    VIEWER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canOperate() {
        return this != VIEWER;
    }

    public boolean isAdmin() {
        return this == ADMIN;
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
