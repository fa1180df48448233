package io.agentcalls.common;

/**
 * A setting the service will not run with. Thrown while the application context starts, so a node
 * with a weak secret or a key that cannot read its database never serves a request; the message names
 * the variable to fix and never its value.
 */
public final class StartupRefusal extends RuntimeException {

    private StartupRefusal(String message, Throwable cause) {
        super(message, cause);
    }

    public static StartupRefusal because(String message) {
        return new StartupRefusal(message, null);
    }

    public static StartupRefusal because(String message, Throwable cause) {
        return new StartupRefusal(message, cause);
    }
}
