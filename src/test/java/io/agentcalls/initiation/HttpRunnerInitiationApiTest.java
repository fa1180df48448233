package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.agentcalls.runner.RunnerSignature;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP workflow runner against a fake runner (WireMock). This is the suite's second Spring
 * context (the runner is chosen at start-up); it shares the embedded PostgreSQL with the first.
 */
class HttpRunnerInitiationApiTest extends HttpRunnerApiTest {

    /** By default the fake runner accepts every call it is sent. */
    static final class AcceptEveryCall implements ResponseTransformerV2 {
        @Override
        public com.github.tomakehurst.wiremock.http.Response transform(
                com.github.tomakehurst.wiremock.http.Response response, ServeEvent event) {
            if (!event.getRequest().getUrl().equals("/batches")
                    || response.getStatus() != 200
                    || !response.getBodyAsString().isEmpty()) {
                return response;
            }
            JsonNode batch = JSON.readTree(event.getRequest().getBodyAsString());
            List<String> ids = new ArrayList<>();
            batch.path("calls").forEach(c -> ids.add(c.path("callId").asString()));
            return com.github.tomakehurst.wiremock.http.Response.Builder.like(response)
                    .but()
                    .body(JSON.writeValueAsString(Map.of("accepted", ids, "rejected", List.of())))
                    .build();
        }

        @Override
        public String getName() {
            return "accept-every-call";
        }
    }

    private CallingSetup setup;

    @BeforeEach
    void freshRunnerAndOrganization() {
        RUNNER.resetAll();
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        setup = CallingSetup.create(this);
    }

    @Test
    void allAcceptedSignedAndSpeakingTheProtocol() {
        setup.upsert(setup.customers("H", 3));

        ApiTest.Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(3);
        var requests = RUNNER.findAll(postRequestedFor(urlEqualTo("/batches")));
        assertThat(requests).hasSize(1);
        var request = requests.get(0);
        JsonNode batch = JSON.readTree(request.getBodyAsString());
        assertThat(batch.at("/batch").asInt()).isEqualTo(1);
        assertThat(batch.at("/campaignId").asString()).isEqualTo(setup.campaignId);
        assertThat(batch.at("/initiationId").asString())
                .isEqualTo(response.body().at("/results/initiationId").asString());
        assertThat(batch.at("/agent/id").asString()).isEqualTo(setup.agentId);
        assertThat(batch.at("/dispositionId").asString()).isEqualTo(setup.dispositionId);
        assertThat(batch.at("/calls/0/customerId").asString()).isEqualTo("H-00001");
        assertThat(batch.at("/calls/0/from").asString()).isEqualTo("+918045550100");
        assertThat(batch.at("/calls/0/to").asString()).startsWith("+91");
        assertThat(batch.at("/calls/0/variables/name").asString()).isEqualTo("Customer H-00001");
        assertThat(batch.at("/calls/0/variables/emi_amount").asString()).isEqualTo("5000.00");
        String timestamp = request.getHeader(RunnerSignature.TIMESTAMP_HEADER);
        assertThat(new RunnerSignature(SECRET)
                        .verify(timestamp, request.getBody(), request.getHeader(RunnerSignature.SIGNATURE_HEADER)))
                .isTrue();
        assertThat(setup.calls().countByStatus()).containsExactly(Map.entry("initiated", 3L));
    }

    @Test
    void oneBatchAnswering500FailsThatBatchOnly() {
        setup.upsert(setup.customers("F", 600));
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .withRequestBody(matchingJsonPath("$.batch", equalTo("2")))
                .willReturn(aResponse().withStatus(500).withBody("{\"reason\":\"Runner overloaded\"}")));

        ApiTest.Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(207);
        assertThat(response.body().at("/message").asString()).isEqualTo("Calls initiated for 500 of 600 customers");
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(500);
        assertThat(response.body().at("/results/failed").asInt()).isEqualTo(100);
        assertThat(response.body().at("/results/batchesProcessed").asInt()).isEqualTo(2);
        assertThat(response.body().at("/results/errors").toString())
                .isEqualTo(
                        "[{\"batch\":2,\"error\":\"Call initiation failed\",\"reason\":\"Runner overloaded\",\"affectedCustomers\":100}]");
        assertThat(setup.calls().countByStatus())
                .containsEntry("initiated", 500L)
                .containsEntry("failed_to_initiate", 100L);
    }

    @Test
    void aBatchTimingOutFailsWithTheContractsReason() {
        setup.upsert(setup.customers("TO", 2));
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        ApiTest.Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().at("/message").asString()).isEqualTo("Calls initiated for 0 of 2 customers");
        assertThat(response.body().at("/results/errors").toString())
                .isEqualTo(
                        "[{\"batch\":1,\"error\":\"Call initiation failed\",\"reason\":\"Workflow runner timeout\",\"affectedCustomers\":2}]");
        assertThat(setup.calls().countByStatus()).containsExactly(Map.entry("failed_to_initiate", 2L));
    }

    @Test
    void allFailingIs500WithTheResults() {
        setup.upsert(setup.customers("AF", 501));
        RUNNER.stubFor(
                WireMock.post(urlEqualTo("/batches")).willReturn(aResponse().withStatus(503)));

        ApiTest.Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/results/failed").asInt()).isEqualTo(501);
        assertThat(response.body().at("/results/errors").size()).isEqualTo(2);
        assertThat(response.body().at("/results/errors/0/reason").asString())
                .isEqualTo("Workflow runner answered HTTP 503");
        assertThat(setup.calls().countByStatus()).containsExactly(Map.entry("failed_to_initiate", 501L));
    }

    @Test
    void rejectedCallsFailWithTheRunnersReason() {
        setup.upsert(setup.customers("RJ", 3));
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withTransformers(RejectCustomer.NAME)));

        ApiTest.Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(207);
        assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(2);
        assertThat(response.body().at("/results/failed").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/errors").toString())
                .isEqualTo("[{\"batch\":1,\"error\":\"Call initiation failed\",\"reason\":\"Number is invalid\","
                        + "\"affectedCustomers\":1}]");
        assertThat(jdbc.sql("SELECT customer_id || ' ' || failure_reason FROM calls WHERE campaign_id = :c"
                                + " AND status = 'failed_to_initiate'")
                        .param("c", setup.campaignId)
                        .query(String.class)
                        .list())
                .containsExactly("RJ-00003 Number is invalid");
    }

    /** Rejects the calls of customers whose id ends in 3, accepts the rest. */
    static final class RejectCustomer implements ResponseTransformerV2 {
        static final String NAME = "reject-customer";

        @Override
        public com.github.tomakehurst.wiremock.http.Response transform(
                com.github.tomakehurst.wiremock.http.Response response, ServeEvent event) {
            JsonNode batch = JSON.readTree(event.getRequest().getBodyAsString());
            List<String> accepted = new ArrayList<>();
            List<Map<String, String>> rejected = new ArrayList<>();
            batch.path("calls").forEach(c -> {
                if (c.path("customerId").asString().endsWith("3")) {
                    rejected.add(Map.of("callId", c.path("callId").asString(), "reason", "Number is invalid"));
                } else {
                    accepted.add(c.path("callId").asString());
                }
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accepted", accepted);
            body.put("rejected", rejected);
            return com.github.tomakehurst.wiremock.http.Response.Builder.like(response)
                    .but()
                    .body(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
