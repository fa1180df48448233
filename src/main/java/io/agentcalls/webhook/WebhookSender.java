package io.agentcalls.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Sends one signed delivery over HTTP (Apache HttpClient 5, see decision 0010): the URL is
 * checked again first (DNS may have changed since creation) and the connection goes to an address
 * that check approved, with the host name kept for the Host header, SNI and certificate check.
 * Redirects are never followed, the whole exchange is bounded by the timeout, no more than 1 KB of
 * the response body is read, and a failure is recorded as a category, never as exception text.
 */
class WebhookSender implements AutoCloseable {

    static final int MAX_BODY_BYTES = 1024;

    private final CloseableHttpClient client;
    private final WebhookUrlPolicy urlPolicy;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(WebhookUrlPolicy urlPolicy, Duration timeout, int maxConnections) {
        this(urlPolicy, timeout, maxConnections, PinnedHttpClients.defaultTls());
    }

    /** With the TLS context to trust receivers by; tests pass one that trusts their own certificate. */
    WebhookSender(WebhookUrlPolicy urlPolicy, Duration timeout, int maxConnections, SSLContext tls) {
        this.urlPolicy = urlPolicy;
        this.timeout = timeout;
        // a compressed body would make 1 KB on the wire many more in memory: the client takes none
        this.client = PinnedHttpClients.build(timeout, maxConnections, tls, "agentcalls-webhooks/1");
    }

    /** A Standard Webhooks delivery: its id, timestamp and signature headers. */
    SendResult send(String url, String messageId, long timestampSeconds, String signature, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestampSeconds));
        headers.put("webhook-signature", signature);
        return send(url, headers, body);
    }

    /** A delivery with these headers (a documented-format endpoint's {@code Authorization}). */
    SendResult send(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        WebhookUrlPolicy.Decision decision = urlPolicy.check(url);
        if (decision instanceof WebhookUrlPolicy.Refused refused) {
            return SendResult.failure(refused.category(), elapsedMillis(started));
        }
        WebhookUrlPolicy.Allowed target = (WebhookUrlPolicy.Allowed) decision;
        HttpPost request = new HttpPost(target.uri());
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        HttpHost pinned = PinnedHttpClients.pinned(target);

        // The client's own timeouts bound each connect and read; this bounds the whole exchange, so a
        // receiver trickling a byte at a time cannot hold a worker past the timeout.
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    timedOut.set(true);
                    request.cancel();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(pinned, request, null);
            try {
                String responseBody = firstBytes(response.getEntity(), request);
                Header retryAfter = response.getFirstHeader("Retry-After");
                return SendResult.response(
                        response.getCode(),
                        responseBody,
                        RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), Instant.now())
                                .orElse(null),
                        elapsedMillis(started));
            } finally {
                closeQuietly(response);
            }
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return SendResult.failure(FailureCategory.INTERRUPTED, elapsedMillis(started));
            }
            FailureCategory category = timedOut.get() ? FailureCategory.TIMEOUT : FailureCategory.of(e);
            return SendResult.failure(category, elapsedMillis(started));
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES}; if there is more it aborts the exchange, since closing a
     * stream that has not reached its end reads (drains) all of it, however large or endless.
     */
    private static String firstBytes(HttpEntity entity, HttpPost request) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] kept = in.readNBytes(MAX_BODY_BYTES);
        if (kept.length == MAX_BODY_BYTES && in.read() != -1) {
            request.cancel();
        }
        return decodeUtf8(kept);
    }

    /** After an abort the close fails on the closed socket; the response was read by then. */
    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to release
        }
    }

    /** Text from a receiver, made safe to store: valid UTF-8 only, no NUL (PostgreSQL text refuses it). */
    static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.IGNORE)
                    .onUnmappableCharacter(CodingErrorAction.IGNORE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()
                    .replace("\u0000", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    private static int elapsedMillis(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
