package io.agentcalls.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses a query parameter that decodes to a NUL character ({@code ?language=%00}), naming it: list
 * filters go to SQL as text, which PostgreSQL cannot hold NUL in. Only the query string is read, never
 * a form or multipart body, so checking costs nothing and parses nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class QueryParameterFilter extends OncePerRequestFilter {

    private static final String ENCODED_NUL = "%00";

    private final ObjectMapper objectMapper;

    QueryParameterFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !query.contains(ENCODED_NUL);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String pair : request.getQueryString().split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("application/json");
                objectMapper.writeValue(
                        response.getOutputStream(),
                        ErrorResponse.of(
                                HttpStatus.BAD_REQUEST,
                                "Validation failed",
                                List.of(BodyValues.printable(name) + " " + BodyValues.NUL)));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Decoded as the container decodes; text that cannot be decoded is left to the container. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
