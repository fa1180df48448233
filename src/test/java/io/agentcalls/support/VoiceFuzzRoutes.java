package io.agentcalls.support;

import static io.agentcalls.support.FuzzRoutes.wrong;

import java.util.List;
import java.util.Map;

/**
 * The voice connections' write endpoints and the provider webhook (issue 13). The webhook takes no
 * API key: without the provider's signature every case must be a 401 (or 404) in the envelope.
 */
final class VoiceFuzzRoutes {

    private VoiceFuzzRoutes() {}

    static List<FuzzRoute> all(Map<String, String> ownIds, Map<String, String> foreignIds) {
        String connection = "{\"provider\":\"vapi\",\"name\":\"Fuzz voice\",\"apiKey\":\"fuzz-key-0123456789\","
                + "\"webhookSecret\":\"fuzz-secret\",\"maxConcurrentCalls\":10,\"callsPerSecond\":1.5}";
        Map<String, List<String>> wrongTypes = Map.of(
                "/provider", List.of("1", "\"twilio\"", "null", "[]"),
                "/name", List.of("1", "[]", "\"\"", "\" \""),
                "/apiKey", List.of("1", "{}", "\"has space\""),
                "/maxConcurrentCalls", List.of("\"10\"", "1.5", "0", "99999999999", "true"),
                "/callsPerSecond", List.of("\"x\"", "-1", "0", "true", "1e400"));
        String vapiStatus = "{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\",\"timestamp\":1,"
                + "\"call\":{\"id\":\"v1\",\"assistantOverrides\":{\"metadata\":{\"agentcallsCallId\":\""
                + ownIds.get("callId") + "\"}}}}}";
        return List.of(
                FuzzRoute.json("POST", "/api/v1/voice-connections", connection, wrongTypes),
                FuzzRoute.json(
                        "PATCH",
                        "/api/v1/voice-connections/{connectionId}",
                        "{\"name\":\"Fuzz renamed\",\"maxConcurrentCalls\":5}",
                        Map.of(
                                "/name", List.of("null", "1", "\"\""),
                                "/apiKey", List.of("null", "2"),
                                "/maxConcurrentCalls", List.of("null", "\"5\"", "-1"),
                                "/provider", List.of("\"retell\""))),
                FuzzRoute.idOnly("DELETE", "/api/v1/voice-connections/{connectionId}"),
                FuzzRoute.idOnly("POST", "/api/v1/voice-connections/{connectionId}/test"),
                FuzzRoute.json(
                        "POST",
                        "/api/v1/providers/{provider}/events/{connectionId}",
                        vapiStatus,
                        wrong("/message", "1", "[]", "null")));
    }
}
