package io.agentcalls.common;

import java.io.IOException;

/** Raised while reading a request body that passes the configured size limit. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limitBytes) {
        super("body must not be larger than " + (limitBytes / (1024 * 1024)) + " MB");
    }
}
