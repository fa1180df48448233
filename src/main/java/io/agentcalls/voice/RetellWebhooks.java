package io.agentcalls.voice;

import io.agentcalls.call.CallStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Retell's webhooks: {@code X-Retell-Signature: v=<unix ms>,d=<hex>}, the HMAC-SHA256 with the API key
 * of the raw body followed by the timestamp's digits, accepted within five minutes of our clock (as
 * the SDK's {@code verify}). {@code call_started}, {@code call_ended} and {@code call_analyzed} become
 * our events; the others change nothing.
 */
final class RetellWebhooks {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Pattern SIGNATURE = Pattern.compile("v=(\\d{1,15}),d=([0-9a-f]{64})");

    private final ObjectMapper json;
    private final Clock clock;

    RetellWebhooks(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook) {
        String timestamp = verify(connection, webhook);
        JsonNode root;
        try {
            root = json.readTree(webhook.body());
        } catch (RuntimeException e) {
            throw WebhookRejected.because("The body is not a Retell webhook");
        }
        String event = root.path("event").asString("");
        JsonNode call = root.path("call");
        String callId = VapiServerMessages.textOrNull(call.path("metadata"), RetellProvider.CALL_ID_KEY);
        if (callId == null) {
            return ProviderEvents.none();
        }
        String providerCallId = VapiServerMessages.textOrNull(call, "call_id");
        boolean answered = call.path("start_timestamp").isNumber()
                && !"not_connected".equals(call.path("call_status").asString(""));
        ProviderEvents.Event translated = switch (event) {
            case "call_started" ->
                new ProviderEvents.Event(
                        callId,
                        providerCallId,
                        CallStatus.IN_PROGRESS,
                        millis(call.path("start_timestamp")),
                        null,
                        null,
                        null,
                        null,
                        null);
            case "call_ended", "call_analyzed" -> ended(call, callId, providerCallId, answered, event);
            default -> null;
        };
        if (translated == null) {
            return ProviderEvents.none();
        }
        String replayKey =
                String.join(":", "retell", providerCallId == null ? callId : providerCallId, event, timestamp);
        return new ProviderEvents(List.of(translated), replayKey);
    }

    /** The signature's timestamp, once the signature is found good and fresh. */
    private String verify(ProviderConnection connection, ProviderWebhook webhook) {
        String key = connection.webhookSecret() != null
                        && !connection.webhookSecret().isEmpty()
                ? connection.webhookSecret()
                : connection.apiKey();
        if (key == null || key.isEmpty()) {
            throw WebhookRejected.because("The connection has no API key to check Retell's signature with");
        }
        String header = webhook.header("x-retell-signature");
        if (header == null) {
            throw WebhookRejected.because("Missing X-Retell-Signature header");
        }
        Matcher matcher = SIGNATURE.matcher(header);
        if (!matcher.matches()) {
            throw WebhookRejected.because("Invalid X-Retell-Signature header");
        }
        String timestamp = matcher.group(1);
        long age = Math.abs(clock.millis() - Long.parseLong(timestamp));
        if (age > WINDOW.toMillis()) {
            throw WebhookRejected.because("X-Retell-Signature is outside the five-minute window (a replay?)");
        }
        byte[] signed = concat(webhook.body(), timestamp.getBytes(StandardCharsets.US_ASCII));
        if (!Signatures.equal(Signatures.hmacSha256Hex(key, signed), matcher.group(2))) {
            throw WebhookRejected.because("Invalid X-Retell-Signature header");
        }
        return timestamp;
    }

    private ProviderEvents.Event ended(
            JsonNode call, String callId, String providerCallId, boolean answered, String event) {
        String reason = VapiServerMessages.textOrNull(call, "disconnection_reason");
        JsonNode durationMs = call.path("duration_ms");
        Integer duration = durationMs.isNumber() && durationMs.asLong() >= 0
                ? (int) Math.min(Math.round(durationMs.asDouble() / 1000), 86_400)
                : null;
        return new ProviderEvents.Event(
                callId,
                providerCallId,
                RetellEndReasons.status(reason, answered),
                call.path("end_timestamp").isNumber()
                        ? millis(call.path("end_timestamp"))
                        : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                duration,
                reason,
                VapiServerMessages.textOrNull(call, "recording_url"),
                VapiServerMessages.textOrNull(call, "transcript"),
                event.equals("call_analyzed") ? analysis(call.path("call_analysis")) : null);
    }

    /** The custom analysis data's fields, with Retell's standard ones beside them. */
    private Map<String, Object> analysis(JsonNode analysis) {
        if (!analysis.isObject()) {
            return null;
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (analysis.path("custom_analysis_data").isObject()) {
            flat.putAll(json.convertValue(analysis.path("custom_analysis_data"), Map.class));
        }
        for (String field : new String[] {"call_successful", "user_sentiment", "call_summary", "in_voicemail"}) {
            JsonNode value = analysis.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                flat.putIfAbsent(field, json.convertValue(value, Object.class));
            }
        }
        return flat;
    }

    private OffsetDateTime millis(JsonNode node) {
        return node.isNumber()
                ? Instant.ofEpochMilli(node.asLong()).atOffset(ZoneOffset.UTC)
                : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
