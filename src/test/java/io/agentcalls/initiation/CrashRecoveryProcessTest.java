package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentcalls.support.ServiceProcess.count;
import static io.agentcalls.support.ServiceProcess.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agentcalls.initiation.selection.CustomerSelection;
import io.agentcalls.support.CountingRunner;
import io.agentcalls.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a separate process, killed with SIGKILL in the middle of a large initiation and
 * started again on the same data folder, with the default leases: within 30 s of the restart every
 * call has left {@code queued}, the log names the initiation taken over and whose lease expired, and
 * the fake runner (which, like a real one, treats the call id as an idempotency key) places every
 * call exactly once. The request, cut short by the kill, is then completed by recovery and its
 * Idempotency-Key replays the final answer (issue 11, item 5).
 */
class CrashRecoveryProcessTest {

    private static final int CUSTOMERS = 6_000;

    private final CountingRunner runner = new CountingRunner();
    private final WireMockServer runnerServer =
            new WireMockServer(wireMockConfig().dynamicPort().extensions(runner));
    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            // a graceful stop also stops the service's PostgreSQL, so nothing outlives the test
            service.process.destroy();
            service.process.waitFor(60, TimeUnit.SECONDS);
        }
        runnerServer.stop();
    }

    @Test
    void aServiceKilledMidInitiationLosesAndDoublesNothing() throws Exception {
        runnerServer.start();
        runnerServer.stubFor(WireMock.post("/batches")
                .willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(400)));
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-test-");

        service = ServiceProcess.start(dataDir, ServiceProcess.ANY_PORT, "service-1.log", runnerServer.baseUrl());
        ServiceProcess.Campaign campaign = service.campaign(CUSTOMERS);
        service.initiateInBackground(campaign, "crash-key");
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.received.size() >= 2_000);
        service.process.destroyForcibly().waitFor();
        assertThat(runner.received.size()).isLessThan(CUSTOMERS);

        long killedAt = System.nanoTime();
        service = ServiceProcess.start(dataDir, ServiceProcess.ANY_PORT, "service-2.log", runnerServer.baseUrl());
        // the restart is measured from the service answering again: how long a JVM and PostgreSQL take
        // to start is the machine's, and the restarted node resumes the work at start in any case
        long restartedAt = System.nanoTime();

        try (Connection db = ServiceProcess.database(dataDir)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(db, "SELECT count(*) FROM calls WHERE status = 'queued'") == 0);
            long doneAt = System.nanoTime();
            Duration recovery = Duration.ofNanos(doneAt - restartedAt);
            System.out.println("CrashRecoveryProcessTest: the last queued call left 'queued' " + recovery.toMillis()
                    + " ms after the restarted service answered, " + (doneAt - killedAt) / 1_000_000
                    + " ms after the kill");
            assertThat(recovery).isLessThanOrEqualTo(Duration.ofSeconds(30));
            String initiation = single(db, "SELECT id FROM initiations");
            // the line follows the initiation's last batch
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Files.readString(dataDir.resolve("service-2.log")))
                            .containsPattern("Took over initiation " + initiation + " of organization \\S+ \\(campaign "
                                    + campaign.id()
                                    + "\\): [1-9][0-9]* queued calls sent again; the lease of node-\\S+ expired at"));
            assertEveryCallPlacedOnce(db);
            // the initiation its dead node never answered is completed, and the key replays that answer
            await().atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> "completed".equals(single(db, "SELECT state FROM initiations")));
            var replayed = service.initiate(campaign, "crash-key");
            assertThat(replayed.statusCode()).isEqualTo(200);
            var results = JsonMapper.builder().build().readTree(replayed.body()).path("results");
            assertThat(results.path("initiated").asLong()).isEqualTo(CUSTOMERS);
            assertThat(results.path("recovered").asBoolean()).isTrue();
            assertThat(Files.readString(dataDir.resolve("service-2.log")))
                    .containsPattern("Completed initiation " + initiation + " of organization \\S+ \\(campaign "
                            + campaign.id() + "\\) left unanswered: " + CUSTOMERS + " calls");
        }
    }

    private void assertEveryCallPlacedOnce(Connection db) throws Exception {
        assertThat(count(db, "SELECT count(*) FROM calls")).isEqualTo(CUSTOMERS);
        assertThat(count(db, "SELECT count(*) FROM calls WHERE status = 'initiated'"))
                .isEqualTo(CUSTOMERS);
        List<String> initiated = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT id FROM calls WHERE status = 'initiated'")) {
            while (rs.next()) {
                initiated.add(rs.getString(1));
            }
        }
        // every initiated call reached the runner; only a batch in flight at the kill arrives twice,
        // and the runner's call-id idempotency keeps that to one placed call
        assertThat(runner.received.keySet()).containsExactlyInAnyOrderElementsOf(initiated);
        long resent = runner.received.values().stream().filter(n -> n.get() > 1).count();
        assertThat(resent).isLessThanOrEqualTo(4L * CustomerSelection.BATCH_SIZE);
        assertThat(runner.received.values()).allMatch(n -> n.get() <= 2);
    }
}
