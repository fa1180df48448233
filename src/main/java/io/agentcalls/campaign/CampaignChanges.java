package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a create or patch body. Read field by field rather than bound to a record, so every
 * problem is named at once and an explicit {@code null} (a 400) is told apart from an absent field
 * (left unchanged, or the default on create). Null components here mean "not given", except for
 * {@code retry}, where an explicit null turns retries off: {@code retryGiven} tells the two apart.
 */
record CampaignChanges(
        String name,
        String timezone,
        CallingWindow callingWindow,
        Integer maxAttemptsPerDay,
        Integer maxAttemptsPerWeek,
        boolean retryGiven,
        RetryPolicy retry) {

    static final int MAX_ATTEMPTS = 1000;
    static final int MAX_NAME_LENGTH = 200;

    private static final Set<String> FIELDS =
            Set.of("name", "timezone", "callingWindow", "maxAttemptsPerDay", "maxAttemptsPerWeek", "retry");
    private static final Pattern START = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern END = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    static CampaignChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        BodyValues.requireAccepted(body, "");
        List<String> errors = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add("unknown field '" + field + "'");
            }
        }
        CampaignChanges changes = new CampaignChanges(
                name(body.get("name"), errors),
                timezone(body.get("timezone"), errors),
                callingWindow(body.get("callingWindow"), errors),
                attempts(body.get("maxAttemptsPerDay"), "maxAttemptsPerDay", errors),
                attempts(body.get("maxAttemptsPerWeek"), "maxAttemptsPerWeek", errors),
                body.has("retry"),
                body.hasNonNull("retry") ? RetrySetting.read(body.get("retry"), errors) : null);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return changes;
    }

    /** These changes applied over {@code base}, then checked as a whole (the rules that span fields). */
    CampaignSettings applyTo(CampaignSettings base) {
        CampaignSettings merged = new CampaignSettings(
                name != null ? name : base.name(),
                timezone != null ? timezone : base.timezone(),
                callingWindow != null ? callingWindow : base.callingWindow(),
                maxAttemptsPerDay != null ? maxAttemptsPerDay : base.maxAttemptsPerDay(),
                maxAttemptsPerWeek != null ? maxAttemptsPerWeek : base.maxAttemptsPerWeek(),
                retryGiven ? retry : base.retry());
        List<String> errors = merged.problems();
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return merged;
    }

    private static String name(JsonNode node, List<String> errors) {
        String name = string(node, "name", errors);
        if (name == null) {
            return null;
        }
        name = name.trim();
        if (name.isEmpty()) {
            errors.add("name must not be blank");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }

    private static String timezone(JsonNode node, List<String> errors) {
        String zone = string(node, "timezone", errors);
        if (zone != null && !ZONES.contains(zone)) {
            errors.add("timezone must be an IANA timezone such as Asia/Kolkata");
        }
        return zone;
    }

    private static CallingWindow callingWindow(JsonNode node, List<String> errors) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            errors.add("callingWindow must be an object with start and end");
            return null;
        }
        for (String field : node.propertyNames()) {
            if (!field.equals("start") && !field.equals("end")) {
                errors.add("unknown field 'callingWindow." + field + "'");
            }
        }
        String start = time(node.get("start"), "callingWindow.start", START, "00:00 to 23:59", errors);
        String end = time(node.get("end"), "callingWindow.end", END, "00:00 to 24:00", errors);
        return start == null || end == null ? null : new CallingWindow(start, end);
    }

    private static String time(JsonNode node, String field, Pattern pattern, String range, List<String> errors) {
        if (node == null) {
            errors.add(field + " is required");
            return null;
        }
        String value = string(node, field, errors);
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(field + " must be a time HH:MM from " + range);
            return null;
        }
        return value;
    }

    private static Integer attempts(JsonNode node, String field, List<String> errors) {
        return node == null ? null : integer(node, field, 1, MAX_ATTEMPTS, errors);
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

    private static String string(JsonNode node, String field, List<String> errors) {
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
}
