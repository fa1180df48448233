package io.agentcalls.security;

import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorResponses;
import io.agentcalls.runner.RunnerSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Authenticates the runner: an HMAC-SHA256 of {@code timestamp.body} with the shared secret, and a
 * timestamp within five minutes so a captured request can't be replayed later. The body is capped
 * before it is buffered; a request that fails goes no further than this filter.
 */
final class RunnerSignatureAuthenticationFilter extends OncePerRequestFilter {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String INVALID = "Invalid runner signature";

    private final RunnerSignature signature;
    private final ObjectMapper objectMapper;
    private final long maxBytes;
    private final Clock clock;

    RunnerSignatureAuthenticationFilter(
            RunnerSignature signature, ObjectMapper objectMapper, long maxBytes, Clock clock) {
        this.signature = signature;
        this.objectMapper = objectMapper;
        this.maxBytes = maxBytes;
        this.clock = clock;
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
        String timestamp = request.getHeader(RunnerSignature.TIMESTAMP_HEADER);
        if (!fresh(timestamp)
                || !signature.verify(
                        timestamp, body.get().bytes(), request.getHeader(RunnerSignature.SIGNATURE_HEADER))) {
            ErrorResponses.write(response, objectMapper, HttpStatus.UNAUTHORIZED, INVALID);
            return;
        }
        var runner = UsernamePasswordAuthenticationToken.authenticated(
                "runner", null, List.of(new SimpleGrantedAuthority("ROLE_RUNNER")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(runner);
        SecurityContextHolder.setContext(context);
        chain.doFilter(body.get(), response);
    }

    /** Epoch seconds, no further than the tolerance from now in either direction. */
    private boolean fresh(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12) {
            return false;
        }
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
