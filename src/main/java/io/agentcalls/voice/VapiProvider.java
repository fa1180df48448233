package io.agentcalls.voice;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Vapi, from its OpenAPI document (VapiAI/docs {@code fern/apis/api/openapi.json}): {@code POST /call}
 * with the assistant, the caller number's id and the customer's number; our call id rides in
 * {@code assistantOverrides.metadata} and comes back on every server message's call. A call is ended
 * through its live control URL, which we ask Vapi to open for every call we place.
 */
@Component
class VapiProvider implements VoiceProvider {

    static final String NAME = "vapi";
    static final String CALL_ID_KEY = "agentcallsCallId";

    private final ProviderHttp http;
    private final VapiServerMessages messages;

    VapiProvider(ProviderProperties properties, ObjectMapper json) {
        this.http = new ProviderHttp(NAME, properties.vapiEndpoint(), json);
        this.messages = new VapiServerMessages(json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DialOutcome place(ProviderConnection connection, Dial dial) {
        if (dial.providerAgentId() == null || dial.providerAgentId().isBlank()) {
            return new DialOutcome.Refused("The agent has no providerAgentId (Vapi assistantId)");
        }
        if (dial.providerNumberId() == null || dial.providerNumberId().isBlank()) {
            return new DialOutcome.Refused("The caller number has no providerNumberId (Vapi phoneNumberId)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistantId", dial.providerAgentId());
        body.put("phoneNumberId", dial.providerNumberId());
        body.put("customer", Map.of("number", dial.to()));
        body.put(
                "assistantOverrides",
                Map.of(
                        "variableValues", dial.variables(),
                        "metadata", Map.of(CALL_ID_KEY, dial.callId()),
                        "monitorPlan", Map.of("controlEnabled", true)));
        try {
            ProviderHttp.Answer answer = http.send("POST", "/call", connection.apiKey(), body);
            return http.dialOutcome(answer, node -> node.path("id").asString(null));
        } catch (ProviderHttp.NoAnswer e) {
            return ProviderHttp.noAnswer(e);
        }
    }

    /**
     * Reads the call for its control URL and asks it to end the call; a call Vapi no longer knows,
     * or one already over (no control URL), needs nothing.
     */
    @Override
    public void hangUp(ProviderConnection connection, String providerCallId) {
        try {
            ProviderHttp.Answer call = http.send("GET", "/call/" + encode(providerCallId), connection.apiKey(), null);
            if (call.status() == 404) {
                return;
            }
            if (!call.ok()) {
                throw new IllegalStateException(http.reason(call));
            }
            JsonNode node = http.parse(call.body());
            String controlUrl = node.path("monitor").path("controlUrl").asString(null);
            if (controlUrl == null || "ended".equals(node.path("status").asString(""))) {
                return;
            }
            ProviderHttp.Answer ended = http.send("POST", URI.create(controlUrl), null, Map.of("type", "end-call"));
            if (!ended.ok() && ended.status() != 404) {
                throw new IllegalStateException(http.reason(ended));
            }
        } catch (ProviderHttp.NoAnswer e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook) {
        return messages.receive(connection, webhook);
    }

    /** {@code GET /assistant?limit=1}: read-only, and it needs a valid private key. */
    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        try {
            ProviderHttp.Answer answer = http.send("GET", "/assistant?limit=1", connection.apiKey(), null);
            if (answer.ok()) {
                return ConnectionCheck.passed();
            }
            return ConnectionCheck.failed(
                    answer.status() == 401 || answer.status() == 403
                            ? "Vapi refused the API key (HTTP " + answer.status() + ")"
                            : http.reason(answer));
        } catch (ProviderHttp.NoAnswer e) {
            return ConnectionCheck.failed(e.getMessage());
        }
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
