package io.agentcalls.voice;

import io.agentcalls.call.CallStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Vapi's server messages ({@code ServerMessage} of its OpenAPI document): authenticated by the
 * server secret Vapi sends as it is in {@code X-Vapi-Secret} (or as a bearer token, when the server
 * credential is a bearer token credential); {@code status-update} and {@code end-of-call-report}
 * become our events, every other type changes nothing.
 */
final class VapiServerMessages {

    private final ObjectMapper json;

    VapiServerMessages(ObjectMapper json) {
        this.json = json;
    }

    ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook) {
        verify(connection, webhook);
        JsonNode message;
        try {
            message = json.readTree(webhook.body()).path("message");
        } catch (RuntimeException e) {
            throw WebhookRejected.because("The body is not a Vapi server message");
        }
        String type = message.path("type").asString("");
        JsonNode call = message.path("call");
        String callId = ourCallId(message);
        if (callId == null || !(type.equals("status-update") || type.equals("end-of-call-report"))) {
            return ProviderEvents.none();
        }
        String providerCallId = call.path("id").asString(null);
        OffsetDateTime at = at(message);
        String replayKey = String.join(
                ":", "vapi", providerCallId == null ? callId : providerCallId, type, stamp(message, webhook));
        ProviderEvents.Event event = type.equals("status-update")
                ? statusUpdate(message, call, callId, providerCallId, at)
                : endOfCallReport(message, call, callId, providerCallId, at);
        return event == null ? ProviderEvents.none() : new ProviderEvents(List.of(event), replayKey);
    }

    private static void verify(ProviderConnection connection, ProviderWebhook webhook) {
        String secret = connection.webhookSecret();
        if (secret == null || secret.isEmpty()) {
            throw WebhookRejected.because("The connection has no webhook secret to check Vapi's against");
        }
        String sent = webhook.header("x-vapi-secret");
        String authorization = webhook.header("authorization");
        if (sent == null && authorization != null && authorization.startsWith("Bearer ")) {
            sent = authorization.substring("Bearer ".length());
        }
        if (sent == null || !Signatures.equal(secret, sent)) {
            throw WebhookRejected.because(
                    sent == null ? "Missing X-Vapi-Secret header" : "Invalid X-Vapi-Secret header");
        }
    }

    private static ProviderEvents.Event statusUpdate(
            JsonNode message, JsonNode call, String callId, String providerCallId, OffsetDateTime at) {
        CallStatus status = switch (message.path("status").asString("")) {
            case "scheduled", "queued" -> CallStatus.INITIATED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "forwarding" -> CallStatus.IN_PROGRESS;
            case "ended" -> VapiEndReasons.status(textOrNull(message, "endedReason"), answered(call));
            default -> null;
        };
        if (status == null) {
            return null;
        }
        return new ProviderEvents.Event(
                callId, providerCallId, status, at, null, textOrNull(message, "endedReason"), null, null, null);
    }

    private ProviderEvents.Event endOfCallReport(
            JsonNode message, JsonNode call, String callId, String providerCallId, OffsetDateTime at) {
        String reason = textOrNull(message, "endedReason");
        OffsetDateTime started =
                time(message.path("startedAt").asString(call.path("startedAt").asString(null)));
        OffsetDateTime ended =
                time(message.path("endedAt").asString(call.path("endedAt").asString(null)));
        Integer duration = started != null && ended != null && !ended.isBefore(started)
                ? (int) Math.min(Duration.between(started, ended).toSeconds(), 86_400)
                : null;
        JsonNode artifact = message.path("artifact");
        String recording = firstText(
                artifact.path("recording").path("mono").path("combinedUrl"),
                artifact.path("recording").path("stereoUrl"),
                artifact.path("recordingUrl"));
        return new ProviderEvents.Event(
                callId,
                providerCallId,
                VapiEndReasons.status(reason, started != null || answered(call)),
                ended != null ? ended : at,
                duration,
                reason,
                recording,
                textOrNull(artifact, "transcript"),
                analysis(message.path("analysis")));
    }

    /** Structured data's fields, with the summary and success evaluation beside them. */
    private Map<String, Object> analysis(JsonNode analysis) {
        if (!analysis.isObject()) {
            return null;
        }
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        if (analysis.path("structuredData").isObject()) {
            flat.putAll(json.convertValue(analysis.path("structuredData"), Map.class));
        }
        for (String field : new String[] {"summary", "successEvaluation"}) {
            if (!analysis.path(field).isMissingNode() && !analysis.path(field).isNull()) {
                flat.putIfAbsent(field, json.convertValue(analysis.path(field), Object.class));
            }
        }
        return flat;
    }

    /** Ours, from the overrides we sent; Vapi also echoes them on the assistant it ran. */
    private static String ourCallId(JsonNode message) {
        return firstText(
                message.path("call").path("assistantOverrides").path("metadata").path(VapiProvider.CALL_ID_KEY),
                message.path("assistant").path("metadata").path(VapiProvider.CALL_ID_KEY));
    }

    private static boolean answered(JsonNode call) {
        return call.path("startedAt").isString();
    }

    /** Vapi's message timestamp (milliseconds), else a digest of the body, for recognising a replay. */
    private static String stamp(JsonNode message, ProviderWebhook webhook) {
        JsonNode timestamp = message.path("timestamp");
        if (timestamp.isNumber()) {
            return timestamp.asString();
        }
        return Signatures.sha256Hex(new String(webhook.body(), StandardCharsets.UTF_8));
    }

    private static OffsetDateTime at(JsonNode message) {
        JsonNode timestamp = message.path("timestamp");
        if (timestamp.isNumber()) {
            long value = timestamp.asLong();
            Instant instant = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return instant.atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static OffsetDateTime time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            if (node.isString() && !node.asString().isBlank()) {
                return node.asString();
            }
        }
        return null;
    }
}
