package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The outbox guarantees: no delivery without a committed change, none lost when a node dies,
 * none taken by two nodes at once.
 */
class WebhookOutboxTest extends WebhookTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    DeliveryRepository deliveryQueue;

    @Test
    void aRolledBackCallChangeProducesNoDelivery() throws InterruptedException {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");

        inTransaction(tx -> {
            publisher.publishEvent(callStatus(organizationOf(key), "call_r", "completed"));
            tx.setRollbackOnly();
        });

        Thread.sleep(1500); // more than a poll interval
        assertThat(deliveries(key, webhook.id()).body().at("/data").size()).isZero();
        assertThat(received(path)).isEmpty();
    }

    @Test
    void aDeliveryWhoseNodeDiedMidAttemptIsDeliveredOnceItsLeaseHasExpired() {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");

        // committed with the call change, then claimed by a node that died: its lease ran out
        inTransaction(tx -> {
            publisher.publishEvent(callStatus(organizationOf(key), "call_d", "completed"));
            claimAsADeadNode(organizationOf(key), "now() - interval '1 minute'");
        });

        await().atMost(WAIT).until(() -> received(path).size() == 1);
        await().atMost(WAIT)
                .until(() -> "delivered"
                        .equals(firstDelivery(key, webhook.id()).at("/status").asString()));
        assertThat(firstDelivery(key, webhook.id()).at("/attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aLiveLeaseKeepsOtherNodesAwayUntilItExpires() throws InterruptedException {
        String key = newOrganization();
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        createWebhook(key, urlOf(path), "call.completed");
        long committedAt = System.currentTimeMillis();

        inTransaction(tx -> {
            publisher.publishEvent(callStatus(organizationOf(key), "call_l", "completed"));
            claimAsADeadNode(organizationOf(key), "now() + interval '3 seconds'");
        });

        Thread.sleep(2000);
        assertThat(received(path)).isEmpty();
        await().atMost(WAIT).until(() -> received(path).size() == 1);
        assertThat(received(path).get(0).getLoggedDate().getTime() - committedAt)
                .isGreaterThanOrEqualTo(2900);
        Thread.sleep(1200);
        assertThat(received(path)).hasSize(1);
    }

    @Test
    void concurrentNodesNeverClaimTheSameDelivery() throws Exception {
        String key = newOrganization();
        String org = organizationOf(key);
        String path = newPath();
        receiver.stubFor(posted(path).willReturn(aResponse().withStatus(200)));
        Created webhook = createWebhook(key, urlOf(path), "call.completed");

        inTransaction(tx -> {
            for (int i = 0; i < 30; i++) {
                publisher.publishEvent(callStatus(org, "call_c" + i, "completed"));
            }
        });
        // three more "nodes" race this server's own poller for the same rows
        ConcurrentLinkedQueue<String> claimedByOthers = new ConcurrentLinkedQueue<>();
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        for (int n = 0; n < 3; n++) {
            String token = "other-node-" + n;
            nodes.execute(() -> {
                List<ClaimedDelivery> batch;
                do {
                    // no cap per organization for them: they take whatever this server has not
                    batch = deliveryQueue.claim(2, Integer.MAX_VALUE, token, "5 minutes", token);
                    batch.stream()
                            .filter(d -> d.organizationId().equals(org))
                            .forEach(d -> claimedByOthers.add(d.id()));
                } while (!batch.isEmpty());
            });
        }
        nodes.shutdown();
        assertThat(nodes.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        await().atMost(WAIT).until(() -> received(path).size() + claimedByOthers.size() >= 30);
        List<String> sentByThisNode =
                received(path).stream().map(r -> r.getHeader("webhook-id")).toList();
        List<String> all = new ArrayList<>(sentByThisNode);
        all.addAll(claimedByOthers);
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
        delete("/api/v1/webhooks/" + webhook.id(), key); // the other nodes' claims are never sent
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
