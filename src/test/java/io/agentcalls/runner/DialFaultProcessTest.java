package io.agentcalls.runner;

import static io.agentcalls.support.ServiceProcess.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes dial one queue (the second on the first's database), and the second is killed with
 * SIGKILL while it dials. Every claim stamps the call ({@code dial_attempts}), and a provider is only
 * asked after a claim, so a call claimed at most once was placed at most once: none is claimed twice,
 * the killed node's claims are held as possibly placed (never redialed), and the survivor dials the rest.
 */
class DialFaultProcessTest {

    private static final int CUSTOMERS = 1_500;
    private static final String[] FAST_SIMULATOR = {
        "--agentcalls.runner.simulated.speed=1000",
        "--agentcalls.dial.simulator.max-concurrent-calls=100000",
        // the killed node's claims are taken for dead sooner than the default 30 s
        "--agentcalls.leases.heartbeat=2s",
        "--agentcalls.leases.expiry=6s",
        "--agentcalls.dial.lease=6s"
    };

    private ServiceProcess first;
    private ServiceProcess second;

    @AfterEach
    void stop() throws InterruptedException {
        for (ServiceProcess node : new ServiceProcess[] {second, first}) {
            if (node != null) {
                node.process.destroy();
                node.process.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void twoNodesShareTheQueueAndAKilledOneDialsNothingTwice() throws Exception {
        Path firstDir = Files.createTempDirectory(Path.of("target"), "dial-fault-1-");
        Path secondDir = Files.createTempDirectory(Path.of("target"), "dial-fault-2-");
        first = ServiceProcess.start(firstDir, ServiceProcess.ANY_PORT, "node-1.log", "", FAST_SIMULATOR);
        int pgPort =
                Integer.parseInt(Files.readAllLines(firstDir.resolve("postgres").resolve("postmaster.pid"))
                        .get(3)
                        .trim());
        String password =
                Files.readString(firstDir.resolve("postgres-password")).strip();
        // one database, one key: the second node reads the secrets the first encrypted
        Files.copy(
                firstDir.resolve("encryption-key"),
                secondDir.resolve("encryption-key"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        second = ServiceProcess.start(
                secondDir,
                ServiceProcess.ANY_PORT,
                "node-2.log",
                "",
                FAST_SIMULATOR[0],
                FAST_SIMULATOR[1],
                FAST_SIMULATOR[2],
                FAST_SIMULATOR[3],
                FAST_SIMULATOR[4],
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + password);

        ServiceProcess.Campaign campaign = first.campaign(CUSTOMERS);
        first.initiateInBackground(campaign);
        try (Connection db = ServiceProcess.database(firstDir)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() ->
                            count(db, "SELECT count(DISTINCT dial_by) FROM calls WHERE dial_state = 'dialing'") >= 1
                                    && count(db, "SELECT count(*) FROM calls WHERE dial_attempts > 0") >= 300);
            second.process.destroyForcibly().waitFor();
            second = null;

            await().atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> count(
                                    db,
                                    "SELECT count(*) FROM calls WHERE status = 'queued' OR dial_state IN ('waiting', 'dialing')")
                            == 0);

            assertThat(count(db, "SELECT count(*) FROM calls")).isEqualTo(CUSTOMERS);
            assertThat(count(db, "SELECT count(*) FROM calls WHERE dial_attempts > 1"))
                    .as("no call claimed, so none placed, twice")
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM calls WHERE dial_attempts = 0 AND status <> 'cancelled'"))
                    .as("every call was dialed")
                    .isZero();
            assertThat(count(db, "SELECT count(DISTINCT dial_by) FROM calls WHERE dial_by IS NOT NULL"))
                    .as("both nodes dialed from the one queue")
                    .isEqualTo(2);
            long held = count(db, "SELECT count(*) FROM calls WHERE dial_state = 'unknown'");
            System.out.println("DialFaultProcessTest: " + held + " calls the killed node held were kept, not redialed");
            assertThat(count(db, "SELECT count(DISTINCT call_id) FROM simulated_call_steps"))
                    .as("the simulator's playback has one row per call at most")
                    .isEqualTo(count(db, "SELECT count(*) FROM simulated_call_steps"));
        }
    }
}
