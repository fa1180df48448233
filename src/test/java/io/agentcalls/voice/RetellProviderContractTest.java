package io.agentcalls.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Retell adapter against a stub that answers as Retell's SDK types say and checks our requests. */
class RetellProviderContractTest {

    static final String KEY = "key_retell_0123456789abcdef";
    static final String CALL_ID = "call_0190aaaabbbbccccddddeeeeffff0001";

    private WireMockServer retell;
    private RetellProvider provider;
    private ProviderConnection connection;

    @BeforeEach
    void stubRetell() {
        retell = new WireMockServer(options().dynamicPort());
        retell.start();
        Duration timeout = Duration.ofSeconds(5);
        provider = new RetellProvider(
                new ProviderProperties(
                        new ProviderProperties.Vapi(URI.create("https://api.vapi.ai"), timeout, timeout),
                        new ProviderProperties.Retell(URI.create(retell.baseUrl()), Duration.ofMillis(500), timeout),
                        Duration.ofDays(30)),
                JsonMapper.builder().build());
        connection =
                new ProviderConnection("vcn_2", "org_1", "retell", URI.create(retell.baseUrl()), KEY, null, 10, null);
    }

    @AfterEach
    void stop() {
        retell.stop();
    }

    private static Dial dial() {
        return new Dial(
                CALL_ID,
                "+919812345678",
                "+14155550100",
                null,
                "agent_abc",
                Map.of("name", "Asha", "emi_amount", "4500"));
    }

    @Test
    void aPlacedCallIsCreatedAsTheSdkSaysAndAnsweredWithRetellsCallId() {
        retell.stubFor(post(urlEqualTo("/v2/create-phone-call"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"call_id\":\"retell-call-1\",\"agent_id\":\"agent_abc\",\"agent_version\":1,"
                                + "\"call_status\":\"registered\",\"call_type\":\"phone_call\",\"direction\":"
                                + "\"outbound\",\"from_number\":\"+14155550100\",\"to_number\":\"+919812345678\"}")));

        DialOutcome outcome = provider.place(connection, dial());

        assertThat(outcome).isEqualTo(new DialOutcome.Placed("retell-call-1"));
        List<LoggedRequest> requests = retell.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        assertThat(ProviderContracts.retellCreatePhoneCall(requests.get(0), KEY, CALL_ID))
                .isEmpty();
        assertThat(requests.get(0).getBodyAsString())
                .contains("\"override_agent_id\":\"agent_abc\"")
                .contains("\"emi_amount\":\"4500\"");
    }

    @Test
    void answersBecomeOutcomes() {
        Map<Integer, Class<? extends DialOutcome>> expected = Map.of(
                400, DialOutcome.Refused.class,
                404, DialOutcome.Refused.class,
                422, DialOutcome.Refused.class,
                401, DialOutcome.RetryLater.class,
                429, DialOutcome.RetryLater.class,
                500, DialOutcome.RetryLater.class,
                503, DialOutcome.RetryLater.class,
                504, DialOutcome.Unknown.class);
        expected.forEach((status, outcome) -> {
            retell.resetAll();
            retell.stubFor(post(urlEqualTo("/v2/create-phone-call"))
                    .willReturn(
                            aResponse().withStatus(status).withBody("{\"error_message\":\"nope " + status + "\"}")));
            DialOutcome answered = provider.place(connection, dial());
            assertThat(answered).as("HTTP %d", status).isInstanceOf(outcome);
            if (answered instanceof DialOutcome.Refused refused) {
                assertThat(refused.reason()).isEqualTo("retell " + status + ": nope " + status);
            }
        });
    }

    @Test
    void hangingUpStopsTheCallAndAGoneCallIsNoError() {
        retell.stubFor(post(urlEqualTo("/v2/stop-call/retell-call-1"))
                .willReturn(aResponse().withStatus(204)));
        retell.stubFor(
                post(urlEqualTo("/v2/stop-call/gone")).willReturn(aResponse().withStatus(404)));

        provider.hangUp(connection, "retell-call-1");
        provider.hangUp(connection, "gone");

        assertThat(retell.getAllServeEvents()).hasSize(2);
        assertThat(retell.getAllServeEvents())
                .allSatisfy(e ->
                        assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void theCheckListsAgentsWithTheKey() {
        retell.stubFor(post(urlPathEqualTo("/v2/list-agents"))
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        assertThat(provider.check(connection)).isEqualTo(ConnectionCheck.passed());

        retell.resetAll();
        retell.stubFor(
                post(urlPathEqualTo("/v2/list-agents")).willReturn(aResponse().withStatus(403)));
        assertThat(provider.check(connection).ok()).isFalse();
    }
}
