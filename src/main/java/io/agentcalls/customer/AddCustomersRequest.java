package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * An Add Customer or Bulk Add Customers body: the campaign, the records (shape only; each is read by
 * the import), and whether to call the customers added, with which agent and disposition set.
 *
 * @param callConfig null unless {@code initiateCall}
 */
record AddCustomersRequest(String campaignId, List<JsonNode> records, CallConfig callConfig) {

    /** {@code callConfig}: the agent and disposition set of the calls. */
    record CallConfig(String agentId, String dispositionId) {}

    static final int MAX_RECORDS = 10_000;
    private static final int MAX_LISTED = 20;
    private static final Set<String> SINGLE = Set.of("campaignId", "data", "initiateCall", "callConfig");
    private static final Set<String> BULK =
            Set.of("campaignId", "records", "initiateCall", "callConfig", "useWorkflow");

    boolean initiateCall() {
        return callConfig != null;
    }

    /** Add Customer: {@code data} is the one record. */
    static AddCustomersRequest single(JsonNode body) {
        List<String> errors = new ArrayList<>();
        object(body, SINGLE, errors);
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) {
            errors.add("data is required");
        } else if (!data.isObject()) {
            errors.add("data must be an object");
        }
        return request(body, errors.isEmpty() ? List.of(data) : List.of(), errors);
    }

    /** Bulk Add Customers: {@code records}, at most 10,000. */
    static AddCustomersRequest bulk(JsonNode body) {
        List<String> errors = new ArrayList<>();
        object(body, BULK, errors);
        List<JsonNode> records = records(body.get("records"), "records", errors);
        boolean useWorkflow = flag(body.get("useWorkflow"), "useWorkflow", errors);
        if (useWorkflow && flag(body.get("initiateCall"), "initiateCall", new ArrayList<>())) {
            errors.add("useWorkflow cannot be true if initiateCall is true");
        } else if (useWorkflow) {
            errors.add("useWorkflow is not supported: agentcalls runs no workflows (initiateCall calls the customers)");
        }
        return request(body, records, errors);
    }

    /** An array of at most 10,000 objects, for bulk bodies. */
    static List<JsonNode> records(JsonNode node, String field, List<String> errors) {
        if (node == null || node.isNull()) {
            errors.add(field + " is required");
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(field + " must be an array");
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add(field + " must have at least one record");
            return List.of();
        }
        if (node.size() > MAX_RECORDS) {
            errors.add(field + " must have at most " + MAX_RECORDS + " records");
            return List.of();
        }
        List<JsonNode> records = new ArrayList<>(node.size());
        int listed = 0;
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject() && listed++ < MAX_LISTED) {
                errors.add(field + "[" + i + "] must be an object");
            }
            records.add(node.get(i));
        }
        return records;
    }

    /** The body is an object of only these fields, values without NUL or overflowing numbers. */
    static void object(JsonNode body, Set<String> fields, List<String> errors) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        BodyValues.requireAccepted(body, "");
        for (String field : body.propertyNames()) {
            if (!fields.contains(field)) {
                errors.add("unknown field '" + BodyValues.printable(field) + "'");
            }
        }
    }

    /** A required non-blank string field. */
    static String requiredText(JsonNode body, String field, List<String> errors) {
        return requiredText(body, field, field, errors);
    }

    private static String requiredText(JsonNode body, String field, String label, List<String> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            errors.add(label + " is required");
        } else if (!node.isString() || node.stringValue().isBlank()) {
            errors.add(label + " must be a non-empty string");
        } else {
            return node.stringValue().strip();
        }
        return null;
    }

    private static AddCustomersRequest request(JsonNode body, List<JsonNode> records, List<String> errors) {
        String campaignId = requiredText(body, "campaignId", errors);
        boolean initiateCall = flag(body.get("initiateCall"), "initiateCall", errors);
        CallConfig callConfig = callConfig(body.get("callConfig"), initiateCall, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new AddCustomersRequest(campaignId, records, initiateCall ? callConfig : null);
    }

    private static boolean flag(JsonNode node, String field, List<String> errors) {
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            errors.add(field + " must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    private static CallConfig callConfig(JsonNode node, boolean initiateCall, List<String> errors) {
        if (node == null || node.isNull()) {
            if (initiateCall) {
                errors.add("callConfig is required when initiateCall is true");
            }
            return null;
        }
        if (!node.isObject()) {
            errors.add("callConfig must be an object with agentId and dispositionId");
            return null;
        }
        for (String field : node.propertyNames()) {
            if (!field.equals("agentId") && !field.equals("dispositionId")) {
                errors.add("unknown field 'callConfig." + BodyValues.printable(field) + "'");
            }
        }
        String agentId = requiredText(node, "agentId", "callConfig.agentId", errors);
        String dispositionId = requiredText(node, "dispositionId", "callConfig.dispositionId", errors);
        return agentId == null || dispositionId == null ? null : new CallConfig(agentId, dispositionId);
    }
}
