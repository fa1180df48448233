package io.agentcalls.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/** A bearer token as presented in {@code Authorization}, not yet checked. */
final class BearerToken extends AbstractAuthenticationToken {

    private static final String PREFIX = "Bearer ";

    private final String token;

    private BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    /** Reads {@code Authorization: Bearer …}; no header or another scheme means no attempt (null). */
    static final AuthenticationConverter CONVERTER = BearerToken::from;

    static BearerToken from(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, 7)) {
            return null;
        }
        return new BearerToken(header.substring(PREFIX.length()).strip());
    }

    String token() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
