package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.call.CallDispositionRecorded;
import io.agentcalls.initiation.InitiationCompleted;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deliveries to a real HTTP receiver: signatures, payloads, retries, Retry-After, 410, redirects. */
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theReceiversOwnVerifierIsRightAboutTheStandardWebhooksVector() {
        assertThat(expectedSignature(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "1614265330",
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aCommittedCallChangeIsDeliveredSignedWithTheStandardWebhooksHeaders() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");

        publishCommitted(callStatus(organizationOf(key), "call_1", "completed"));

        await().atMost(WAIT).until(() -> received(path).size() == 1);
        LoggedRequest request = received(path).get(0);
        assertThat(request.getHeader("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(request.getHeader("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
        assertThat(request.getHeader("webhook-signature")).startsWith("v1,").doesNotContain(" ");
        assertThat(verifies(request, webhook.secret())).isTrue();
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(request.getBodyAsString());
        assertThat(body.at("/type").asString()).isEqualTo("call.completed");
        assertThat(OffsetDateTime.parse(body.at("/timestamp").asString())).isNotNull();
        assertThat(body.at("/data/id").asString()).isEqualTo("call_1");
        assertThat(body.at("/data/durationSeconds").asInt()).isEqualTo(74);

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
        JsonNode delivery = firstDelivery(key, webhook.id());
        assertThat(delivery.at("/id").asString()).isEqualTo(request.getHeader("webhook-id"));
        assertThat(delivery.at("/eventType").asString()).isEqualTo("call.completed");
        assertThat(delivery.at("/attempts").asInt()).isEqualTo(1);
        assertThat(delivery.at("/lastResponseCode").asInt()).isEqualTo(200);
        assertThat(delivery.at("/lastAttemptAt").asString()).isNotBlank();
        assertThat(delivery.at("/nextAttemptAt").isNull()).isTrue();
        assertThat(delivery.has("attemptLog")).isFalse();
    }

    @Test
    void onlySubscribedEventsAreDeliveredAndQueuedOrCancelledNever() {
        String key = newOrganization();
        String org = organizationOf(key);
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(204)));
        Created webhook = createWebhook(key, urlOf(path), "call.answered", "call.disposition", "initiation.completed");

        publishCommitted(callStatus(org, "call_2", "queued"));
        publishCommitted(callStatus(org, "call_2", "cancelled"));
        publishCommitted(callStatus(org, "call_2", "completed"));
        publishCommitted(callStatus(org, "call_2", "in_progress"));
        publishCommitted(new CallDispositionRecorded(
                org, "call_2", OffsetDateTime.now(), Map.of("id", "call_2", "disposition", Map.of("code", "PTP"))));
        publishCommitted(new InitiationCompleted(org, "ini_1", OffsetDateTime.now(), Map.of("id", "ini_1")));

        await().atMost(WAIT).until(() -> received(path).size() == 3);
        List<String> types = received(path).stream()
                .map(r -> JSON.readTree(r.getBodyAsString()).at("/type").asString())
                .toList();
        assertThat(types).containsExactlyInAnyOrder("call.answered", "call.disposition", "initiation.completed");
        assertThat(received(path)).allMatch(r -> verifies(r, webhook.secret()));
        assertThat(deliveries(key, webhook.id()).body().at("/data").size()).isEqualTo(3);
    }

    @Test
    void aReceiverFailingTwiceGetsItOnTheThirdAttemptWithTheSameId() {
        String key = newOrganization();
        String path = newPath();
        String scenario = "flaky " + path;
        receiver.stubFor(posted(path)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database down"))
                .willSetStateTo("second"));
        receiver.stubFor(posted(path)
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("third"));
        receiver.stubFor(posted(path)
                .inScenario(scenario)
                .whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.failed");

        publishCommitted(callStatus(organizationOf(key), "call_3", "failed_to_initiate"));

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
        List<LoggedRequest> requests = received(path);
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .extracting(r -> r.getHeader("webhook-id"))
                .containsOnly(requests.get(0).getHeader("webhook-id"));
        assertThat(requests).allMatch(r -> verifies(r, webhook.secret()));
        JsonNode delivery = firstDelivery(key, webhook.id());
        assertThat(delivery.at("/attempts").asInt()).isEqualTo(3);
        assertThat(delivery.at("/lastResponseCode").asInt()).isEqualTo(200);

        JsonNode log = get(
                        "/api/v1/webhooks/" + webhook.id() + "/deliveries/"
                                + delivery.at("/id").asString(),
                        key)
                .body()
                .at("/data/attemptLog");
        assertThat(log.size()).isEqualTo(3);
        assertThat(List.of(
                        log.get(0).at("/responseCode").asInt(),
                        log.get(1).at("/responseCode").asInt(),
                        log.get(2).at("/responseCode").asInt()))
                .containsExactly(500, 502, 200);
        assertThat(log.get(0).at("/responseBody").asString()).isEqualTo("database down");
    }

    @Test
    void retryAfterOnA429IsHonoured() {
        String key = newOrganization();
        String path = newPath();
        String scenario = "throttled " + path;
        receiver.stubFor(posted(path)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
                .willSetStateTo("ok"));
        receiver.stubFor(posted(path)
                .inScenario(scenario)
                .whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.voicemail");

        publishCommitted(callStatus(organizationOf(key), "call_4", "voicemail"));

        await().atMost(WAIT).until(() -> received(path).size() == 2);
        List<LoggedRequest> requests = received(path);
        long gapMillis = requests.get(1).getLoggedDate().getTime()
                - requests.get(0).getLoggedDate().getTime();
        // without Retry-After the scaled schedule would retry after 5 ms
        assertThat(gapMillis).isGreaterThanOrEqualTo(2000);
        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
    }

    @Test
    void goneDisablesTheEndpointAndStopsDeliveries() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(410)));
        Created webhook = createWebhook(key, urlOf(path), "call.ringing");

        publishCommitted(callStatus(organizationOf(key), "call_5", "ringing"));

        await().atMost(WAIT)
                .until(() -> !get("/api/v1/webhooks/" + webhook.id(), key)
                        .body()
                        .at("/data/active")
                        .asBoolean());
        JsonNode endpoint = get("/api/v1/webhooks/" + webhook.id(), key).body().at("/data");
        assertThat(endpoint.at("/disabledReason").asString()).isEqualTo("the endpoint answered 410 Gone");
        JsonNode delivery = firstDelivery(key, webhook.id());
        assertThat(delivery.at("/status").asString()).isEqualTo("failed");
        assertThat(delivery.at("/lastResponseCode").asInt()).isEqualTo(410);
        assertThat(delivery.at("/nextAttemptAt").isNull()).isTrue();

        publishCommitted(callStatus(organizationOf(key), "call_6", "ringing"));
        assertThat(deliveries(key, webhook.id()).body().at("/data").size()).isEqualTo(1);
        String deliveryId = delivery.at("/id").asString();
        Response redeliver =
                post("/api/v1/webhooks/" + webhook.id() + "/deliveries/" + deliveryId + "/redeliver", key, null);
        assertThat(redeliver.status()).isEqualTo(409);
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void redirectsAreNotFollowedAndAtMost1KbOfABodyIsKept() {
        String key = newOrganization();
        String path = newPath();
        String elsewhere = newPath();
        receiver.stubFor(posted(path)
                .willReturn(aResponse()
                        .withStatus(307)
                        .withHeader("Location", urlOf(elsewhere))
                        .withBody("x".repeat(5000))));
        receiver.stubFor(posted(elsewhere).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");

        publishCommitted(callStatus(organizationOf(key), "call_7", "completed"));

        await().atMost(WAIT)
                .until(() -> firstDelivery(key, webhook.id()).at("/attempts").asInt() >= 2);
        JsonNode delivery = firstDelivery(key, webhook.id());
        assertThat(delivery.at("/status").asString()).isEqualTo("failed");
        assertThat(delivery.at("/lastResponseCode").asInt()).isEqualTo(307);
        assertThat(received(elsewhere)).isEmpty();
        JsonNode log = get(
                        "/api/v1/webhooks/" + webhook.id() + "/deliveries/"
                                + delivery.at("/id").asString(),
                        key)
                .body()
                .at("/data/attemptLog");
        assertThat(log.get(0).at("/responseBody").asString()).hasSize(1024);
        delete("/api/v1/webhooks/" + webhook.id(), key); // stop its retries
    }

    @Test
    void theAttemptLogRecordsWhyInWordsNotExceptionText() throws Exception {
        String key = newOrganization();
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Created refused = createWebhook(key, "http://localhost:" + closedPort + "/hook", "call.completed");
        // https spoken to the plain-http receiver
        Created plain = createWebhook(key, "https://localhost:" + receiver.port() + "/hook", "call.completed");

        publishCommitted(callStatus(organizationOf(key), "call_8", "completed"));

        assertThat(firstAttemptError(key, refused.id())).isEqualTo("connection refused");
        assertThat(firstAttemptError(key, plain.id())).isEqualTo("TLS failure");
        delete("/api/v1/webhooks/" + refused.id(), key); // stop their retries
        delete("/api/v1/webhooks/" + plain.id(), key);
    }

    private String firstAttemptError(String key, String webhookId) {
        await().atMost(WAIT)
                .until(() -> firstDelivery(key, webhookId).at("/attempts").asInt() >= 1);
        String deliveryId = firstDelivery(key, webhookId).at("/id").asString();
        JsonNode log = get("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId, key)
                .body()
                .at("/data/attemptLog");
        assertThat(log.get(0).at("/responseCode").isNull()).isTrue();
        return log.get(0).at("/error").asString();
    }

    JsonNode firstDelivery(String key, String webhookId) {
        return deliveries(key, webhookId).body().at("/data/0");
    }
}
