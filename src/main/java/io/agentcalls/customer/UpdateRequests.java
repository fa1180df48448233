package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** The bodies of Update Customer and Bulk Update Customer. */
final class UpdateRequests {

    static final String NO_FIELDS = "No valid fields provided for update";

    private static final Set<String> ONE = Set.of("campaignId", "loan_id", "lead_id", "id", "data");
    private static final Set<String> BULK = Set.of("campaignId", "records");

    private UpdateRequests() {}

    /** Update Customer: the customer by {@code loan_id} or {@code lead_id} (or our {@code id}), and its change. */
    record One(String campaignId, String customerId, CustomerPatch patch) {}

    /** Bulk Update Customer: the records as sent, each {@code {id, data}}, read one by one later. */
    record Bulk(String campaignId, List<JsonNode> records) {}

    static One one(JsonNode body) {
        List<String> errors = new ArrayList<>();
        AddCustomersRequest.object(body, ONE, errors);
        String campaignId = AddCustomersRequest.requiredText(body, "campaignId", errors);
        List<String> given =
                List.of("loan_id", "lead_id", "id").stream().filter(body::has).toList();
        String customerId = null;
        if (given.isEmpty()) {
            errors.add("loan_id or lead_id is required");
        } else if (given.size() > 1) {
            errors.add("give only one of " + String.join(", ", given));
        } else {
            customerId = AddCustomersRequest.requiredText(body, given.get(0), errors);
        }
        JsonNode data = body.get("data");
        if (data == null || data.isNull()) {
            errors.add("data is required");
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new One(campaignId, customerId, patch(data, "data"));
    }

    static Bulk bulk(JsonNode body) {
        List<String> errors = new ArrayList<>();
        AddCustomersRequest.object(body, BULK, errors);
        String campaignId = AddCustomersRequest.requiredText(body, "campaignId", errors);
        List<JsonNode> records = AddCustomersRequest.records(body.get("records"), "records", errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Bulk(campaignId, records);
    }

    /** One change; a change of nothing is refused. */
    static CustomerPatch patch(JsonNode data, String name) {
        CustomerPatch patch = CustomerPatch.readDocumented(data, name);
        if (patch.isEmpty()) {
            throw ApiException.badRequest(NO_FIELDS);
        }
        return patch;
    }
}
