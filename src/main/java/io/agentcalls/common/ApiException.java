package io.agentcalls.common;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * An error that maps to one HTTP status and one envelope. Features throw the static factories below
 * (or their own subclasses); {@code ApiExceptionHandler} renders them.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> errors;
    private final Map<String, Object> extra;
    private Duration retryAfter;

    public ApiException(HttpStatus status, String message, List<String> errors, Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extra =
                extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    public ApiException(HttpStatus status, String message) {
        this(status, message, List.of(), Map.of());
    }

    public static ApiException validation(List<String> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Validation failed", errors, Map.of());
    }

    public static ApiException validation(String error) {
        return validation(List.of(error));
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException tooManyRequests(String error, Duration retryAfter) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", List.of(error), Map.of())
                .retryAfter(retryAfter);
    }

    /** Tells the client when to try again ({@code Retry-After}, whole seconds, at least one). */
    public ApiException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfter).map(wait -> Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> errors() {
        return errors;
    }

    /** Extra top-level fields of the error body (Initiate Call(s)'s missing-variables error carries counts). */
    public Map<String, Object> extra() {
        return extra;
    }
}
