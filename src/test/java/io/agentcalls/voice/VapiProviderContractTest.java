package io.agentcalls.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Vapi adapter against a stub that answers as Vapi's OpenAPI document says and checks our requests. */
class VapiProviderContractTest {

    static final String KEY = "vapi-private-key-0123456789";
    static final String CALL_ID = "call_0190aaaabbbbccccddddeeeeffff0000";

    private WireMockServer vapi;
    private VapiProvider provider;
    private ProviderConnection connection;

    @BeforeEach
    void stubVapi() {
        vapi = new WireMockServer(options().dynamicPort());
        vapi.start();
        provider = provider(URI.create(vapi.baseUrl()), Duration.ofSeconds(5));
        connection = new ProviderConnection(
                "vcn_1", "org_1", "vapi", URI.create(vapi.baseUrl()), KEY, "server-secret", 10, null);
    }

    @AfterEach
    void stop() {
        vapi.stop();
    }

    static VapiProvider provider(URI baseUrl, Duration timeout) {
        return new VapiProvider(
                new ProviderProperties(
                        new ProviderProperties.Vapi(baseUrl, Duration.ofMillis(500), timeout),
                        new ProviderProperties.Retell(URI.create("https://api.retellai.com"), timeout, timeout),
                        java.time.Duration.ofDays(30)),
                JsonMapper.builder().build());
    }

    static Dial dial() {
        return new Dial(CALL_ID, "+919812345678", "+918045550100", "pn_vapi_1", "asst_1", Map.of("name", "Asha"));
    }

    @Test
    void aPlacedCallIsCreatedAsTheContractSaysAndAnsweredWithVapisCallId() {
        vapi.stubFor(post(urlEqualTo("/call"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"vapi-call-1\",\"orgId\":\"o\",\"createdAt\":\"2026-01-01T00:00:00Z\","
                                + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"status\":\"queued\"}")));

        DialOutcome outcome = provider.place(connection, dial());

        assertThat(outcome).isEqualTo(new DialOutcome.Placed("vapi-call-1"));
        List<LoggedRequest> requests = vapi.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        assertThat(ProviderContracts.vapiCreateCall(requests.get(0), KEY, CALL_ID))
                .isEmpty();
        assertThat(requests.get(0).getBodyAsString())
                .contains("\"assistantId\":\"asst_1\"")
                .contains("\"phoneNumberId\":\"pn_vapi_1\"")
                .contains("\"number\":\"+919812345678\"")
                .contains("\"variableValues\":{\"name\":\"Asha\"}")
                .contains("\"controlEnabled\":true");
    }

    @Test
    void vapisValidationErrorsRefuseTheCallWithVapisMessage() {
        vapi.stubFor(post(urlEqualTo("/call"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":[\"customer.number must be a valid phone number\"],"
                                + "\"error\":\"Bad Request\",\"statusCode\":400}")));

        DialOutcome outcome = provider.place(connection, dial());

        assertThat(outcome).isInstanceOf(DialOutcome.Refused.class);
        assertThat(((DialOutcome.Refused) outcome).reason()).contains("customer.number must be a valid phone number");
    }

    @Test
    void unknownAssistantAndUnprocessableAreRefusals() {
        for (int status : new int[] {404, 422}) {
            vapi.resetAll();
            vapi.stubFor(post(urlEqualTo("/call"))
                    .willReturn(aResponse().withStatus(status).withBody("{\"message\":\"Couldn't Find Assistant\"}")));
            assertThat(provider.place(connection, dial()))
                    .as("HTTP %d", status)
                    .isEqualTo(new DialOutcome.Refused("vapi " + status + ": Couldn't Find Assistant"));
        }
    }

    @Test
    void tooManyRequestsWaitsAsLongAsVapiAsks() {
        vapi.stubFor(
                post(urlEqualTo("/call")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        DialOutcome outcome = provider.place(connection, dial());

        assertThat(outcome).isInstanceOf(DialOutcome.RetryLater.class);
        assertThat(((DialOutcome.RetryLater) outcome).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void serverErrorsAreRetriedButAGatewayTimeoutMayHavePlacedTheCall() {
        vapi.stubFor(post(urlEqualTo("/call")).willReturn(aResponse().withStatus(500)));
        assertThat(provider.place(connection, dial())).isInstanceOf(DialOutcome.RetryLater.class);

        vapi.resetAll();
        vapi.stubFor(post(urlEqualTo("/call")).willReturn(aResponse().withStatus(504)));
        assertThat(provider.place(connection, dial())).isInstanceOf(DialOutcome.Unknown.class);
    }

    @Test
    void noAnswerInTimeIsUnknownBecauseTheCallMayBeRinging() {
        vapi.stubFor(post(urlEqualTo("/call"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withBody("{\"id\":\"late\"}")
                        .withFixedDelay(3_000)));
        VapiProvider impatient = provider(URI.create(vapi.baseUrl()), Duration.ofMillis(800));

        assertThat(impatient.place(connection, dial())).isInstanceOf(DialOutcome.Unknown.class);
    }

    @Test
    void aResetAfterSendingIsUnknown() {
        vapi.stubFor(post(urlEqualTo("/call")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(provider.place(connection, dial())).isInstanceOf(DialOutcome.Unknown.class);
    }

    @Test
    void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VapiProvider unreachable = provider(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1));

        assertThat(unreachable.place(connection, dial())).isInstanceOf(DialOutcome.RetryLater.class);
    }

    @Test
    void aDialWithoutTheProvidersIdsIsRefusedWithoutARequest() {
        Dial noNumberId = new Dial(CALL_ID, "+919812345678", "+918045550100", null, "asst_1", Map.of());
        Dial noAssistant = new Dial(CALL_ID, "+919812345678", "+918045550100", "pn_1", null, Map.of());

        assertThat(provider.place(connection, noNumberId)).isInstanceOf(DialOutcome.Refused.class);
        assertThat(provider.place(connection, noAssistant)).isInstanceOf(DialOutcome.Refused.class);
        assertThat(vapi.getAllServeEvents()).isEmpty();
    }

    @Test
    void hangingUpEndsTheCallThroughItsControlUrl() {
        vapi.stubFor(get(urlEqualTo("/call/vapi-call-1"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"id\":\"vapi-call-1\",\"status\":\"ringing\",\"monitor\":{\"controlUrl\":\""
                                + vapi.baseUrl() + "/control/abc\"}}")));
        vapi.stubFor(post(urlEqualTo("/control/abc")).willReturn(aResponse().withStatus(200)));

        provider.hangUp(connection, "vapi-call-1");

        List<LoggedRequest> control = vapi.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/control/abc")));
        assertThat(control).hasSize(1);
        assertThat(control.get(0).getBodyAsString()).isEqualTo("{\"type\":\"end-call\"}");
        assertThat(vapi.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                urlEqualTo("/call/vapi-call-1")))
                        .get(0)
                        .getHeader("Authorization"))
                .isEqualTo("Bearer " + KEY);
    }

    @Test
    void hangingUpACallVapiNoLongerKnowsIsNotAnError() {
        vapi.stubFor(get(urlEqualTo("/call/gone")).willReturn(aResponse().withStatus(404)));

        provider.hangUp(connection, "gone");

        assertThat(vapi.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theCheckReadsWithTheKeyAndReportsARefusedKey() {
        vapi.stubFor(get(urlPathEqualTo("/assistant"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        assertThat(provider.check(connection)).isEqualTo(ConnectionCheck.passed());
        assertThat(vapi.getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
                .isEqualTo("Bearer " + KEY);

        vapi.resetAll();
        vapi.stubFor(get(urlPathEqualTo("/assistant")).willReturn(aResponse().withStatus(401)));
        ConnectionCheck refused = provider.check(connection);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.message()).contains("401");
    }
}
