package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one customer object of a JSON request. Field types are checked here (a number where text
 * belongs is a problem, never converted); the values' rules are {@link CustomerFields}'.
 */
final class CustomerJson {

    static final int MAX_CUSTOMERS_PER_REQUEST = 10_000;
    private static final int MAX_LISTED_SHAPE_PROBLEMS = 20;

    private CustomerJson() {}

    /**
     * The entries of a request's {@code customers} array. A request of the wrong shape is refused as a
     * whole, before anything is written; a wrong entry inside a good shape is only that row's problem.
     */
    static List<JsonNode> entries(JsonNode customers) {
        if (customers == null || customers.isNull()) {
            throw ApiException.validation("customers is required");
        }
        if (!customers.isArray()) {
            throw ApiException.validation("customers must be an array");
        }
        if (customers.size() > MAX_CUSTOMERS_PER_REQUEST) {
            throw ApiException.validation("customers must have at most " + MAX_CUSTOMERS_PER_REQUEST
                    + " entries (use the CSV import for more)");
        }
        BodyValues.requireAccepted(customers, "customers");
        List<String> problems = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            JsonNode entry = customers.get(i);
            if (!entry.isObject() && problems.size() < MAX_LISTED_SHAPE_PROBLEMS) {
                problems.add("customers[" + i + "] must be an object");
            }
            entries.add(entry);
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return entries;
    }

    static ParsedCustomer read(JsonNode customer) {
        return read(customer, IdRule.ANY);
    }

    /** One customer object, its id by the campaign's rule ({@code loan_id} or {@code lead_id} by type). */
    static ParsedCustomer read(JsonNode customer, IdRule rule) {
        return read(customer, rule, false);
    }

    /**
     * As {@link #read(JsonNode, IdRule)}; {@code documented} reads a record of the TimePay Agents API,
     * whose fields that are no standard field are custom fields (beside {@code custom}, if given).
     */
    static ParsedCustomer read(JsonNode customer, IdRule rule, boolean documented) {
        List<String> problems = new ArrayList<>();
        ObjectNode extras = documented ? JsonNodeFactory.instance.objectNode() : null;
        JsonCustomerValues values = JsonCustomerValues.of(customer, extras, problems);
        String id = id(values, rule, problems);
        Map<String, Object> custom = customOf(customer, extras, false, problems);
        CustomerData data = CustomerReading.data(values, id, custom, problems);
        return ParsedCustomer.of(id, data, problems);
    }

    /** The custom fields of a record: its {@code custom} object, and the extras of a documented record. */
    static Map<String, Object> customOf(JsonNode record, ObjectNode extras, boolean keepNulls, List<String> problems) {
        Map<String, Object> custom = custom(record.get("custom"), problems, keepNulls);
        if (extras != null && !extras.isEmpty()) {
            Map<String, Object> beside = custom(extras, "", problems, keepNulls);
            for (String name : beside.keySet()) {
                if (custom.containsKey(name)) {
                    problems.add("give " + name + " once: beside the other fields or in custom");
                }
            }
            custom.putAll(beside);
            if (custom.size() > CustomerFields.MAX_CUSTOM_FIELDS) {
                problems.add("a record may have at most " + CustomerFields.MAX_CUSTOM_FIELDS + " custom fields");
            }
        }
        return custom;
    }

    static String id(CustomerValues values, IdRule rule, List<String> problems) {
        String name = values.label(StandardField.ID);
        if (problems.contains(JsonCustomerValues.twice(StandardField.ID))) {
            return null;
        }
        if (values.has(StandardField.ID) && rule.problemWith(name) != null) {
            problems.add(rule.problemWith(name));
            return null;
        }
        return CustomerFields.id(name, values.text(StandardField.ID, problems), rule.missing(), problems);
    }

    /**
     * The custom object: string, number and boolean values keep their JSON type, so a number can later
     * be compared as a number. In a patch a null value removes the field and is kept as null here;
     * elsewhere null (like an empty string) means the field is absent.
     */
    static Map<String, Object> custom(JsonNode node, List<String> problems, boolean keepNulls) {
        return custom(node, "custom.", problems, keepNulls);
    }

    /** @param prefix what names a custom field in problems ({@code custom.} inside custom, none beside) */
    static Map<String, Object> custom(JsonNode node, String prefix, List<String> problems, boolean keepNulls) {
        Map<String, Object> custom = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return custom;
        }
        if (!node.isObject()) {
            problems.add("custom must be an object");
            return custom;
        }
        if (node.size() > CustomerFields.MAX_CUSTOM_FIELDS) {
            problems.add("custom must have at most " + CustomerFields.MAX_CUSTOM_FIELDS + " fields");
            return custom;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String nameProblem = CustomerFields.customNameProblem(name);
            if (nameProblem != null) {
                problems.add(nameProblem);
            } else if (value.isNull()) {
                if (keepNulls) {
                    custom.put(name, null);
                }
            } else if (value.isString()) {
                String text = CustomerFields.customText(name, value.stringValue(), problems);
                if (text != null) {
                    custom.put(name, text);
                } else if (keepNulls) {
                    custom.put(name, null);
                }
            } else if (value.isBoolean()) {
                custom.put(name, value.booleanValue());
            } else if (value.isNumber() && finiteNumber(value) != null) {
                custom.put(name, finiteNumber(value));
            } else {
                problems.add(prefix + name + " must be a string, number or boolean");
            }
        }
        return custom;
    }

    static BigDecimal finiteNumber(JsonNode node) {
        if (!node.isNumber() || (node.isDouble() && !Double.isFinite(node.doubleValue()))) {
            return null;
        }
        return node.decimalValue();
    }
}
