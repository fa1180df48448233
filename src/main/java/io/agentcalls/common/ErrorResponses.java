package io.agentcalls.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.ObjectMapper;

/** Writes the error envelope from servlet filters, which run before the controller advice can. */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, String message)
            throws IOException {
        write(response, mapper, status, ErrorResponse.of(status, message));
    }

    public static void write(HttpServletResponse response, ObjectMapper mapper, HttpStatus status, ErrorResponse body)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), body);
    }
}
