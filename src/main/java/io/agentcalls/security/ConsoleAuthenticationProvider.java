package io.agentcalls.security;

import io.agentcalls.console.ConsoleUser;
import io.agentcalls.console.ConsoleUserService;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The console's sign-in form: the email and password checked by the console's users, throttled
 * there by email and by client address. The authenticated principal is the {@link ConsoleUser}.
 */
class ConsoleAuthenticationProvider implements AuthenticationProvider {

    static final String THROTTLED = "Too many failed sign-ins; wait a few minutes and try again";

    private final ConsoleUserService users;

    ConsoleAuthenticationProvider(ConsoleUserService users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        Object credentials = authentication.getCredentials();
        ConsoleUserService.SignIn signIn =
                users.signIn(authentication.getName(), credentials == null ? null : credentials.toString(), address);
        return switch (signIn.outcome()) {
            case THROTTLED -> throw new LockedException(THROTTLED);
            case WRONG_CREDENTIALS -> throw new BadCredentialsException("Wrong email or password");
            case SIGNED_IN -> {
                ConsoleUser user = signIn.user();
                var token = UsernamePasswordAuthenticationToken.authenticated(
                        user,
                        null,
                        List.of(new SimpleGrantedAuthority(
                                "ROLE_CONSOLE_" + user.role().name())));
                token.setDetails(authentication.getDetails());
                yield token;
            }
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
