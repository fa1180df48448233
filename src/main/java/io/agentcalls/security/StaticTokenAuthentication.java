package io.agentcalls.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks a bearer token against one configured secret (the admin token, the actuator token), in
 * constant time so the time taken does not tell how much of a guess was right.
 */
final class StaticTokenAuthentication {

    private StaticTokenAuthentication() {}

    static AuthenticationManager manager(String principal, String secret) {
        byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + principal.toUpperCase()));
        return presented -> {
            byte[] given = ((BearerToken) presented).token().getBytes(StandardCharsets.UTF_8);
            if (expected.length == 0 || !MessageDigest.isEqual(expected, given)) {
                throw new BadCredentialsException("token does not match");
            }
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        };
    }
}
