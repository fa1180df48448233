package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.PhoneNumbers;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the query of {@code GET /api/v1/logs} into a {@link LogFilter}, a page and {@code count_only},
 * every problem at once, each naming its parameter. Times without a zone are UTC; a date alone is
 * that whole day (from its first microsecond for {@code start_time}, to its last for {@code end_time}).
 */
final class LogQuery {

    static final int PAGE_SIZE = 10;
    static final int MAX_PAGE = 1_000_000;
    private static final Set<String> TYPES = Set.of("call", "whatsapp", "sms");

    record Parsed(LogFilter filter, int page, boolean countOnly) {}

    private LogQuery() {}

    static Parsed parse(Map<String, String> query) {
        List<String> errors = new ArrayList<>();
        String type = text(query, "type");
        if (type != null && !TYPES.contains(type)) {
            errors.add("type must be one of call, whatsapp, sms");
        }
        Set<CallStatus> statuses = null;
        String status = text(query, "status");
        if (status != null) {
            statuses = DocumentedCallStatus.matching(status).orElse(null);
            if (statuses == null) {
                errors.add("status must be one of " + DocumentedCallStatus.ACCEPTED);
            }
        }
        OffsetDateTime start = time(query, "start_time", false, errors);
        OffsetDateTime end = time(query, "end_time", true, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("start_time must not be after end_time");
        }
        LogFilter filter = new LogFilter(
                type,
                statuses,
                text(query, "disposition"),
                phone(query, "from_phone", errors),
                phone(query, "phone", errors),
                text(query, "campaign_id"),
                text(query, "agent_id"),
                start,
                end);
        int page = page(text(query, "page"), errors);
        boolean countOnly = countOnly(text(query, "count_only"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Parsed(filter, page, countOnly);
    }

    private static String text(Map<String, String> query, String name) {
        String value = query.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An unencoded '+' of a phone number or an offset arrives as a space; read it as the '+' it was. */
    private static String plus(String value) {
        return value.replace(' ', '+');
    }

    private static String phone(Map<String, String> query, String name, List<String> errors) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return PhoneNumbers.toE164(plus(raw.strip())).orElseGet(() -> {
            errors.add(name + " must be a phone number, e.g. 9876543210 or +919876543210");
            return null;
        });
    }

    private static OffsetDateTime time(Map<String, String> query, String name, boolean end, List<String> errors) {
        String raw = text(query, name);
        if (raw == null) {
            return null;
        }
        String value = plus(raw);
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return end
                        ? day.plusDays(1)
                                .atStartOfDay()
                                .atOffset(ZoneOffset.UTC)
                                .minusNanos(1000)
                        : day.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(value);
            }
            return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(name + " must be an ISO-8601 time, e.g. 2026-01-17T00:00:00 (UTC unless it has an offset)");
            return null;
        }
    }

    private static int page(String page, List<String> errors) {
        if (page == null) {
            return 1;
        }
        try {
            int value = Integer.parseInt(page);
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("page must be an integer from 1 to " + MAX_PAGE);
        return 1;
    }

    private static boolean countOnly(String countOnly, List<String> errors) {
        if (countOnly == null || countOnly.equals("false")) {
            return false;
        }
        if (countOnly.equals("true")) {
            return true;
        }
        errors.add("count_only must be true or false");
        return false;
    }
}
