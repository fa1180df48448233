package io.agentcalls.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The failure envelope of the TimePay Agents API: {@code {"success":false,"error":"NotFound",
 * "message":"...","errors":[...]}}; {@code error} is {@link ErrorTypes#of the status's word}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(boolean success, String error, String message, List<String> errors) {

    public static final String INTERNAL_ERROR_MESSAGE = "An unexpected error occurred";

    public static ErrorResponse of(HttpStatus status, String message) {
        return new ErrorResponse(false, ErrorTypes.of(status.value()), message, null);
    }

    public static ErrorResponse of(HttpStatus status, String message, List<String> errors) {
        return new ErrorResponse(
                false,
                ErrorTypes.of(status.value()),
                message,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    /** The documented 500: the cause is logged, never sent. */
    public static ErrorResponse internalError() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
    }
}
