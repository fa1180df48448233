package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentcalls.support.ServiceProcess.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.agentcalls.support.CountingRunner;
import io.agentcalls.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 8: two service processes on one PostgreSQL (the second uses the first's embedded
 * database) share an initiation's work, take runner events and deliver webhooks; the node dispatching
 * is killed with SIGKILL mid-way, the other is asked for the same customers again and finishes the
 * dead node's work: every
 * customer is called once (the runner, like a real one, counts by call id), every call leaves queued,
 * the dead node's initiation is completed, and every webhook is delivered. Short leases (1 s heartbeat,
 * 3 s expiry) keep it quick.
 */
class TwoNodesProcessTest {

    private static final int CUSTOMERS = 3_000;

    private final CountingRunner runner = new CountingRunner();
    private final WireMockServer runnerServer =
            new WireMockServer(wireMockConfig().dynamicPort().extensions(runner));
    private final WireMockServer hooks = new WireMockServer(wireMockConfig().dynamicPort());
    private ServiceProcess first;
    private ServiceProcess second;

    @AfterEach
    void stop() throws InterruptedException {
        for (ServiceProcess node : new ServiceProcess[] {second, first}) {
            if (node != null && node.process.isAlive()) {
                // the first node's graceful stop also stops the PostgreSQL both used
                node.process.destroy();
                node.process.waitFor(60, TimeUnit.SECONDS);
            }
        }
        runnerServer.stop();
        hooks.stop();
    }

    @Test
    void twoNodesRaceOverlappingWorkAndWhenOneDiesTheOtherFinishesIt() throws Exception {
        runnerServer.start();
        runnerServer.stubFor(WireMock.post("/batches")
                .willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(8_000)));
        runnerServer.stubFor(
                WireMock.post("/cancel").willReturn(WireMock.aResponse().withStatus(200)));
        hooks.start();
        hooks.stubFor(WireMock.post("/hook").willReturn(WireMock.aResponse().withStatus(200)));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> common = List.of(
                "--agentcalls.encryption.key=" + Base64.getEncoder().encodeToString(key),
                "--agentcalls.webhooks.allow-http=true",
                "--agentcalls.webhooks.allowed-ports=1024-65535",
                "--agentcalls.leases.heartbeat=1s",
                "--agentcalls.leases.expiry=3s");
        Path firstDir = Files.createTempDirectory(Path.of("target"), "two-nodes-1-");
        Path secondDir = Files.createTempDirectory(Path.of("target"), "two-nodes-2-");
        first = ServiceProcess.start(
                firstDir, ServiceProcess.ANY_PORT, "node-1.log", runnerServer.baseUrl(), common.toArray(String[]::new));
        List<String> onFirstsDatabase = new ArrayList<>(common);
        onFirstsDatabase.addAll(ServiceProcess.databaseOf(firstDir));
        second = ServiceProcess.start(
                secondDir,
                ServiceProcess.ANY_PORT,
                "node-2.log",
                runnerServer.baseUrl(),
                onFirstsDatabase.toArray(String[]::new));

        ServiceProcess.Campaign campaign = first.campaign(CUSTOMERS);
        assertThat(first.post(
                                "/api/v1/webhooks",
                                campaign.key(),
                                "{\"url\":\"" + hooks.baseUrl() + "/hook\","
                                        + "\"events\":[\"call.completed\",\"initiation.completed\"]}")
                        .statusCode())
                .isEqualTo(201);

        // the second node initiates the campaign and dispatches it (its batches take 8 s at the runner)
        Connection db = ServiceProcess.database(firstDir);
        second.initiateInBackground(campaign, "race-on-second");
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.received.size() >= 500);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(db, "SELECT count(*) FROM initiations WHERE dispatch_by IS NOT NULL") == 1);
        String holder = ServiceProcess.single(db, "SELECT dispatch_by FROM initiations WHERE dispatch_by IS NOT NULL");
        assertThat(Files.readString(secondDir.resolve("node-2.log"))).contains("This node is " + holder);

        // the same customers initiated on the first node meanwhile: every one holds the second's call
        var overlapping = first.initiate(campaign, "race-on-first");
        assertThat(overlapping.statusCode()).as(overlapping.body()).isEqualTo(400);
        assertThat(overlapping.body()).contains("an active call: " + CUSTOMERS);

        // runner events to both nodes for calls the runner has
        List<String> placed = new ArrayList<>(runner.received.keySet()).subList(0, 10);
        for (int i = 0; i < placed.size(); i++) {
            ServiceProcess node = i % 2 == 0 ? first : second;
            String at = OffsetDateTime.now().toString();
            assertThat(node.runnerEvents("{\"events\":[{\"callId\":\"" + placed.get(i) + "\",\"status\":\"completed\","
                                    + "\"at\":\"" + at + "\",\"durationSeconds\":30}]}")
                            .statusCode())
                    .isEqualTo(200);
        }

        try (db) {
            // the second node dies mid-dispatch; the first finishes its work
            second.process.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(db, "SELECT count(*) FROM calls WHERE status = 'queued'") == 0
                            && count(db, "SELECT count(*) FROM initiations WHERE state = 'running'") == 0);

            // one call per customer, and the runner was sent no customer under two call ids
            assertThat(count(db, "SELECT count(*) FROM calls")).isEqualTo(CUSTOMERS);
            assertThat(count(db, "SELECT count(DISTINCT customer_id) FROM calls"))
                    .isEqualTo(CUSTOMERS);
            assertThat(runner.received.keySet()).containsExactlyInAnyOrderElementsOf(ids(db, "SELECT id FROM calls"));
            assertThat(runner.received.values()).allMatch(n -> n.get() <= 2);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM calls WHERE id = ANY('{" + String.join(",", placed)
                                    + "}') AND status = 'completed'"))
                    .isEqualTo(placed.size());
            assertThat(Files.readString(firstDir.resolve("node-1.log"))).contains("Took over initiation");

            // every delivery delivered, each webhook-id received (a repeat only of an attempt cut by the kill)
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(db, "SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered'") == 0);
            Set<String> deliveries = new HashSet<>(ids(db, "SELECT id FROM webhook_deliveries"));
            assertThat(deliveries).hasSizeGreaterThanOrEqualTo(placed.size() + 1);
            Map<String, Long> received = hooks.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                    .map((LoggedRequest r) -> r.getHeader("webhook-id"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(deliveries);
            assertThat(received.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(16);
        }
    }

    private static List<String> ids(Connection db, String sql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
