package io.agentcalls.security;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ErrorResponse;
import io.agentcalls.common.ErrorResponses;
import io.agentcalls.organization.Caller;
import io.agentcalls.ratelimit.RateLimit;
import io.agentcalls.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Counts each authenticated API request against its organization's bucket. Initiate Call(s) is
 * counted by its controller instead, as an initiation or a dry run, which only its body tells.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher INITIATE =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/initiate/*/calls");

    private final RateLimiter limiter;
    private final ObjectMapper objectMapper;

    RateLimitFilter(RateLimiter limiter, ObjectMapper objectMapper) {
        this.limiter = limiter;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return INITIATE.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            try {
                limiter.check(caller.organizationId(), RateLimit.API);
            } catch (ApiException limited) {
                limited.retryAfterSeconds()
                        .ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
                ErrorResponses.write(
                        response,
                        objectMapper,
                        limited.status(),
                        ErrorResponse.of(limited.status(), limited.getMessage(), limited.errors()));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
