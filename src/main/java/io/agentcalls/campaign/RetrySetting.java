package io.agentcalls.campaign;

import io.agentcalls.common.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code retry} object of a create or patch body. Every field is required inside it but
 * {@code callBackGroupId}, and {@code on} when that names a group (retrying call backs only); the
 * whole setting is turned off with an explicit {@code null}, which the caller tells apart. Whether
 * the group exists is the service's check, which can ask the disposition feature.
 */
final class RetrySetting {

    private static final Set<String> FIELDS = Set.of("on", "callBackGroupId", "maxAttempts", "intervalMinutes");
    private static final String ON_VALUES = String.join(", ", RetryPolicy.STATUSES);

    private RetrySetting() {}

    /** The policy the node describes, or null (with the problems added) when it is not one. */
    static RetryPolicy read(JsonNode node, List<String> errors) {
        if (!node.isObject()) {
            errors.add("retry must be an object with on, maxAttempts and intervalMinutes, or null");
            return null;
        }
        for (String field : node.propertyNames()) {
            if (!FIELDS.contains(field)) {
                errors.add("unknown field 'retry." + field + "'");
            }
        }
        String callBackGroupId = callBackGroup(node.get("callBackGroupId"), errors);
        List<String> on = on(node.get("on"), callBackGroupId != null, errors);
        Integer maxAttempts = required(
                node.get("maxAttempts"),
                "retry.maxAttempts",
                RetryPolicy.MIN_ATTEMPTS,
                RetryPolicy.MAX_ATTEMPTS,
                errors);
        Integer interval = required(
                node.get("intervalMinutes"), "retry.intervalMinutes", 1, RetryPolicy.MAX_INTERVAL_MINUTES, errors);
        if (on == null || maxAttempts == null || interval == null) {
            return null;
        }
        return new RetryPolicy(on, callBackGroupId, maxAttempts, interval);
    }

    /** The group's id if given; {@code null} names none. */
    private static String callBackGroup(JsonNode node, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || !Ids.looksLike("dsp", node.stringValue())) {
            errors.add("retry.callBackGroupId must be the id of a disposition group (dsp_...) or null");
            return null;
        }
        return node.stringValue();
    }

    /** With a call-back group, {@code on} may be left out or empty: only call backs are retried then. */
    private static List<String> on(JsonNode node, boolean callBack, List<String> errors) {
        if (callBack && (node == null || (node.isArray() && node.isEmpty()))) {
            return List.of();
        }
        if (node == null) {
            errors.add("retry.on is required");
            return null;
        }
        if (node.isNull()) {
            errors.add("retry.on must not be null");
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            errors.add("retry.on must be a non-empty array of " + ON_VALUES);
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        boolean repeated = false;
        for (JsonNode value : node) {
            if (!value.isString() || !RetryPolicy.STATUSES.contains(value.stringValue())) {
                errors.add("retry.on values must be one of " + ON_VALUES);
                return null;
            }
            repeated |= !seen.add(value.stringValue());
        }
        if (repeated) {
            errors.add("retry.on must not repeat a status");
            return null;
        }
        return List.copyOf(seen);
    }

    private static Integer required(JsonNode node, String field, int min, int max, List<String> errors) {
        if (node == null) {
            errors.add(field + " is required");
            return null;
        }
        return CampaignFields.integer(node, field, min, max, errors);
    }
}
