package io.agentcalls.customer;

import io.agentcalls.common.BodyValues;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standard fields of a customer JSON object. Types are checked here (a number where text belongs
 * is a problem, never converted); the values' rules are {@link CustomerFields}'. A field given under
 * two of its names ({@code phone} and {@code phone_number}) is a problem, like an unknown field.
 */
final class JsonCustomerValues implements CustomerValues {

    private final JsonNode object;
    private final Map<StandardField, String> names;

    private JsonCustomerValues(JsonNode object, Map<StandardField, String> names) {
        this.object = object;
        this.names = names;
    }

    /** Which standard fields the object gives, under which name; {@code custom} is left to the caller. */
    static JsonCustomerValues of(JsonNode object, List<String> problems) {
        return of(object, null, problems);
    }

    /**
     * As {@link #of(JsonNode, List)}; with {@code extras}, a name that is no standard field is no
     * problem but a custom field, put there (the TimePay Agents API keeps them beside the others).
     */
    static JsonCustomerValues of(JsonNode object, ObjectNode extras, List<String> problems) {
        Map<StandardField, String> names = new EnumMap<>(StandardField.class);
        for (String name : object.propertyNames()) {
            if (name.equals("custom")) {
                continue;
            }
            Optional<StandardField> field = StandardField.named(name);
            if (field.isEmpty() && extras != null) {
                extras.set(name, object.get(name));
            } else if (field.isEmpty()) {
                problems.add("unknown field '" + BodyValues.printable(name) + "'");
            } else if (names.putIfAbsent(field.get(), name) != null && !problems.contains(twice(field.get()))) {
                problems.add(twice(field.get()));
            }
        }
        return new JsonCustomerValues(object, names);
    }

    static String twice(StandardField field) {
        return "give only one of " + field.names().collect(Collectors.joining(", "));
    }

    /** The fields given, under the names given. */
    Map<StandardField, String> given() {
        return names;
    }

    @Override
    public boolean has(StandardField field) {
        return names.containsKey(field);
    }

    @Override
    public String label(StandardField field) {
        return names.getOrDefault(field, field.fieldName());
    }

    @Override
    public String text(StandardField field, List<String> problems) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            problems.add(label(field) + " must be a string");
            return null;
        }
        return node.stringValue();
    }

    @Override
    public BigDecimal amount(StandardField field, List<String> problems) {
        BigDecimal value = number(field, problems);
        return value == null ? null : CustomerFields.amount(label(field), value, problems);
    }

    @Override
    public Integer count(StandardField field, List<String> problems) {
        BigDecimal value = number(field, problems);
        return value == null ? null : CustomerFields.count(label(field), value, problems);
    }

    private BigDecimal number(StandardField field, List<String> problems) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        BigDecimal value = CustomerJson.finiteNumber(node);
        if (value == null) {
            problems.add(label(field) + " must be a number");
        }
        return value;
    }

    /** The field's node; null when absent or JSON null. */
    private JsonNode node(StandardField field) {
        String name = names.get(field);
        JsonNode node = name == null ? null : object.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
