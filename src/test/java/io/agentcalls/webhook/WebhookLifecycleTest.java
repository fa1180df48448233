package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A delivery's life after the first attempt: parking, exhaustion, redelivery, rotation, tenancy. */
class WebhookLifecycleTest extends WebhookTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void disablingParksDeliveriesAndEnablingSendsThem() throws InterruptedException {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(500)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");
        publishCommitted(callStatus(organizationOf(key), "call_p", "completed"));
        await().atMost(WAIT)
                .until(() -> "failed"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));

        patch("/api/v1/webhooks/" + webhook.id(), key, "{\"active\":false}");
        await().atMost(WAIT)
                .until(() ->
                        firstDelivery(key, webhook.id()).at("/nextAttemptAt").isNull());
        int attemptsWhenDisabled = received(path).size();
        Thread.sleep(1500); // the scaled schedule would have retried twice by now
        assertThat(received(path)).hasSize(attemptsWhenDisabled);

        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        patch("/api/v1/webhooks/" + webhook.id(), key, "{\"active\":true}");
        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
    }

    @Test
    void aDeliveryIsExhaustedAfterTheScheduleAndCanBeRedelivered() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(500)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");
        inTransaction(tx -> {
            publisher.publishEvent(callStatus(organizationOf(key), "call_x", "completed"));
            // as if nine scheduled attempts had failed already: this is the tenth and last
            jdbc.sql("UPDATE webhook_deliveries SET schedule_position = 9 WHERE organization_id = :org")
                    .param("org", organizationOf(key))
                    .update();
        });
        await().atMost(WAIT)
                .until(() -> "exhausted"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
        JsonNode exhausted = firstDelivery(key, webhook.id());
        assertThat(exhausted.at("/nextAttemptAt").isNull()).isTrue();
        assertThat(exhausted.at("/lastResponseCode").asInt()).isEqualTo(500);

        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        String deliveryId = exhausted.at("/id").asString();
        Response redelivered =
                post("/api/v1/webhooks/" + webhook.id() + "/deliveries/" + deliveryId + "/redeliver", key, null);
        assertThat(redelivered.status()).isEqualTo(202);
        assertThat(redelivered.body().at("/data/id").asString()).isEqualTo(deliveryId);
        assertThat(redelivered.body().at("/data/status").asString()).isEqualTo("pending");

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
        assertThat(firstDelivery(key, webhook.id()).at("/attempts").asInt()).isEqualTo(2);
        assertThat(received(path)).extracting(r -> r.getHeader("webhook-id")).containsExactly(deliveryId, deliveryId);
    }

    @Test
    void aDeliveryBeingAttemptedCannotBeRedeliveredAtTheSameTime() {
        String key = newOrganization();
        Created webhook = createWebhook(key, urlOf(newPath()), "call.completed");
        inTransaction(tx -> {
            publisher.publishEvent(callStatus(organizationOf(key), "call_b", "completed"));
            claimAsADeadNode(organizationOf(key), "now() + interval '5 minutes'");
        });
        String deliveryId = firstDelivery(key, webhook.id()).at("/id").asString();

        Response busy =
                post("/api/v1/webhooks/" + webhook.id() + "/deliveries/" + deliveryId + "/redeliver", key, null);

        assertThat(busy.status()).isEqualTo(409);
        delete("/api/v1/webhooks/" + webhook.id(), key);
    }

    @Test
    void afterRotationBothSecretsSignUntilTheOldOneExpires() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");
        String newSecret = post("/api/v1/webhooks/" + webhook.id() + "/rotate-secret", key, null)
                .body()
                .at("/data/secret")
                .asString();

        publishCommitted(callStatus(organizationOf(key), "call_s1", "completed"));
        await().atMost(WAIT).until(() -> received(path).size() == 1);
        LoggedRequest duringOverlap = received(path).get(0);
        String[] signatures = duringOverlap.getHeader("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(verifies(duringOverlap, newSecret)).isTrue();
        assertThat(verifies(duringOverlap, webhook.secret())).isTrue();

        jdbc.sql("UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second'"
                        + " WHERE organization_id = :org")
                .param("org", organizationOf(key))
                .update();
        publishCommitted(callStatus(organizationOf(key), "call_s2", "completed"));
        await().atMost(WAIT).until(() -> received(path).size() == 2);
        LoggedRequest afterOverlap = received(path).stream()
                .filter(r -> r.getBodyAsString().contains("call_s2"))
                .findFirst()
                .orElseThrow();
        assertThat(afterOverlap.getHeader("webhook-signature")).doesNotContain(" ");
        assertThat(verifies(afterOverlap, newSecret)).isTrue();
        assertThat(verifies(afterOverlap, webhook.secret())).isFalse();
    }

    @Test
    void anotherOrganizationsEventsAndDeliveriesStayApart() {
        String keyA = newOrganization();
        String keyB = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(keyA, urlOf(path), "call.completed");

        publishCommitted(callStatus(organizationOf(keyB), "call_b1", "completed"));
        publishCommitted(callStatus(organizationOf(keyA), "call_a1", "completed"));

        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(keyA, webhook.id()).at("/status").asString()));
        assertThat(received(path)).hasSize(1);
        assertThat(received(path).get(0).getBodyAsString()).contains("call_a1").doesNotContain("call_b1");

        String deliveries = "/api/v1/webhooks/" + webhook.id() + "/deliveries";
        String deliveryId = firstDelivery(keyA, webhook.id()).at("/id").asString();
        assertThat(get(deliveries, keyB).status()).isEqualTo(404);
        assertThat(get(deliveries + "/" + deliveryId, keyB).status()).isEqualTo(404);
        assertThat(post(deliveries + "/" + deliveryId + "/redeliver", keyB, null)
                        .status())
                .isEqualTo(404);
        assertThat(firstDelivery(keyA, webhook.id()).at("/attempts").asInt()).isEqualTo(1);
        assertThat(firstDelivery(keyA, webhook.id()).at("/status").asString()).isEqualTo("delivered");
    }

    @Test
    void deliveriesAreListedNewestFirstWithACursor() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");
        for (int i = 0; i < 3; i++) {
            publishCommitted(callStatus(organizationOf(key), "call_n" + i, "completed"));
        }
        await().atMost(WAIT).until(() -> received(path).size() == 3);

        Response first = get("/api/v1/webhooks/" + webhook.id() + "/deliveries?limit=2", key);
        Response second = get(
                "/api/v1/webhooks/" + webhook.id() + "/deliveries?limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);
        List<String> ids = new ArrayList<>();
        first.body().at("/data").forEach(d -> ids.add(d.at("/id").asString()));
        second.body().at("/data").forEach(d -> ids.add(d.at("/id").asString()));
        assertThat(ids).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(second.body().has("nextCursor")).isFalse();
        Set<String> sentIds = new HashSet<>();
        received(path).forEach(r -> sentIds.add(r.getHeader("webhook-id")));
        assertThat(sentIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    private void claimAsADeadNode(String organizationId, String claimedUntil) {
        jdbc.sql("UPDATE webhook_deliveries SET claimed_until = " + claimedUntil
                        + ", claim_token = 'dead-node' WHERE organization_id = :org")
                .param("org", organizationId)
                .update();
    }

    JsonNode firstDelivery(String key, String webhookId) {
        return deliveries(key, webhookId).body().at("/data/0");
    }
}
