package io.agentcalls.initiation;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import io.agentcalls.initiation.selection.CustomerFilter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads the request body into an {@link InitiateCallsRequest}, collecting every problem at once in
 * the wording of the Initiate Call(s) contract ({@code "agentId is required and must be a string"});
 * the {@code filters} object is read by {@link CustomerFiltersReader}.
 */
final class InitiateCallsRequestParser {

    static final int MAX_VALUES = CustomerFiltersReader.MAX_VALUES;
    private static final Set<String> TOP_LEVEL =
            Set.of("agentId", "dispositionId", "limit", "filters", "dryRun", "startAt");
    /** How far ahead startAt may be: a campaign's calls are not planned further out than this. */
    static final Duration MAX_START_AHEAD = Duration.ofDays(30);

    static final int MAX_ID_LENGTH = 100;

    private final List<String> errors = new ArrayList<>();

    private InitiateCallsRequestParser() {}

    static InitiateCallsRequest parse(JsonNode body) {
        return new InitiateCallsRequestParser().read(body);
    }

    private InitiateCallsRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        BodyValues.requireAccepted(body, ""); // no NUL, lone surrogate or infinite bound reaches SQL
        String agentId = requiredId(body, "agentId");
        String dispositionId = requiredId(body, "dispositionId");
        Integer limit = limit(body.get("limit"));
        boolean dryRun = dryRun(body.get("dryRun"));
        OffsetDateTime startAt = startAt(body.get("startAt"));
        for (String name : body.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) {
                errors.add("unknown field '" + name + "'");
            }
        }
        List<CustomerFilter> filters = List.of();
        JsonNode filterNode = body.get("filters");
        if (filterNode != null && !filterNode.isNull()) {
            if (filterNode.isObject()) {
                CustomerFiltersReader.Read read = CustomerFiltersReader.read(filterNode);
                filters = read.filters();
                errors.addAll(read.errors());
            } else {
                errors.add("filters must be an object");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new InitiateCallsRequest(agentId, dispositionId, limit, dryRun, filters, startAt);
    }

    private String requiredId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null
                || !value.isString()
                || value.asString().isBlank()
                || value.asString().length() > MAX_ID_LENGTH) {
            errors.add(field + " is required and must be a string");
            return null;
        }
        return value.asString();
    }

    private Integer limit(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            errors.add("limit must be a positive integer");
            return null;
        }
        return value.asInt();
    }

    /** An ISO-8601 time with an offset, at most {@link #MAX_START_AHEAD} ahead; a past one means now. */
    private OffsetDateTime startAt(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String problem = "startAt must be an ISO-8601 time with an offset (2026-12-04T09:00:00+05:30)";
        if (!value.isString() || value.asString().length() > 40) {
            errors.add(problem);
            return null;
        }
        try {
            OffsetDateTime startAt = OffsetDateTime.parse(value.asString());
            if (startAt.isAfter(OffsetDateTime.now().plus(MAX_START_AHEAD))) {
                errors.add("startAt must be at most 30 days ahead");
                return null;
            }
            return startAt;
        } catch (DateTimeParseException e) {
            errors.add(problem);
            return null;
        }
    }

    private boolean dryRun(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add("dryRun must be a boolean");
            return false;
        }
        return value.asBoolean();
    }
}
