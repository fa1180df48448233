package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a create or update body, ours and the TimePay API's alike. Read field by field
 * rather than bound to a record, so every problem is named at once and an explicit {@code null} (a
 * 400) is told apart from an absent field (left unchanged, or the default on create). Null
 * components mean "not given", except for {@code retry}, where an explicit null turns retries off:
 * {@code retryGiven} tells the two apart. {@code startTime}/{@code endTime} are the calling window's
 * start and end under their documented names. {@code given} lists the fields sent, in body order.
 */
record CampaignChanges(
        List<String> given,
        String name,
        String timezone,
        String windowStart,
        String windowEnd,
        Integer maxAttemptsPerDay,
        Integer maxAttemptsPerWeek,
        boolean retryGiven,
        RetryPolicy retry,
        String status,
        DetailsChanges details) {

    static final int MAX_ATTEMPTS = 1000;
    static final int MAX_NAME_LENGTH = 200;

    private static final Set<String> FIELDS = fields();
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    static CampaignChanges read(JsonNode body) {
        return read(body, Set.of());
    }

    /** As {@link #read(JsonNode)}, leaving the fields {@code readElsewhere} to the caller. */
    static CampaignChanges read(JsonNode body, Set<String> readElsewhere) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        BodyValues.requireAccepted(body, "");
        List<String> errors = new ArrayList<>();
        List<String> given = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (FIELDS.contains(field)) {
                given.add(field);
            } else if (!readElsewhere.contains(field)) {
                errors.add("unknown field '" + BodyValues.printable(field) + "'");
            }
        }
        String name = CampaignFields.text(body.get("name"), "name", MAX_NAME_LENGTH, false, errors);
        String timezone = timezone(body.get("timezone"), errors);
        String[] window = window(body, errors);
        CampaignChanges changes = new CampaignChanges(
                List.copyOf(given),
                name,
                timezone,
                window[0],
                window[1],
                attempts(body.get("maxAttemptsPerDay"), "maxAttemptsPerDay", errors),
                attempts(body.get("maxAttemptsPerWeek"), "maxAttemptsPerWeek", errors),
                body.has("retry"),
                body.hasNonNull("retry") ? RetrySetting.read(body.get("retry"), errors) : null,
                CampaignFields.option(body.get("status"), "status", Campaign.SETTABLE_STATUSES, errors),
                DetailsChanges.read(body, errors));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return changes;
    }

    /** The names of {@code required} this body does not give (the calling window counts as both times). */
    List<String> missing(List<String> required) {
        Set<String> present = new LinkedHashSet<>(given);
        if (present.contains("callingWindow")) {
            present.add("startTime");
            present.add("endTime");
        }
        return required.stream().filter(field -> !present.contains(field)).toList();
    }

    /** These changes applied over {@code base}, then checked as a whole (the rules that span fields). */
    CampaignSettings applyTo(CampaignSettings base) {
        CampaignSettings merged = new CampaignSettings(
                name != null ? name : base.name(),
                timezone != null ? timezone : base.timezone(),
                new CallingWindow(
                        windowStart != null ? windowStart : base.callingWindow().start(),
                        windowEnd != null ? windowEnd : base.callingWindow().end()),
                maxAttemptsPerDay != null ? maxAttemptsPerDay : base.maxAttemptsPerDay(),
                maxAttemptsPerWeek != null ? maxAttemptsPerWeek : base.maxAttemptsPerWeek(),
                retryGiven ? retry : base.retry(),
                status != null ? status : base.status(),
                details.applyTo(base.details()));
        List<String> errors = merged.problems();
        if (given.contains("startTime") || given.contains("endTime")) { // say it in the names the client used
            errors = errors.stream()
                    .map(e -> e.replace("callingWindow.start and callingWindow.end", "startTime and endTime"))
                    .toList();
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return merged;
    }

    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>(List.of(
                "name",
                "timezone",
                "callingWindow",
                "startTime",
                "endTime",
                "maxAttemptsPerDay",
                "maxAttemptsPerWeek",
                "retry",
                "status"));
        fields.addAll(DetailsChanges.FIELDS);
        return Set.copyOf(fields);
    }

    private static String timezone(JsonNode node, List<String> errors) {
        String zone = CampaignFields.string(node, "timezone", errors);
        if (zone != null && !ZONES.contains(zone)) {
            errors.add("timezone must be an IANA timezone such as Asia/Kolkata");
            return null;
        }
        return zone;
    }

    /** Start and end from {@code callingWindow} or from {@code startTime}/{@code endTime}, not both. */
    private static String[] window(JsonNode body, List<String> errors) {
        JsonNode window = body.get("callingWindow");
        if (window != null && (body.has("startTime") || body.has("endTime"))) {
            errors.add("give callingWindow or startTime and endTime, not both");
            return new String[2];
        }
        if (window == null) {
            return new String[] {
                CampaignFields.time(body.get("startTime"), "startTime", CampaignFields.START, "00:00 to 23:59", errors),
                CampaignFields.time(body.get("endTime"), "endTime", CampaignFields.END, "00:00 to 24:00", errors)
            };
        }
        if (!window.isObject()) {
            errors.add("callingWindow must be an object with start and end");
            return new String[2];
        }
        for (String field : window.propertyNames()) {
            if (!field.equals("start") && !field.equals("end")) {
                errors.add("unknown field 'callingWindow." + BodyValues.printable(field) + "'");
            }
        }
        String start =
                required(window.get("start"), "callingWindow.start", CampaignFields.START, "00:00 to 23:59", errors);
        String end = required(window.get("end"), "callingWindow.end", CampaignFields.END, "00:00 to 24:00", errors);
        return start == null || end == null ? new String[2] : new String[] {start, end};
    }

    private static String required(
            JsonNode node, String field, java.util.regex.Pattern pattern, String range, List<String> errors) {
        if (node == null) {
            errors.add(field + " is required");
            return null;
        }
        return CampaignFields.time(node, field, pattern, range, errors);
    }

    private static Integer attempts(JsonNode node, String field, List<String> errors) {
        return node == null ? null : CampaignFields.integer(node, field, 1, MAX_ATTEMPTS, errors);
    }
}
