package io.agentcalls.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The failure envelope: {@code {"success":false,"message":"...","errors":[...]}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(boolean success, String message, List<String> errors) {

    public static ErrorResponse of(String message) {
        return new ErrorResponse(false, message, null);
    }

    public static ErrorResponse of(String message, List<String> errors) {
        return new ErrorResponse(false, message, errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
