package io.agentcalls.security;

import io.agentcalls.console.ConsoleUserService;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The console's door (issue 14): a session signed in through the form, kept in PostgreSQL by Spring
 * Session JDBC, with CSRF tokens on every write (htmx sends the token as a header, see
 * console/assets/console.js). It claims only the console's paths, so the API, admin, runner and
 * actuator chains keep answering 401 envelopes, never a sign-in redirect.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String[] CONSOLE_PATHS = {"/", "/console", "/console/**", "/login", "/logout", "/webjars/**"};
    static final String[] PUBLIC_PATHS = {"/login", "/webjars/**", "/console/assets/**"};

    @Bean
    @Order(6)
    SecurityFilterChain consoleChain(HttpSecurity http, ConsoleUserService users) throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?throttled"));
        var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        http.securityMatcher(CONSOLE_PATHS)
                .authenticationProvider(new ConsoleAuthenticationProvider(users))
                .authorizeHttpRequests(a -> a
                        // an SSE stream or an error page continues a request that was already let in
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failures))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .httpBasic(b -> b.disable())
                .exceptionHandling(e -> e
                        // htmx swaps what it receives into the page: a signed-out fragment request is
                        // told to load the sign-in page instead of swapping it into a panel
                        .defaultAuthenticationEntryPointFor(
                                (request, response, failure) -> {
                                    response.setHeader("HX-Redirect", "/login");
                                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                                },
                                new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(signInPage, request -> true));
        return http.build();
    }
}
