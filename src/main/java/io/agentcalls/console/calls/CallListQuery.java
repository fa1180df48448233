package io.agentcalls.console.calls;

import io.agentcalls.call.CallSearch;
import io.agentcalls.call.CallStatus;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Cursor;
import io.agentcalls.common.PhoneNumbers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The call list's query string read into a {@link CallSearch} and a cursor, every problem named at
 * once: {@code campaign}, {@code status} (repeatable), {@code from} and {@code to} (days, UTC, both
 * included), {@code q} (a phone number, or the start of a name) and {@code cursor}.
 */
record CallListQuery(
        String campaign, List<String> statuses, String from, String to, String q, CallSearch search, String after) {

    static final int MAX_SEARCH = 100;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9][0-9 ()-]*");

    static CallListQuery parse(MultiValueMap<String, String> query) {
        List<String> errors = new ArrayList<>();
        String campaign = text(query, "campaign");
        List<String> statusValues = new ArrayList<>();
        List<CallStatus> statuses = new ArrayList<>();
        for (String value : query.getOrDefault("status", List.of())) {
            if (value == null || value.isBlank()) {
                continue;
            }
            CallStatus.parse(value.strip())
                    .ifPresentOrElse(
                            s -> {
                                statuses.add(s);
                                statusValues.add(s.value());
                            },
                            () -> errors.add("status must be one of " + CallStatus.VALUES));
        }
        String from = text(query, "from");
        String to = text(query, "to");
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add("from must not be after to");
        }
        String q = text(query, "q");
        String phone = null;
        String name = null;
        if (q != null) {
            if (q.length() > MAX_SEARCH || q.chars().anyMatch(Character::isISOControl)) {
                errors.add("search must be at most " + MAX_SEARCH + " characters, without control characters");
            } else if (PHONE_LIKE.matcher(q).matches()) {
                phone = PhoneNumbers.toE164(q).orElse(null);
                if (phone == null) {
                    errors.add("search: " + q + " is not a phone number; search a name with letters");
                }
            } else {
                name = q;
            }
        }
        String cursor = text(query, "cursor");
        String after = null;
        if (cursor != null) {
            try {
                after = Cursor.decode(cursor);
            } catch (ApiException e) {
                errors.add("cursor is not a cursor of this list");
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CallSearch search = new CallSearch(
                campaign,
                statuses,
                fromDay == null ? null : fromDay.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                phone,
                name);
        return new CallListQuery(campaign, statusValues, from, to, q, search, after);
    }

    /** The filters as query parameters (no cursor), for the next page's link and the export's. */
    Map<String, Object> filters() {
        Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("campaign", campaign);
        filters.put("status", statuses);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("q", q);
        return filters;
    }

    private static String text(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate day(String value, String name, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() >= 2000 && day.getYear() <= 2999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(name + " must be a day, e.g. 2026-01-17");
        return null;
    }
}
