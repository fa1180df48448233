package io.agentcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar that {@code mvn package} builds, started as a user starts it: {@code java -jar} with
 * nothing but demo mode, its own runtime classpath (not the tests'), so a dependency the service
 * needs but only the tests declare fails here. It answers the README's first {@code curl}, serves
 * the console's sign-in page and the OpenAPI document, and stops cleanly on SIGTERM.
 */
class PackagedServiceIT {

    private static final String DEMO_KEY = "ak_000000000000000000000000000de000_demo-key-anyone-can-read-it";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private Process service;

    @AfterEach
    void stop() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void theJarStartsWithZeroConfigurationAndAnswersTheReadmesCall() throws Exception {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/agentcalls-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("built by mvn package before this phase").exists();
        Path log = dataDir.resolve("service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java,
                "-Xmx512m",
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + ServiceProcess.ANY_PORT,
                "--agentcalls.data-dir=" + dataDir.resolve("data")));
        builder.environment().put("AGENTCALLS_DEMO", "true");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        service = builder.start();
        String base = "http://localhost:" + ServiceProcess.listeningPort(service, log);

        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(service.isAlive())
                            .as("the jar exited:%n%s", Files.readString(log))
                            .isTrue();
                    return get(base + "/actuator/health").statusCode() == 200;
                });

        HttpResponse<String> initiated = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/initiate/cmp_000000000000000000000000000de001/calls"))
                        .header("Authorization", "Bearer " + DEMO_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"agentId":"agt_000000000000000000000000000de001",
                                 "dispositionId":"dsp_000000000000000000000000000de001",
                                 "limit":25,
                                 "filters":{"payment_status":["bounced","pending"],"custom":{"branch":"mumbai"}}}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(initiated.statusCode()).as(initiated.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(initiated.body()).path("results");
        assertThat(results.path("initiated").asInt()).as(initiated.body()).isEqualTo(20);
        assertThat(results.path("failed").asInt()).isZero();

        HttpResponse<String> login = get(base + "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("password");
        HttpResponse<String> apiDocs = get(base + "/v3/api-docs");
        assertThat(apiDocs.statusCode()).as(apiDocs.body()).isEqualTo(200);
        assertThat(JSON.readTree(apiDocs.body()).path("openapi").asString()).startsWith("3.1");

        // SIGTERM, as a service manager stops it: it drains and exits by itself
        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS))
                .as("stopped within a minute")
                .isTrue();
        assertThat(Files.readString(log)).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
