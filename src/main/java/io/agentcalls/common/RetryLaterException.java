package io.agentcalls.common;

import org.springframework.http.HttpStatus;

/** An error the client should retry after a while: rendered with a {@code Retry-After} header. */
public class RetryLaterException extends ApiException {

    private final int retryAfterSeconds;

    public RetryLaterException(HttpStatus status, String message, int retryAfterSeconds) {
        super(status, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
