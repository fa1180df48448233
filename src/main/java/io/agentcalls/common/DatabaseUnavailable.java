package io.agentcalls.common;

import java.sql.SQLTransientConnectionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not lend a connection in time (every pooled connection busy for the pool's
 * {@code connection-timeout}) or could not be reached: a 503 the client may retry, not a 500 bug.
 */
final class DatabaseUnavailable {

    /** About the pool's wait (5 s by default): retrying sooner would most likely wait as long again. */
    static final int RETRY_AFTER_SECONDS = 5;

    static final String MESSAGE = "Service unavailable: the database could not take the request in time; retry after "
            + RETRY_AFTER_SECONDS + " seconds";

    private DatabaseUnavailable() {}

    /** Whether a failure is, at its root, no connection to be had. */
    static boolean isCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0;
                cause != null && depth < 20;
                depth++, cause = cause.getCause()) { // bounded: causes may loop
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ErrorResponse> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(ErrorResponse.of(HttpStatus.SERVICE_UNAVAILABLE, MESSAGE));
    }
}
