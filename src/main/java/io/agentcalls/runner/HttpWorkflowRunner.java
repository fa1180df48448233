package io.agentcalls.runner;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Speaks API.md's runner protocol: {@code POST {runnerUrl}/batches}, signed, with a per-batch timeout. */
class HttpWorkflowRunner implements WorkflowRunner {

    private static final int MAX_REASON_LENGTH = 200;

    private final RestClient client;
    private final ObjectMapper objectMapper;
    private final RunnerSignature signature;

    HttpWorkflowRunner(String runnerUrl, Duration timeout, RunnerSignature signature, ObjectMapper objectMapper) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(timeout);
        this.client = RestClient.builder()
                .baseUrl(runnerUrl.endsWith("/") ? runnerUrl.substring(0, runnerUrl.length() - 1) : runnerUrl)
                .requestFactory(requestFactory)
                .build();
        this.objectMapper = objectMapper;
        this.signature = signature;
    }

    @Override
    public BatchOutcome submit(RunnerBatch batch) {
        byte[] body = objectMapper.writeValueAsBytes(batch);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        try {
            String answer = client.post()
                    .uri("/batches")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(RunnerSignature.TIMESTAMP_HEADER, timestamp)
                    .header(RunnerSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                    .body(body)
                    .retrieve()
                    .body(String.class);
            return parse(answer);
        } catch (RestClientResponseException e) {
            throw RunnerFailure.because(reasonOf(e), e);
        } catch (ResourceAccessException e) {
            if (hasCause(e, HttpTimeoutException.class)) {
                throw RunnerFailure.timeout(e);
            }
            if (hasCause(e, ConnectException.class)) {
                throw RunnerFailure.because("Workflow runner unreachable", e);
            }
            // a reset or a closed connection after the batch went out: it may have been taken
            throw RunnerFailure.ambiguous("Workflow runner connection failed", e);
        } catch (RestClientException e) {
            // the answer broke off while it was read (a read timeout closes the stream): sent, fate unknown
            throw hasCause(e, HttpTimeoutException.class)
                    ? RunnerFailure.timeout(e)
                    : RunnerFailure.ambiguous("Workflow runner connection failed", e);
        }
    }

    /** {@code POST {runnerUrl}/cancel} with {@code {"callIds":[...]}}, signed like batches. */
    @Override
    public void cancel(String organizationId, List<String> callIds) {
        byte[] body = objectMapper.writeValueAsBytes(java.util.Map.of("callIds", callIds));
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        try {
            client.post()
                    .uri("/cancel")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(RunnerSignature.TIMESTAMP_HEADER, timestamp)
                    .header(RunnerSignature.SIGNATURE_HEADER, signature.sign(timestamp, body))
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientResponseException e) {
            throw RunnerFailure.because(reasonOf(e), e);
        } catch (ResourceAccessException e) {
            throw hasCause(e, HttpTimeoutException.class)
                    ? RunnerFailure.timeout(e)
                    : RunnerFailure.because("Workflow runner unreachable", e);
        }
    }

    private BatchOutcome parse(String answer) {
        try {
            JsonNode node = objectMapper.readTree(answer == null ? "" : answer);
            List<String> accepted =
                    node.path("accepted").valueStream().map(JsonNode::asString).toList();
            List<BatchOutcome.Rejection> rejected = node.path("rejected")
                    .valueStream()
                    .map(r -> new BatchOutcome.Rejection(
                            r.path("callId").asString(),
                            truncate(r.path("reason").asString("Rejected by runner"))))
                    .toList();
            return new BatchOutcome(accepted, rejected);
        } catch (RuntimeException e) {
            throw RunnerFailure.ambiguous("Workflow runner sent an unreadable answer", e);
        }
    }

    /** The runner's own reason when its error body has one, else the status. */
    private String reasonOf(RestClientResponseException e) {
        String fallback = "Workflow runner answered HTTP " + e.getStatusCode().value();
        try {
            JsonNode body = objectMapper.readTree(e.getResponseBodyAsString(StandardCharsets.UTF_8));
            for (String field : new String[] {"reason", "message", "error"}) {
                if (body.path(field).isString() && !body.path(field).asString().isBlank()) {
                    return truncate(body.path(field).asString());
                }
            }
        } catch (RuntimeException notJson) {
            // the status alone is the reason
        }
        return fallback;
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
