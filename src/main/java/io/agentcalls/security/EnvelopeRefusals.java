package io.agentcalls.security;

import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorResponses;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * Every refusal of the security layer in the response envelope, like the controllers' errors: a
 * client reads one error shape whichever layer said no.
 */
final class EnvelopeRefusals {

    static final String NOT_FOUND = "Not found";
    /** The TimePay Agents API's 403 message. */
    static final String FORBIDDEN = "You don't have the required permission to perform this action";

    private final ObjectMapper objectMapper;

    EnvelopeRefusals(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** 401 with a bearer challenge, for a missing or wrong credential. */
    AuthenticationEntryPoint unauthorized(String message) {
        return (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ErrorResponses.write(response, objectMapper, HttpStatus.UNAUTHORIZED, message);
        };
    }

    AuthenticationFailureHandler failed(String message) {
        AuthenticationEntryPoint entryPoint = unauthorized(message);
        return entryPoint::commence;
    }

    /** 404: for what is switched off or does not exist, so its existence is not confirmed either. */
    AuthenticationEntryPoint notFound() {
        return (request, response, e) -> ErrorResponses.write(response, objectMapper, HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    AccessDeniedHandler notFoundWhenDenied() {
        return (request, response, e) -> ErrorResponses.write(response, objectMapper, HttpStatus.NOT_FOUND, NOT_FOUND);
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> ErrorResponses.write(response, objectMapper, HttpStatus.FORBIDDEN, FORBIDDEN);
    }

    /** The firewall's refusals (encoded separators, {@code ;}, {@code //}, {@code ..}): 400 naming the rule. */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> ErrorResponses.write(
                response,
                objectMapper,
                HttpStatus.BAD_REQUEST,
                ErrorResponse.of(HttpStatus.BAD_REQUEST, "Invalid request path", List.of(e.getMessage())));
    }
}
