package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.agentcalls.support.ApiTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Spring context of the tests against a fake HTTP runner (WireMock): the suite's second context
 * (the runner is chosen at start-up), shared by every class extending this one, and the embedded
 * PostgreSQL shared with the first. Test classes run one after the other, each resetting the runner.
 */
abstract class HttpRunnerApiTest extends ApiTest {

    static final String SECRET = "test-runner-secret-0123456789abcdef0123456789";
    static final WireMockServer RUNNER = new WireMockServer(wireMockConfig()
            .dynamicPort()
            .extensions(
                    new HttpRunnerInitiationApiTest.AcceptEveryCall(),
                    new HttpRunnerInitiationApiTest.RejectCustomer()));

    static {
        RUNNER.start();
    }

    @DynamicPropertySource
    static void runnerUrl(DynamicPropertyRegistry registry) {
        registry.add("agentcalls.runner.url", RUNNER::baseUrl);
        registry.add("agentcalls.runner.secret", () -> SECRET);
        registry.add("agentcalls.runner.timeout", () -> "1s");
        // this context sends the cancels its runner must acknowledge in the background, quickly
        registry.add("agentcalls.runner.cancels.poll-interval", () -> "200ms");
        registry.add("agentcalls.runner.cancels.first-retry", () -> "200ms");
        registry.add("agentcalls.runner.cancels.max-retry", () -> "1s");
    }
}
