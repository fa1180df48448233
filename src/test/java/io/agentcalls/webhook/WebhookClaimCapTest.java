package io.agentcalls.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agentcalls.call.CallFixtures;
import io.agentcalls.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 7: the cap on one organization's webhook deliveries in flight counts every node's
 * claims exactly. Eight claims at the same instant, as eight nodes would make them (and the
 * service's own poller besides), never hold more than the cap of an organization with a backlog.
 */
class WebhookClaimCapTest extends ApiTest {

    private static final int CAP = 4;
    private static final int NODES = 8;

    @Autowired
    DeliveryRepository deliveries;

    @Test
    void claimsAtTheSameMomentOnManyNodesHoldAtMostTheOrganizationsCap() throws Exception {
        WireMockServer receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            // the endpoint hangs, so no claim is released while the test counts
            receiver.stubFor(WireMock.post(urlEqualTo("/hook"))
                    .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
            String key = newOrganization();
            String org = CallFixtures.organizationOf(key);
            Response endpoint = post(
                    "/api/v1/webhooks",
                    key,
                    json("url", receiver.baseUrl() + "/hook", "events", List.of("call.completed")));
            assertThat(endpoint.status()).as(endpoint.raw()).isEqualTo(201);
            String endpointId = endpoint.body().at("/data/id").asString();

            for (int round = 0; round < 5; round++) {
                backlog(org, endpointId, 50);
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<Integer>> claims = new ArrayList<>();
                for (int n = 0; n < NODES; n++) {
                    String node = "node-" + n;
                    claims.add(nodes.submit(() -> {
                        together.await();
                        return (int)
                                deliveries.claim(10, CAP, node, "30 seconds", node + ":" + UUID.randomUUID()).stream()
                                        .filter(d -> d.organizationId().equals(org))
                                        .count();
                    }));
                }
                int claimedByNodes = 0;
                for (Future<Integer> claim : claims) {
                    claimedByNodes += claim.get();
                }
                assertThat(inFlight(org))
                        .as("round %d: in flight, every node's claims", round)
                        .isEqualTo(CAP);
                assertThat(claimedByNodes).as("round %d", round).isLessThanOrEqualTo(CAP);
                jdbc.sql("UPDATE webhook_deliveries SET status = 'delivered', claimed_until = NULL"
                                + " WHERE organization_id = :org")
                        .param("org", org)
                        .update();
            }
        } finally {
            nodes.shutdownNow();
            receiver.stop();
        }
    }

    private void backlog(String org, String endpoint, int count) {
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (organization_id, id, endpoint_id, event_type, payload, status,
                                                        next_attempt_at)
                        SELECT :org, new_id('msg'), :endpoint, 'call.completed', '{}', 'pending', now() - interval '1 second'
                        FROM generate_series(1, :count)
                        """)
                .param("org", org)
                .param("endpoint", endpoint)
                .param("count", count)
                .update();
    }

    private long inFlight(String org) {
        return jdbc.sql(
                        "SELECT count(*) FROM webhook_deliveries WHERE organization_id = :org AND claimed_until > now()")
                .param("org", org)
                .query(Long.class)
                .single();
    }
}
