package io.agentcalls.security;

import io.agentcalls.organization.OrganizationService;
import io.agentcalls.ratelimit.RateLimiter;
import io.agentcalls.runner.RunnerSignature;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.ObjectMapper;

/**
 * One filter chain per kind of caller, tried in order, each matched on the path Spring MVC routes
 * (decoded and normalised), so no spelling of a path reaches a handler past the wrong door. What no
 * chain claims is refused by the last one. The strict firewall runs before all of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String RUNNER_PATHS = "/api/v1/runner/**";
    static final String PROVIDER_PATHS = "/api/v1/providers/**";
    static final String PROVIDER_WEBHOOK = "/api/v1/providers/*/events/*";
    static final String ADMIN_REFUSAL = "Missing or invalid admin token";
    static final String API_KEY_REFUSAL = "Missing or invalid authorization header";
    static final String ACTUATOR_REFUSAL = "Missing or invalid actuator token";

    private final SecurityProperties properties;
    private final EnvelopeRefusals refusals;

    SecurityConfiguration(SecurityProperties properties, ObjectMapper objectMapper) {
        this.properties = properties;
        this.refusals = new EnvelopeRefusals(objectMapper);
    }

    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return refusals.rejected();
    }

    /** {@code /admin/v1}: the admin token, or nothing at all when none is configured. */
    @Bean
    @Order(1)
    SecurityFilterChain adminChain(HttpSecurity http) throws Exception {
        stateless(http.securityMatcher("/admin/**"));
        return adminOnly(http);
    }

    /** The runner's events: signed with the shared secret; no API key. */
    @Bean
    @Order(2)
    SecurityFilterChain runnerChain(HttpSecurity http, RunnerSignature signature, ObjectMapper objectMapper)
            throws Exception {
        stateless(http.securityMatcher(RUNNER_PATHS))
                .addFilterBefore(
                        new RunnerSignatureAuthenticationFilter(
                                signature,
                                objectMapper,
                                properties.maxSignedBody().toBytes(),
                                Clock.systemUTC()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("RUNNER"))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                refusals.unauthorized(RunnerSignatureAuthenticationFilter.INVALID))
                        .accessDeniedHandler(refusals.forbidden()));
        return http.build();
    }

    /**
     * Voice providers' webhooks: no API key; the provider's signature, checked against the secret of
     * the connection the path names, authenticates each one (VoiceProvider.receive). Only the one
     * POST path exists. Its path is disjoint from the runner's, so the two chains share an order.
     */
    @Bean
    @Order(2)
    SecurityFilterChain providerWebhookChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        stateless(http.securityMatcher(PROVIDER_PATHS))
                .addFilterBefore(
                        new ProviderWebhookBodyFilter(
                                objectMapper, properties.maxSignedBody().toBytes()),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, PROVIDER_WEBHOOK)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals.notFound())
                        .accessDeniedHandler(refusals.notFoundWhenDenied()));
        return http.build();
    }

    /** The organization API: an API key, whose organization becomes the request's principal. */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(
            HttpSecurity http, OrganizationService organizations, RateLimiter rateLimiter, ObjectMapper objectMapper)
            throws Exception {
        stateless(http.securityMatcher("/api/**"))
                .addFilterBefore(
                        bearerFilter(ApiKeyAuthentication.manager(organizations), API_KEY_REFUSAL),
                        AuthorizationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimiter, objectMapper), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("API"))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals.unauthorized(API_KEY_REFUSAL))
                        .accessDeniedHandler(refusals.forbidden()));
        return http.build();
    }

    /** Actuator: health for load balancers and probes; the rest (metrics) behind its own token. */
    @Bean
    @Order(4)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        stateless(http.securityMatcher(EndpointRequest.toAnyEndpoint()));
        if (properties.actuatorTokenSet()) {
            http.addFilterBefore(
                    bearerFilter(
                            StaticTokenAuthentication.manager("actuator", properties.actuatorToken()),
                            ACTUATOR_REFUSAL),
                    AuthorizationFilter.class);
        }
        http.authorizeHttpRequests(a -> a.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .hasRole("ACTUATOR"))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                properties.actuatorTokenSet()
                                        ? refusals.unauthorized(ACTUATOR_REFUSAL)
                                        : refusals.notFound())
                        .accessDeniedHandler(refusals.forbidden()));
        return http.build();
    }

    /** The OpenAPI document and Swagger UI: public by default, else behind the admin token. */
    @Bean
    @Order(5)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        stateless(http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"));
        if (properties.publicApiDocs()) {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
        return adminOnly(http);
    }

    /**
     * Everything else does not exist. Error dispatches pass, so a status the container set on its
     * own (a malformed request) is rendered in the envelope instead of turning into this 404.
     */
    @Bean
    @Order(100)
    SecurityFilterChain fallbackChain(HttpSecurity http) throws Exception {
        stateless(http)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals.notFound())
                        .accessDeniedHandler(refusals.notFoundWhenDenied()));
        return http.build();
    }

    /** Behind the admin token; with none configured, closed (404). */
    private SecurityFilterChain adminOnly(HttpSecurity http) throws Exception {
        if (!properties.adminApiEnabled()) {
            return closed(http);
        }
        http.addFilterBefore(
                        bearerFilter(
                                StaticTokenAuthentication.manager("admin", properties.adminToken()), ADMIN_REFUSAL),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals.unauthorized(ADMIN_REFUSAL))
                        .accessDeniedHandler(refusals.forbidden()));
        return http.build();
    }

    private SecurityFilterChain closed(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals.notFound())
                        .accessDeniedHandler(refusals.notFoundWhenDenied()));
        return http.build();
    }

    /** No sessions, no CSRF (no cookies to ride on), no login forms: every request carries its credential. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable());
    }

    private AuthenticationFilter bearerFilter(AuthenticationManager manager, String refusal) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, BearerToken.CONVERTER);
        filter.setFailureHandler(refusals.failed(refusal));
        // continue down the chain on success; the default would redirect to a saved request
        filter.setSuccessHandler((request, response, authentication) -> {});
        return filter;
    }
}
