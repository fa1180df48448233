package io.agentcalls.security;

import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Caps and buffers a provider webhook's body before anything reads it, as the runner's events are:
 * the provider's signature is checked on these bytes later, against the connection the path names.
 */
final class ProviderWebhookBodyFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;
    private final long maxBytes;

    ProviderWebhookBodyFilter(ObjectMapper objectMapper, long maxBytes) {
        this.objectMapper = objectMapper;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignedBody> body = SignedBody.read(request, maxBytes);
        if (body.isEmpty()) {
            ErrorResponses.write(
                    response,
                    objectMapper,
                    HttpStatus.BAD_REQUEST,
                    ErrorResponse.of(
                            HttpStatus.BAD_REQUEST,
                            "Validation failed",
                            List.of("body must not be larger than " + maxBytes + " bytes")));
            return;
        }
        chain.doFilter(body.get(), response);
    }
}
