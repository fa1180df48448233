package io.agentcalls.voice;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each provider's published contract asks of our requests, written from the documents we read
 * (docs/PROVIDERS.md names their versions): the stub servers answer as the provider does, and every
 * request they saw is checked here. An empty list is a request the provider would take.
 */
public final class ProviderContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The properties of Vapi's {@code CreateCallDTO} (VapiAI/docs eabfa53). */
    static final Set<String> VAPI_CREATE_CALL_FIELDS = Set.of(
            "assistant",
            "assistantId",
            "assistantOverrides",
            "assistantVersion",
            "customer",
            "customerId",
            "customers",
            "name",
            "phoneNumber",
            "phoneNumberId",
            "schedulePlan",
            "squad",
            "squadId",
            "squadOverrides",
            "transport",
            "workflow",
            "workflowId",
            "workflowOverrides");

    /** The keys of Retell's {@code CallCreatePhoneCallParams} (retell-python-sdk 5.60.0). */
    static final Set<String> RETELL_CREATE_CALL_FIELDS = Set.of(
            "from_number",
            "to_number",
            "agent_override",
            "custom_sip_headers",
            "ignore_e164_validation",
            "metadata",
            "override_agent_id",
            "override_agent_version",
            "retell_llm_dynamic_variables");

    private ProviderContracts() {}

    /** {@code POST /call}: bearer key, JSON, known fields, the customer's number 3–40 characters. */
    static List<String> vapiCreateCall(LoggedRequest request, String apiKey, String callId) {
        List<String> violations = common(request, "POST", "/call", apiKey);
        JsonNode body = body(request, violations);
        if (body == null) {
            return violations;
        }
        body.propertyNames().forEach(name -> {
            if (!VAPI_CREATE_CALL_FIELDS.contains(name)) {
                violations.add("CreateCallDTO has no property " + name);
            }
        });
        text(body, "/assistantId", violations);
        text(body, "/phoneNumberId", violations);
        String number = body.at("/customer/number").asString("");
        if (number.length() < 3 || number.length() > 40) {
            violations.add("customer.number must be 3 to 40 characters");
        }
        if (!body.at("/assistantOverrides/variableValues").isObject()) {
            violations.add("assistantOverrides.variableValues must be an object");
        }
        if (!callId.equals(
                body.at("/assistantOverrides/metadata/agentcallsCallId").asString(""))) {
            violations.add("assistantOverrides.metadata must carry our call id");
        }
        return violations;
    }

    /** {@code POST /v2/create-phone-call}: bearer key, JSON, known keys, string dynamic variables. */
    public static List<String> retellCreatePhoneCall(LoggedRequest request, String apiKey, String callId) {
        List<String> violations = common(request, "POST", "/v2/create-phone-call", apiKey);
        JsonNode body = body(request, violations);
        if (body == null) {
            return violations;
        }
        body.propertyNames().forEach(name -> {
            if (!RETELL_CREATE_CALL_FIELDS.contains(name)) {
                violations.add("CallCreatePhoneCallParams has no key " + name);
            }
        });
        for (String required : new String[] {"/from_number", "/to_number"}) {
            if (!body.at(required).asString("").matches("\\+[1-9]\\d{6,14}")) {
                violations.add(required.substring(1) + " is required, in E.164");
            }
        }
        JsonNode variables = body.at("/retell_llm_dynamic_variables");
        if (!variables.isMissingNode()) {
            if (!variables.isObject()) {
                violations.add("retell_llm_dynamic_variables must be an object");
            } else {
                variables.properties().forEach(e -> {
                    if (!e.getValue().isString()) {
                        violations.add("retell_llm_dynamic_variables." + e.getKey() + " must be a string");
                    }
                });
            }
        }
        if (!callId.equals(body.at("/metadata/agentcallsCallId").asString(""))) {
            violations.add("metadata must carry our call id");
        }
        return violations;
    }

    static List<String> common(LoggedRequest request, String method, String path, String apiKey) {
        List<String> violations = new ArrayList<>();
        if (!request.getMethod().getName().equals(method)) {
            violations.add("method " + request.getMethod().getName() + ", not " + method);
        }
        if (!request.getUrl().split("\\?")[0].equals(path)) {
            violations.add("path " + request.getUrl() + ", not " + path);
        }
        if (!("Bearer " + apiKey).equals(request.getHeader("Authorization"))) {
            violations.add("Authorization must be the bearer API key");
        }
        return violations;
    }

    private static JsonNode body(LoggedRequest request, List<String> violations) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add("Content-Type must be application/json");
        }
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            if (!body.isObject()) {
                violations.add("the body must be a JSON object");
                return null;
            }
            return body;
        } catch (RuntimeException e) {
            violations.add("the body is not JSON");
            return null;
        }
    }

    private static void text(JsonNode body, String pointer, List<String> violations) {
        if (!body.at(pointer).isString() || body.at(pointer).asString().isBlank()) {
            violations.add(pointer.substring(1) + " must be a non-empty string");
        }
    }
}
