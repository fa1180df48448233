package io.agentcalls.security;

import io.agentcalls.organization.Caller;
import io.agentcalls.organization.OrganizationService;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An organization's API key, resolved to the {@link Caller} that becomes the request's principal. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    private ApiKeyAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority("ROLE_API")));
        this.caller = caller;
        setAuthenticated(true);
    }

    static AuthenticationManager manager(OrganizationService organizations) {
        return presented -> organizations
                .authenticate(((BearerToken) presented).token())
                .map(ApiKeyAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
