package io.agentcalls.campaign;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads one field of a campaign body: each reader adds a sentence naming the field to {@code errors}
 * when the value is wrong and returns null then; an absent field is null without a problem, an
 * explicit {@code null} is a problem (a field is changed or left alone, never cleared).
 */
final class CampaignFields {

    static final Pattern START = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    static final Pattern END = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");
    private static final Pattern DATE = Pattern.compile("(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}");

    private CampaignFields() {}

    static String string(JsonNode node, String field, List<String> errors) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            errors.add(field + " must not be null");
            return null;
        }
        if (!node.isString()) {
            errors.add(field + " must be a string");
            return null;
        }
        return node.stringValue();
    }

    /** Trimmed text of at most {@code max} characters without control characters; blank when allowed. */
    static String text(JsonNode node, String field, int max, boolean blankAllowed, List<String> errors) {
        String value = string(node, field, errors);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (!blankAllowed && value.isEmpty()) {
            errors.add(field + " must not be blank");
        } else if (value.length() > max) {
            errors.add(field + " must be at most " + max + " characters");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(field + " must not contain control characters");
        } else {
            return value;
        }
        return null;
    }

    /** A given integer field within bounds, or null with the problem added. */
    static Integer integer(JsonNode node, String field, int min, int max, List<String> errors) {
        if (node.isNull()) {
            errors.add(field + " must not be null");
        } else if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(field + " must be an integer");
        } else if (node.intValue() < min || node.intValue() > max) {
            errors.add(field + " must be from " + min + " to " + max);
        } else {
            return node.intValue();
        }
        return null;
    }

    static String time(JsonNode node, String field, Pattern pattern, String range, List<String> errors) {
        String value = string(node, field, errors);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(field + " must be a time HH:MM from " + range);
            return null;
        }
        return value;
    }

    static LocalDate date(JsonNode node, String field, List<String> errors) {
        String value = string(node, field, errors);
        if (value == null) {
            return null;
        }
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value); // strict: 2025-02-30 is refused
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(field + " must be a real date YYYY-MM-DD");
        return null;
    }

    /** One of {@code options}, exactly. */
    static String option(JsonNode node, String field, List<String> options, List<String> errors) {
        String value = string(node, field, errors);
        if (value != null && !options.contains(value)) {
            errors.add(field + " must be one of " + String.join(", ", options));
            return null;
        }
        return value;
    }

    /** An array of distinct strings, each one of {@code options} (any text when null), in the order sent. */
    static List<String> strings(
            JsonNode node, String field, List<String> options, int maxItems, int maxLength, List<String> errors) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(field + " must be an array of strings");
            return null;
        }
        if (node.size() > maxItems) {
            errors.add(field + " must have at most " + maxItems + " items");
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode item : node) {
            String value = text(item, field + "[]", maxLength, false, problems);
            if (value != null && options != null && !options.contains(value)) {
                problems.add(field + " values must be one of " + String.join(", ", options));
            } else if (value != null) {
                values.add(value);
            }
        }
        if (!problems.isEmpty()) {
            errors.add(problems.get(0));
            return null;
        }
        return List.copyOf(values);
    }
}
