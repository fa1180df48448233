package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A PATCH body. Fields not given stay as they are; {@code null} clears an optional field (phone is
 * required and cannot be cleared). {@code custom} is merged key by key; a key set to null is removed.
 * The id cannot change: it is the customer's identity in every upsert.
 */
record CustomerPatch(Set<String> given, CustomerData values, Map<String, Object> custom) {

    static CustomerPatch read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        BodyValues.requireAccepted(body, "");
        List<String> problems = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (String field : body.propertyNames()) {
            if (CustomerFields.ID_FIELDS.contains(field)) {
                problems.add(field + " cannot be changed");
            } else if (CustomerFields.DATA_FIELDS.contains(field)) {
                given.add(field);
            } else if (!field.equals("custom")) {
                problems.add("unknown field '" + field + "'");
            }
        }
        CustomerData values = new CustomerData(
                null,
                CustomerFields.name(CustomerJson.string(body, "name", problems), problems),
                given.contains("phone")
                        ? CustomerFields.phone(CustomerJson.string(body, "phone", problems), problems)
                        : null,
                CustomerFields.language(CustomerJson.string(body, "language", problems), problems),
                CustomerFields.paymentStatus(CustomerJson.string(body, "payment_status", problems), problems),
                CustomerJson.amount(body, "emi_amount", problems),
                CustomerFields.date("emi_due_date", CustomerJson.string(body, "emi_due_date", problems), problems),
                CustomerJson.amount(body, "loan_amount", problems),
                CustomerFields.timezone(CustomerJson.string(body, "timezone", problems), problems),
                Map.of());
        JsonNode customNode = body.get("custom");
        if (customNode != null && customNode.isNull()) {
            problems.add("custom must be an object (set a field to null to remove it)");
        }
        Map<String, Object> custom = CustomerJson.custom(customNode, problems, true);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new CustomerPatch(Set.copyOf(given), values, custom);
    }

    /** The standard fields after the patch; custom is merged by the database (see {@link #customJson()}). */
    CustomerData applyTo(Customer current) {
        return new CustomerData(
                current.id(),
                pick("name", values.name(), current.name()),
                pick("phone", values.phone(), current.phone()),
                pick("language", values.language(), current.language()),
                pick("payment_status", values.paymentStatus(), current.paymentStatus()),
                pick("emi_amount", values.emiAmount(), current.emiAmount()),
                pick("emi_due_date", values.emiDueDate(), current.emiDueDate()),
                pick("loan_amount", values.loanAmount(), current.loanAmount()),
                pick("timezone", values.timezone(), current.timezone()),
                custom);
    }

    /** The custom changes as a JSON merge patch: removed keys are null. */
    String customJson() {
        return CopyText.json(custom);
    }

    Set<String> setCustomNames() {
        Set<String> names = new HashSet<>();
        custom.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return names;
    }

    Set<String> removedCustomNames() {
        Set<String> names = new HashSet<>(custom.keySet());
        names.removeAll(setCustomNames());
        return names;
    }

    private <T> T pick(String field, T patched, T current) {
        return given.contains(field) ? patched : current;
    }
}
