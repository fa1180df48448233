package io.agentcalls.webhook;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed delivery over HTTP: the URL is checked again first (DNS may have changed since
 * creation), redirects are never followed, the whole exchange is bounded by the timeout, and no
 * more than 1 KB of the response body is read.
 */
class WebhookSender {

    static final int MAX_BODY_BYTES = 1024;

    private final HttpClient client;
    private final WebhookUrlPolicy urlPolicy;
    private final Duration timeout;

    WebhookSender(WebhookUrlPolicy urlPolicy, Duration timeout) {
        this.urlPolicy = urlPolicy;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    SendResult send(String url, String messageId, long timestampSeconds, String signature, String body) {
        long started = System.nanoTime();
        var refusal = urlPolicy.refusal(url);
        if (refusal.isPresent()) {
            return SendResult.failure("refused: " + refusal.get(), elapsedMillis(started));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "agentcalls-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request, info -> new FirstBytes(MAX_BODY_BYTES));
        try {
            HttpResponse<String> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return SendResult.response(
                    response.statusCode(),
                    response.body(),
                    RetryAfter.parse(
                                    response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                            .orElse(null),
                    elapsedMillis(started));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return SendResult.failure("timed out after " + timeout.toSeconds() + " s", elapsedMillis(started));
        } catch (ExecutionException e) {
            return SendResult.failure(describe(e.getCause()), elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return SendResult.failure("interrupted: the server was shutting down", elapsedMillis(started));
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "timed out after " + timeout.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "connection failed";
        }
        String type = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? type : type + ": " + Text.cleaned(cause.getMessage(), 200);
    }

    private static int elapsedMillis(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** Keeps the first bytes of a body and then hangs up, so a huge or endless body costs nothing. */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<String> {
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), max - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
                if (kept.size() >= max) {
                    body.complete(Text.decodeUtf8(kept.toByteArray()));
                    subscription.cancel();
                    return;
                }
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(Text.decodeUtf8(kept.toByteArray()));
        }
    }

    /** Text from a receiver, made safe to store: valid UTF-8 only, no NUL (PostgreSQL text refuses it). */
    static final class Text {
        private Text() {}

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

        static String cleaned(String text, int maxChars) {
            String clean = text.replace("\u0000", "");
            return clean.length() <= maxChars ? clean : clean.substring(0, maxChars);
        }
    }
}
