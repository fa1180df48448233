package io.agentcalls.voice;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One provider's HTTP: JSON in and out with a bearer API key, and the answers sorted the way a dial
 * must treat them. The JDK client is used directly because the difference between "never connected"
 * (dial again) and "sent, no answer" (the call may be ringing) lives in its exception types.
 */
final class ProviderHttp {

    static final int MAX_REASON = 300;

    /** An HTTP answer. */
    record Answer(int status, String body, String retryAfter) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** No answer: {@code sent} tells whether the request may have reached the provider. */
    static final class NoAnswer extends Exception {
        final boolean sent;

        NoAnswer(String message, boolean sent, Throwable cause) {
            super(message, cause);
            this.sent = sent;
        }
    }

    private final String provider;
    private final ProviderProperties.Endpoint endpoint;
    private final HttpClient client;
    private final ObjectMapper json;

    ProviderHttp(String provider, ProviderProperties.Endpoint endpoint, ObjectMapper json) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.json = json;
        // HTTP/1.1, one connection per dial in flight: over HTTP/2 every parallel dial shares one
        // connection, and one reset would leave all of them "may have rung" (held, never redialed)
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI baseUrl() {
        return endpoint.baseUrl();
    }

    Answer send(String method, URI uri, String apiKey, Object body) throws NoAnswer {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(endpoint.timeout()).header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new NoAnswer(provider + " unreachable: " + e.getClass().getSimpleName(), false, e);
        } catch (HttpTimeoutException e) {
            throw new NoAnswer(provider + " did not answer in " + endpoint.timeout(), true, e);
        } catch (IOException e) {
            throw new NoAnswer(provider + " connection failed after sending: " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer(provider + " request interrupted", true, e);
        }
    }

    Answer send(String method, String path, String apiKey, Object body) throws NoAnswer {
        return send(method, URI.create(endpoint.baseUrl() + path), apiKey, body);
    }

    /**
     * A dial's answer as our outcome: 2xx placed (with the provider's call id); 429, 408 and most 5xx
     * try again; 504 may have been placed behind the gateway, so unknown; 401/403 are our
     * credentials, not the call's fault, so try again once they are fixed; other 4xx refused.
     */
    DialOutcome dialOutcome(Answer answer, Function<JsonNode, String> providerCallId) {
        int status = answer.status();
        if (answer.ok()) {
            String id = providerCallId.apply(parse(answer.body()));
            return id == null || id.isBlank()
                    ? new DialOutcome.Unknown(provider + " answered " + status + " without a call id")
                    : new DialOutcome.Placed(id);
        }
        String reason = reason(answer);
        if (status == 429 || status == 408 || status == 401 || status == 403 || (status >= 500 && status != 504)) {
            return new DialOutcome.RetryLater(reason, retryAfter(answer.retryAfter()));
        }
        if (status == 504) {
            return new DialOutcome.Unknown(reason);
        }
        return new DialOutcome.Refused(reason);
    }

    static DialOutcome noAnswer(NoAnswer e) {
        return e.sent ? new DialOutcome.Unknown(e.getMessage()) : new DialOutcome.RetryLater(e.getMessage(), null);
    }

    /** The provider's own message when its error body has one, else the status. */
    String reason(Answer answer) {
        JsonNode body = parse(answer.body());
        for (String field : new String[] {"message", "error_message", "error", "detail"}) {
            JsonNode value = body.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                return truncate(provider + " " + answer.status() + ": " + value.asString());
            }
            if (value.isArray() && !value.isEmpty()) {
                StringBuilder joined = new StringBuilder();
                value.valueStream()
                        .forEach(
                                v -> joined.append(joined.isEmpty() ? "" : "; ").append(v.asString()));
                return truncate(provider + " " + answer.status() + ": " + joined);
            }
        }
        return provider + " answered HTTP " + answer.status();
    }

    JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : json.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** Seconds or an HTTP date; null when absent or unreadable (we back off on our own). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 && seconds <= 86_400 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(
                        ZonedDateTime.now(), ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
