package io.agentcalls.initiation;

import io.agentcalls.customer.PaymentStatus;
import io.agentcalls.initiation.selection.CustomerFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the request's {@code filters} object into {@link CustomerFilter}s, collecting every problem,
 * each naming its path ({@code filters.payment_status}, {@code filters.custom.branch}). Which fields
 * exist is checked later, against the campaign's custom fields.
 */
final class CustomerFiltersReader {

    static final int MAX_VALUES = 10_000;
    private static final int MAX_VALUE_LENGTH = InitiateCallsRequestParser.MAX_ID_LENGTH * 10;

    private final List<String> errors = new ArrayList<>();
    private final List<CustomerFilter> filters = new ArrayList<>();

    private CustomerFiltersReader() {}

    /** The filters read, in the order given, and the problems found on the way. */
    record Read(List<CustomerFilter> filters, List<String> errors) {}

    static Read read(JsonNode node) {
        CustomerFiltersReader reader = new CustomerFiltersReader();
        reader.readFilters(node);
        return new Read(List.copyOf(reader.filters), List.copyOf(reader.errors));
    }

    private void readFilters(JsonNode node) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "ids" ->
                    strings(value, "filters.ids", false).ifPresent(v -> filters.add(new CustomerFilter.AnyOf("id", v)));
                case "exclude_ids" ->
                    strings(value, "filters.exclude_ids", false)
                            .ifPresent(v -> filters.add(new CustomerFilter.NoneOf("id", v)));
                case "payment_status" -> paymentStatus(value);
                case "language" ->
                    stringOrStrings(value, "filters.language")
                            .ifPresent(v -> filters.add(new CustomerFilter.AnyOf("language", lower(v))));
                case "custom" -> custom(value);
                default -> field(key, value, "filters." + key);
            }
        }
    }

    private void paymentStatus(JsonNode value) {
        stringOrStrings(value, "filters.payment_status").ifPresent(values -> {
            List<String> unknown = values.stream()
                    .filter(v -> !PaymentStatus.VALUES.contains(v.toLowerCase()))
                    .toList();
            if (unknown.isEmpty()) {
                filters.add(new CustomerFilter.AnyOf("payment_status", lower(values)));
            } else {
                errors.add("filters.payment_status has unknown value(s) " + unknown + "; allowed: "
                        + String.join(", ", PaymentStatus.VALUES));
            }
        });
    }

    private void custom(JsonNode value) {
        if (!value.isObject()) {
            errors.add("filters.custom must be an object");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String path = "filters.custom." + entry.getKey();
            stringOrStrings(entry.getValue(), path)
                    .ifPresent(v -> filters.add(new CustomerFilter.AnyOf(entry.getKey(), v)));
        }
    }

    /** Any other key names a field: exact match, {from,to} date range or {min,max} number range. */
    private void field(String key, JsonNode value, String path) {
        if (value.isObject() && (value.has("from") || value.has("to"))) {
            dateRange(key, value, path);
        } else if (value.isObject() && (value.has("min") || value.has("max"))) {
            numberRange(key, value, path);
        } else if (value.isString() || value.isArray()) {
            stringOrStrings(value, path).ifPresent(v -> filters.add(new CustomerFilter.AnyOf(key, v)));
        } else {
            errors.add(path + " must be a string, an array of strings, a {from,to} date range or a {min,max} range");
        }
    }

    private void dateRange(String key, JsonNode value, String path) {
        if (!onlyKeys(value, path, "from", "to")) {
            return;
        }
        LocalDate from = date(value.get("from"), path + ".from");
        LocalDate to = date(value.get("to"), path + ".to");
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(path + ".from must not be after " + path + ".to");
        } else {
            filters.add(new CustomerFilter.DateRange(key, from, to));
        }
    }

    private void numberRange(String key, JsonNode value, String path) {
        if (!onlyKeys(value, path, "min", "max")) {
            return;
        }
        BigDecimal min = number(value.get("min"), path + ".min");
        BigDecimal max = number(value.get("max"), path + ".max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(path + ".min must not be greater than " + path + ".max");
        } else {
            filters.add(new CustomerFilter.NumberRange(key, min, max));
        }
    }

    private boolean onlyKeys(JsonNode value, String path, String a, String b) {
        for (String name : value.propertyNames()) {
            if (!name.equals(a) && !name.equals(b)) {
                errors.add(path + " has unknown key '" + name + "'; a range takes " + a + " and " + b);
                return false;
            }
        }
        return true;
    }

    private LocalDate date(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            try {
                return LocalDate.parse(value.asString());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(path + " must be a date (YYYY-MM-DD)");
        return null;
    }

    private BigDecimal number(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(path + " must be a number");
            return null;
        }
        return value.decimalValue();
    }

    private Optional<List<String>> stringOrStrings(JsonNode value, String path) {
        if (value.isString()) {
            return Optional.of(List.of(value.asString()));
        }
        return strings(value, path, true);
    }

    private Optional<List<String>> strings(JsonNode value, String path, boolean singleAllowed) {
        String expected = singleAllowed ? " must be a string or an array of strings" : " must be an array of strings";
        if (!value.isArray()) {
            errors.add(path + expected);
            return Optional.empty();
        }
        if (value.size() > MAX_VALUES) {
            errors.add(path + " must have at most " + MAX_VALUES + " values");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isString() || element.asString().length() > MAX_VALUE_LENGTH) {
                errors.add(path + expected);
                return Optional.empty();
            }
            values.add(element.asString());
        }
        if (values.isEmpty() && !"filters.exclude_ids".equals(path)) {
            errors.add(path + " must not be empty");
            return Optional.empty();
        }
        return Optional.of(values);
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(String::toLowerCase).toList();
    }
}
