package io.agentcalls.console;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in person: the principal of a console session, which every console controller takes as
 * a parameter ({@link ConsoleUserArgumentResolver}). Serializable because the session, with its
 * security context, is stored in PostgreSQL by Spring Session JDBC.
 */
public record ConsoleUser(String organizationId, String userId, String email, Role role)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The session's principal name (Spring Session indexes it; at most 100 characters). */
    @Override
    public String getName() {
        return userId;
    }

    /** Refuses (403) a person who may only read. */
    public void requireOperator() {
        if (!role.canOperate()) {
            throw ConsoleException.forbidden();
        }
    }

    /** Refuses (403) anyone but an admin of the organization. */
    public void requireAdmin() {
        if (!role.isAdmin()) {
            throw ConsoleException.forbidden();
        }
    }
}
