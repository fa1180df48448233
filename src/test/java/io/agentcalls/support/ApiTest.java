package io.agentcalls.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every HTTP test: the real server on a random port, one embedded PostgreSQL and one Spring
 * context shared by all test classes. Requests are raw strings so tests can send them wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123456789";
    public static final String ACTUATOR_TOKEN = "test-actuator-token-0123456789abcdef0123456789";
    protected static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A response with its body parsed as JSON (null when the body is empty or not JSON). */
    public record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {}

    public Response send(String method, String path, String apiKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public Response get(String path, String apiKey) {
        return send("GET", path, apiKey, null, null);
    }

    public Response post(String path, String apiKey, String json) {
        return send("POST", path, apiKey, "application/json", json);
    }

    protected Response patch(String path, String apiKey, String json) {
        return send("PATCH", path, apiKey, "application/json", json);
    }

    protected Response delete(String path, String apiKey) {
        return send("DELETE", path, apiKey, null, null);
    }

    /** A new organization through the admin API; returns its first API key. */
    public String newOrganization() {
        Response created =
                send("POST", "/admin/v1/organizations", ADMIN_TOKEN, "application/json", "{\"name\":\"Test Org\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create organization: " + created.raw());
        }
        return created.body().at("/data/apiKey").asString();
    }

    /** Builds JSON from alternating keys and values, for readable request bodies. */
    protected static String json(Object... keysAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return JSON.writeValueAsString(map);
    }
}
