package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 7: one organization whose webhook endpoint hangs and who runs a huge initiation does
 * not hold up another's. Its deliveries in flight stay within its cap
 * ({@code agentcalls.webhooks.max-in-flight-per-organization}, 4), so the other's are delivered at
 * once; and the other's initiation is answered while the huge one is still being dispatched.
 */
class FairnessBetweenOrganizationsTest extends HttpRunnerApiTest {

    private static final int HUGE = 6_000;

    private final WireMockServer receivers = new WireMockServer(wireMockConfig().dynamicPort());
    private CallingSetup busy;
    private CallingSetup other;
    private String busyWebhook;

    @BeforeEach
    void twoOrganizations() {
        receivers.start();
        // the busy organization's endpoint hangs past the delivery timeout; the other's answers at once
        receivers.stubFor(WireMock.post(urlEqualTo("/busy"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(20_000)));
        receivers.stubFor(
                WireMock.post(urlEqualTo("/other")).willReturn(aResponse().withStatus(200)));
        RUNNER.resetAll();
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")));
        busy = CallingSetup.create(this);
        other = CallingSetup.create(this);
        // the busy organization's batches are slow (well within the runner timeout of this context)
        RUNNER.stubFor(WireMock.post(urlEqualTo("/batches"))
                .withRequestBody(matchingJsonPath("$.campaignId", equalTo(busy.campaignId)))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(300)));
        busy.upsert(busy.customers("B", HUGE));
        other.upsert(other.customers("X", 3));
        busyWebhook = webhook(busy, "/busy");
        webhook(other, "/other");
    }

    @AfterEach
    void stopReceivers() {
        // its thousands of pending deliveries go with the endpoint
        delete("/api/v1/webhooks/" + busyWebhook, busy.key);
        receivers.stop();
    }

    @Test
    void aSecondOrganizationProceedsWhileTheFirstsEndpointHangsAndItRunsAHugeInitiation() {
        CompletableFuture<Long> hugeAnsweredAt = CompletableFuture.supplyAsync(() -> {
            ApiTest.Response response = busy.initiate();
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            assertThat(response.body().at("/results/initiated").asInt()).isEqualTo(HUGE);
            return System.nanoTime();
        });
        // the huge initiation is being dispatched, and its calls' webhooks fill the hanging endpoint
        await().atMost(Duration.ofSeconds(30)).until(() -> !received("/busy").isEmpty());

        ApiTest.Response answered = other.initiate();
        long otherAnsweredAt = System.nanoTime();

        assertThat(answered.status()).isEqualTo(200);
        // the other organization's webhooks are delivered while the hanging endpoint holds its workers
        await().atMost(Duration.ofSeconds(10)).until(() -> received("/other").size() == 3);
        // the hanging endpoint holds no more than its organization's cap of workers (two pollers in
        // this JVM may each fill it once at the same moment: the cap bounds, it does not count exactly)
        assertThat(received("/busy").size()).isBetween(1, 8);
        assertThat(otherAnsweredAt)
                .as("the other organization is answered before the huge initiation is")
                .isLessThan(hugeAnsweredAt.join());
    }

    private List<?> received(String path) {
        return receivers.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private String webhook(CallingSetup setup, String path) {
        ApiTest.Response created = post(
                "/api/v1/webhooks",
                setup.key,
                json("url", receivers.baseUrl() + path, "events", List.of("call.initiated")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().at("/data/id").asString();
    }
}
