package io.agentcalls.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP runner is told of cancelled calls with a signed {@code POST {runnerUrl}/cancel}. */
class HttpRunnerCancelTest {

    private final RunnerSignature signature = new RunnerSignature("shared-secret");
    private WireMockServer server;
    private HttpWorkflowRunner runner;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        runner = new HttpWorkflowRunner(
                server.baseUrl() + "/",
                Duration.ofSeconds(2),
                signature,
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void cancelPostsTheCallIdsSignedLikeBatches() {
        server.stubFor(post("/cancel").willReturn(aResponse().withStatus(200)));

        runner.cancel("org_1", List.of("call_a", "call_b"));

        server.verify(postRequestedFor(urlEqualTo("/cancel"))
                .withRequestBody(equalToJson("{\"callIds\":[\"call_a\",\"call_b\"]}")));
        LoggedRequest request = server.getAllServeEvents().get(0).getRequest();
        assertThat(signature.verify(
                        request.getHeader(RunnerSignature.TIMESTAMP_HEADER),
                        request.getBody(),
                        request.getHeader(RunnerSignature.SIGNATURE_HEADER)))
                .isTrue();
    }

    @Test
    void aRunnerErrorIsARunnerFailure() {
        server.stubFor(
                post("/cancel").willReturn(aResponse().withStatus(503).withBody("{\"reason\":\"maintenance\"}")));

        assertThatThrownBy(() -> runner.cancel("org_1", List.of("call_a")))
                .isInstanceOf(RunnerFailure.class)
                .hasMessage("maintenance");
    }
}
