package io.agentcalls.voice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Retell, from its Python SDK's types (RetellAI/retell-python-sdk 5.60.0:
 * {@code call_create_phone_call_params.py}, {@code phone_call_response.py}, {@code lib/webhook_auth.py}):
 * {@code POST /v2/create-phone-call} from our caller number to the customer, with the agent override,
 * the dynamic variables and our call id in {@code metadata}, which every webhook's call carries back.
 */
@Component
class RetellProvider implements VoiceProvider {

    static final String NAME = "retell";
    static final String CALL_ID_KEY = "agentcallsCallId";

    private final ProviderHttp http;
    private final RetellWebhooks webhooks;

    RetellProvider(ProviderProperties properties, ObjectMapper json) {
        this.http = new ProviderHttp(NAME, properties.retellEndpoint(), json);
        this.webhooks = new RetellWebhooks(json, Clock.systemUTC());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DialOutcome place(ProviderConnection connection, Dial dial) {
        if (dial.from() == null || dial.from().isBlank()) {
            return new DialOutcome.Refused("Retell needs the caller number (from_number)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from_number", dial.from());
        body.put("to_number", dial.to());
        if (dial.providerAgentId() != null && !dial.providerAgentId().isBlank()) {
            body.put("override_agent_id", dial.providerAgentId());
        }
        body.put("retell_llm_dynamic_variables", dial.variables());
        body.put("metadata", Map.of(CALL_ID_KEY, dial.callId()));
        try {
            ProviderHttp.Answer answer = http.send("POST", "/v2/create-phone-call", connection.apiKey(), body);
            return http.dialOutcome(answer, node -> node.path("call_id").asString(null));
        } catch (ProviderHttp.NoAnswer e) {
            return ProviderHttp.noAnswer(e);
        }
    }

    /** {@code POST /v2/stop-call/{call_id}}; a call Retell no longer knows is already over. */
    @Override
    public void hangUp(ProviderConnection connection, String providerCallId) {
        try {
            ProviderHttp.Answer answer = http.send(
                    "POST",
                    "/v2/stop-call/" + URLEncoder.encode(providerCallId, StandardCharsets.UTF_8),
                    connection.apiKey(),
                    null);
            if (!answer.ok() && answer.status() != 404) {
                throw new IllegalStateException(http.reason(answer));
            }
        } catch (ProviderHttp.NoAnswer e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook) {
        return webhooks.receive(connection, webhook);
    }

    /** {@code POST /v2/list-agents?limit=1}: the SDK's agent list, read-only despite the verb. */
    @Override
    public ConnectionCheck check(ProviderConnection connection) {
        try {
            ProviderHttp.Answer answer = http.send("POST", "/v2/list-agents?limit=1", connection.apiKey(), Map.of());
            if (answer.ok()) {
                return ConnectionCheck.passed();
            }
            return ConnectionCheck.failed(
                    answer.status() == 401 || answer.status() == 403
                            ? "Retell refused the API key (HTTP " + answer.status() + ")"
                            : http.reason(answer));
        } catch (ProviderHttp.NoAnswer e) {
            return ConnectionCheck.failed(e.getMessage());
        }
    }
}
