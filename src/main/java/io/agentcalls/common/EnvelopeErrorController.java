package io.agentcalls.common;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders what the servlet container sends to its error page (a status set outside any controller)
 * in the envelope, instead of Spring Boot's default error body. Reached only by error dispatches:
 * the security layer answers 404 to a client that asks for {@code /error} itself.
 */
@Hidden // the container's error dispatch, not an endpoint
@RestController
class EnvelopeErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<?> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status =
                code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == null || status.is5xxServerError()) {
            HttpStatus failed = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
            return ResponseEntity.status(failed).body(ErrorResponse.of(failed, ErrorResponse.INTERNAL_ERROR_MESSAGE));
        }
        String message = switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case PAYLOAD_TOO_LARGE, REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request too large";
            case UNAUTHORIZED -> "Unauthorized";
            case FORBIDDEN -> "Forbidden";
            default -> "Bad request";
        };
        return ResponseEntity.status(status).body(ErrorResponse.of(status, message));
    }
}
