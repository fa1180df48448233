package io.agentcalls.initiation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.agentcalls.initiation.selection.CustomerSelection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a separate process, killed with SIGKILL in the middle of a large initiation and
 * started again on the same data folder, with the default leases: within 30 s of the restart every
 * call has left {@code queued}, the log names the initiation taken over and whose lease expired, and
 * the fake runner (which, like a real one, treats the call id as an idempotency key) places every
 * call exactly once.
 */
class CrashRecoveryProcessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "crash-admin-token-0123456789abcdef0123456789";
    private static final int CUSTOMERS = 6_000;
    private static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();
    private static final WireMockServer RUNNER =
            new WireMockServer(wireMockConfig().dynamicPort().extensions(new SlowAcceptingRunner()));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process service;

    /** Accepts every call after a pause, counting how often each call id arrives. */
    static final class SlowAcceptingRunner implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            JsonNode batch = JSON.readTree(event.getRequest().getBodyAsString());
            List<String> ids = new ArrayList<>();
            batch.path("calls").forEach(c -> {
                String id = c.path("callId").asString();
                RECEIVED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                ids.add(id);
            });
            return Response.Builder.like(response)
                    .but()
                    .body(JSON.writeValueAsString(Map.of("accepted", ids, "rejected", List.of())))
                    .build();
        }

        @Override
        public String getName() {
            return "slow-accepting-runner";
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            // a graceful stop also stops the service's PostgreSQL, so nothing outlives the test
            service.destroy();
            service.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        RUNNER.stop();
    }

    @Test
    void aServiceKilledMidInitiationLosesAndDoublesNothing() throws Exception {
        RUNNER.start();
        RUNNER.stubFor(WireMock.post("/batches")
                .willReturn(WireMock.aResponse().withStatus(200).withFixedDelay(400)));
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-test-");
        int port = freePort();
        String base = "http://localhost:" + port;

        service = start(dataDir, port, "service-1.log");
        String key = JSON.readTree(call("POST", base + "/admin/v1/organizations", ADMIN, "{\"name\":\"Crash\"}"))
                .at("/data/apiKey")
                .asString();
        String campaign = id(call(
                "POST",
                base + "/api/v1/campaigns",
                key,
                "{\"name\":\"c\",\"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"}}"));
        String agent = id(call("POST", base + "/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"Hello {{name}}\"}"));
        String disposition = id(call(
                "POST",
                base + "/api/v1/dispositions",
                key,
                "{\"name\":\"d\",\"codes\":[{\"code\":\"PTP\",\"label\":\"Promise\",\"category\":\"positive\"}]}"));
        call("POST", base + "/api/v1/phone-numbers", key, "{\"number\":\"+918045550100\",\"maxConcurrentCalls\":100}");
        StringBuilder csv = new StringBuilder("loan_id,name,phone\n");
        for (int i = 1; i <= CUSTOMERS; i++) {
            csv.append("K-")
                    .append(i)
                    .append(",Name ")
                    .append(i)
                    .append(",+9197")
                    .append(String.format("%08d", i))
                    .append('\n');
        }
        call("POST", base + "/api/v1/campaigns/" + campaign + "/customers/import", key, csv.toString(), "text/csv");

        CompletableFuture.runAsync(() -> {
            try {
                call(
                        "POST",
                        base + "/api/v1/initiate/" + campaign + "/calls",
                        key,
                        "{\"agentId\":\"" + agent + "\",\"dispositionId\":\"" + disposition + "\"}");
            } catch (Exception expectedWhenKilled) {
                // the connection dies with the process
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVED.size() >= 2_000);
        service.destroyForcibly().waitFor();
        int receivedBeforeCrash = RECEIVED.size();
        assertThat(receivedBeforeCrash).isLessThan(CUSTOMERS);

        long killedAt = System.nanoTime();
        service = start(dataDir, port, "service-2.log");
        // the restart is measured from the service answering again: how long a JVM and PostgreSQL take
        // to start is the machine's, and the restarted node resumes the work at start in any case
        long restartedAt = System.nanoTime();

        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort(dataDir) + "/postgres",
                "postgres",
                Files.readString(dataDir.resolve("postgres-password")).strip())) {
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
                                    + campaign
                                    + "\\): [1-9][0-9]* queued calls sent again; the lease of node-\\S+ expired at"));
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
            assertThat(RECEIVED.keySet()).containsExactlyInAnyOrderElementsOf(initiated);
            long resent = RECEIVED.values().stream().filter(n -> n.get() > 1).count();
            assertThat(resent).isLessThanOrEqualTo(4L * CustomerSelection.BATCH_SIZE);
            assertThat(RECEIVED.values()).allMatch(n -> n.get() <= 2);
        }
    }

    private static Process start(Path dataDir, int port, String log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.agentcalls.AgentcallsApplication",
                "--server.port=" + port,
                "--agentcalls.data-dir=" + dataDir.toAbsolutePath(),
                "--agentcalls.security.admin-token=" + ADMIN,
                "--agentcalls.runner.url=" + RUNNER.baseUrl(),
                "--agentcalls.runner.secret=crash-runner-secret-0123456789abcdef0123456789");
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(log).toFile());
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("service exited; see " + dataDir.resolve(log));
                    }
                    return HTTP.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://localhost:" + port + "/actuator/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200;
                });
        return process;
    }

    private static String call(String method, String url, String key, String body) throws Exception {
        return call(method, url, key, body, "application/json");
    }

    private static String call(String method, String url, String key, String body, String type) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", type)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String body) {
        return JSON.readTree(body).at("/data/id").asString();
    }

    private static int postgresPort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim());
    }

    private static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
