package io.agentcalls.organization;

import io.agentcalls.common.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Guards {@code /admin/v1}: off (404) unless AGENTCALLS_ADMIN_TOKEN is set, and then only that
 * bearer token passes, compared in constant time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminTokenFilter extends OncePerRequestFilter {

    private final byte[] adminToken;
    private final ObjectMapper objectMapper;

    AdminTokenFilter(@Value("${agentcalls.admin-token:}") String adminToken, ObjectMapper objectMapper) {
        this.adminToken = adminToken.isBlank() ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI()
                .substring(request.getContextPath().length())
                .startsWith("/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (adminToken == null) {
            ErrorResponses.write(response, objectMapper, HttpStatus.NOT_FOUND, "Not found");
            return;
        }
        byte[] presented = ApiKeyAuthenticationFilter.bearerToken(request)
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
        if (!MessageDigest.isEqual(adminToken, presented)) {
            ErrorResponses.write(response, objectMapper, HttpStatus.UNAUTHORIZED, "Missing or invalid admin token");
            return;
        }
        chain.doFilter(request, response);
    }
}
