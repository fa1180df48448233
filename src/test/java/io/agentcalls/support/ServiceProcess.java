package io.agentcalls.support;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as a separate process on a data folder of its own, against an HTTP runner: for the
 * tests that kill or stop it (SIGKILL, SIGTERM) and start it again on the same data.
 */
public final class ServiceProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "process-admin-token-0123456789abcdef0123456789";
    private static final String RUNNER_SECRET = "process-runner-secret-0123456789abcdef0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The port to {@link #start} a service on when any will do: the one it binds itself. */
    public static final int ANY_PORT = 0;

    public final Process process;
    public final String base;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.base = "http://localhost:" + port;
    }

    /** An organization's campaign of {@code customers}, ready to initiate with {@link #initiateBody}. */
    public record Campaign(String key, String id, String initiateBody) {}

    /**
     * Starts the service and waits until it answers; its output goes to {@code log} in the data folder.
     * With {@link #ANY_PORT} the service binds a port of its own choosing, read back from its log: a
     * port probed free beforehand can be taken by anything else on the machine before the service
     * binds it.
     */
    public static ServiceProcess start(Path dataDir, int port, String log, String runnerUrl, String... extra)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.agentcalls.AgentcallsApplication",
                "--server.port=" + port,
                "--agentcalls.data-dir=" + dataDir.toAbsolutePath(),
                "--agentcalls.security.admin-token=" + ADMIN,
                "--agentcalls.runner.url=" + runnerUrl,
                "--agentcalls.runner.secret=" + RUNNER_SECRET));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path logFile = dataDir.resolve(log);
        builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        Process process = builder.start();
        int listening = port != ANY_PORT ? port : listeningPort(process, logFile);
        ServiceProcess service = new ServiceProcess(process, listening);
        // a loaded shared machine (several builds at once) can take minutes to start a JVM and PostgreSQL
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("service exited; see " + logFile);
                    }
                    return HTTP.send(
                                            HttpRequest.newBuilder(URI.create(service.base + "/actuator/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200;
                });
        return service;
    }

    private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    /** The port a service started on {@link #ANY_PORT} bound, as its log says once it has. */
    public static int listeningPort(Process process, Path log) {
        // a loaded shared machine can take minutes to start a JVM and PostgreSQL
        return await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            String output = Files.exists(log) ? Files.readString(log) : "";
                            if (!process.isAlive()) {
                                throw new AssertionError("the service exited before listening:%n%s".formatted(output));
                            }
                            Matcher started = TOMCAT_STARTED.matcher(output);
                            return started.find() ? Integer.parseInt(started.group(1)) : 0;
                        },
                        bound -> bound > 0);
    }

    /** A new organization with a campaign open all day, an agent, a disposition set, a number, customers. */
    public Campaign campaign(int customers) throws Exception {
        String key = JSON.readTree(call("/admin/v1/organizations", ADMIN, "{\"name\":\"Process\"}", "application/json"))
                .at("/data/apiKey")
                .asString();
        String campaign = id(call(
                "/api/v1/campaigns",
                key,
                "{\"name\":\"c\",\"callingWindow\":{\"start\":\"00:00\",\"end\":\"24:00\"}}"));
        String agent = id(call("/api/v1/agents", key, "{\"name\":\"a\",\"prompt\":\"Hello {{name}}\"}"));
        String disposition = id(call(
                "/api/v1/disposition-sets",
                key,
                "{\"name\":\"d\",\"codes\":[{\"code\":\"PTP\",\"label\":\"Promise\",\"category\":\"positive\"}]}"));
        call("/api/v1/phone-numbers", key, "{\"number\":\"+918045550100\",\"maxConcurrentCalls\":100}");
        StringBuilder csv = new StringBuilder("loan_id,name,phone\n");
        for (int i = 1; i <= customers; i++) {
            csv.append("K-").append(i).append(",Name ").append(i).append(",+9197");
            csv.append(String.format("%08d", i)).append('\n');
        }
        call("/api/v1/campaigns/" + campaign + "/customers/import", key, csv.toString(), "text/csv");
        return new Campaign(key, campaign, "{\"agentId\":\"" + agent + "\",\"dispositionId\":\"" + disposition + "\"}");
    }

    /** Sends the initiation without waiting: the process may die or stop before it answers. */
    public void initiateInBackground(Campaign campaign) {
        initiateInBackground(campaign, null);
    }

    /** The same with an Idempotency-Key (null: none). */
    public void initiateInBackground(Campaign campaign, String idempotencyKey) {
        CompletableFuture.runAsync(() -> {
            try {
                initiate(campaign, idempotencyKey);
            } catch (Exception expectedWhenStopped) {
                // the connection dies with the process
            }
        });
    }

    /** A JSON POST with the API key, answered whatever its status. */
    public HttpResponse<String> post(String path, String key, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runner events, signed with the runner secret every process is started with. */
    public HttpResponse<String> runnerEvents(String json) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = new io.agentcalls.runner.RunnerSignature(RUNNER_SECRET)
                .sign(timestamp, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/runner/events"))
                        .header("Content-Type", "application/json")
                        .header(io.agentcalls.runner.RunnerSignature.TIMESTAMP_HEADER, timestamp)
                        .header(io.agentcalls.runner.RunnerSignature.SIGNATURE_HEADER, signature)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the initiation and answers its response, whatever its status. */
    public HttpResponse<String> initiate(Campaign campaign, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/initiate/" + campaign.id() + "/calls"))
                .header("Authorization", "Bearer " + campaign.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(campaign.initiateBody()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String call(String path, String key, String body) throws Exception {
        return call(path, key, body, "application/json");
    }

    private String call(String path, String key, String body, String type) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String body) {
        return JSON.readTree(body).at("/data/id").asString();
    }

    /** The command-line arguments that point a second node at the embedded PostgreSQL of a running one. */
    public static List<String> databaseOf(Path dataDir) throws Exception {
        return List.of(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgresPort(dataDir) + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="
                        + Files.readString(dataDir.resolve("postgres-password")).strip());
    }

    private static int postgresPort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim());
    }

    /** The embedded PostgreSQL of a data folder, while a service runs on it. */
    public static Connection database(Path dataDir) throws Exception {
        int port =
                Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                        .get(3)
                        .trim());
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres",
                Files.readString(dataDir.resolve("postgres-password")).strip());
    }

    public static String single(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    public static long count(Connection db, String sql) throws Exception {
        return Long.parseLong(single(db, sql));
    }

    /** A port nothing listened on a moment ago: for an address that must refuse, never to start a server on. */
    public static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
