package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.agentcalls.support.ServiceProcess.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agentcalls.support.CountingRunner;
import io.agentcalls.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart: SIGTERM in the middle of an initiation longer than the shutdown grace. The node
 * exits in bounded time handing its lease back, and the restarted node resumes the rest at once,
 * without waiting out a lease; nothing is lost, and no call reaches the runner more than twice
 * (its call-id idempotency places it once).
 */
class GracefulShutdownProcessTest {

    private static final int CUSTOMERS = 6_000;

    private final CountingRunner runner = new CountingRunner();
    private final WireMockServer runnerServer =
            new WireMockServer(wireMockConfig().dynamicPort().extensions(runner));
    private ServiceProcess service;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            service.process.destroy();
            service.process.waitFor(60, TimeUnit.SECONDS);
        }
        runnerServer.stop();
    }

    @Test
    void aNodeStoppedMidInitiationHandsItBackAndNothingWaitsForALease() throws Exception {
        runnerServer.start();
        // each batch takes 1.5 s: 12 batches, 4 at a time, outlast the 1 s grace below
        runnerServer.stubFor(WireMock.post("/batches")
                .willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(1_500)));
        Path dataDir = Files.createTempDirectory(Path.of("target"), "shutdown-test-");
        String grace = "--spring.lifecycle.timeout-per-shutdown-phase=1s";

        service =
                ServiceProcess.start(dataDir, ServiceProcess.ANY_PORT, "service-1.log", runnerServer.baseUrl(), grace);
        ServiceProcess.Campaign campaign = service.campaign(CUSTOMERS);
        service.initiateInBackground(campaign);
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.received.size() >= 2_000);

        long stoppedAt = System.nanoTime();
        service.process.destroy();
        assertThat(service.process.waitFor(45, TimeUnit.SECONDS))
                .as("the node exits in bounded time")
                .isTrue();
        System.out.println("GracefulShutdownProcessTest: the node exited " + (System.nanoTime() - stoppedAt) / 1_000_000
                + " ms after SIGTERM");
        assertThat(Files.readString(dataDir.resolve("service-1.log")))
                .containsPattern("Stopping node-\\S+: handed back the leases of 1 initiations being dispatched");

        service =
                ServiceProcess.start(dataDir, ServiceProcess.ANY_PORT, "service-2.log", runnerServer.baseUrl(), grace);
        long restartedAt = System.nanoTime();
        try (Connection db = ServiceProcess.database(dataDir)) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> count(db, "SELECT count(*) FROM calls WHERE status = 'queued'") == 0);
            Duration resumed = Duration.ofNanos(System.nanoTime() - restartedAt);
            System.out.println("GracefulShutdownProcessTest: the last queued call left 'queued' " + resumed.toMillis()
                    + " ms after the restarted service answered");
            // well inside the 30 s a lease would take to expire: nothing waited for one
            assertThat(resumed).isLessThan(Duration.ofSeconds(20));
            // the line follows the initiation's last batch
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Files.readString(dataDir.resolve("service-2.log")))
                            .contains("the lease of no node (handed back)"));
            assertThat(count(db, "SELECT count(*) FROM calls")).isEqualTo(CUSTOMERS);
            assertThat(count(db, "SELECT count(*) FROM calls WHERE status = 'initiated'"))
                    .isEqualTo(CUSTOMERS);
            assertThat(runner.received).hasSize(CUSTOMERS);
            assertThat(runner.received.values()).allMatch(n -> n.get() <= 2);
        }
    }
}
