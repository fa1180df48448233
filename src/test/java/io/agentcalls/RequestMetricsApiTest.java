package io.agentcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route is measured in {@code http.server.requests}: Micrometer tags a request with its route
 * pattern and, past {@code max-uri-tags} distinct patterns, records no request to a new one.
 */
class RequestMetricsApiTest extends ApiTest {

    @Value("${management.metrics.web.server.max-uri-tags}")
    int maxUriTags;

    @Autowired
    ApplicationContext context;

    @Test
    void theUriTagLimitLeavesRoomForEveryRoutePattern() {
        Set<String> patterns = new HashSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().stream()
                        .map(RequestMappingInfo::getPatternValues)
                        .forEach(patterns::addAll));

        // the API's, the console's and the actuator's: near or past the default 100 already
        assertThat(patterns).hasSizeGreaterThan(90);
        assertThat(maxUriTags)
                .as("room for every route, the few untemplated tags (NOT_FOUND, UNKNOWN, root) and growth")
                .isGreaterThanOrEqualTo(patterns.size() * 2);
    }

    @Test
    void aRequestIsCountedUnderItsRoutePattern() {
        Response keys = get("/api/v1/api-keys", newOrganization());
        assertThat(keys.status()).as(keys.raw()).isEqualTo(200);

        Response metric = get("/actuator/metrics/http.server.requests?tag=uri:/api/v1/api-keys", ACTUATOR_TOKEN);

        assertThat(metric.status()).as(metric.raw()).isEqualTo(200);
        assertThat(metric.body().at("/measurements/0/value").asDouble()).isPositive();
    }
}
