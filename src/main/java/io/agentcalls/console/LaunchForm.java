package io.agentcalls.console;

import io.agentcalls.common.BodyValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The launch page's filter builder as the form posts it, turned into the body of Initiate Call(s):
 * the one format the API and the console share. What cannot be a value of that body is named here.
 */
record LaunchForm(
        String agentId,
        String dispositionId,
        String limit,
        List<String> paymentStatus,
        String languages,
        String emiAmountMin,
        String emiAmountMax,
        String loanAmountMin,
        String loanAmountMax,
        String dueFrom,
        String dueTo,
        String customField,
        String customValue,
        String idempotencyKey) {

    static final int MAX_TEXT = 1000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    LaunchForm {
        paymentStatus = paymentStatus == null ? List.of() : List.copyOf(paymentStatus);
    }

    static LaunchForm empty(String idempotencyKey) {
        return new LaunchForm(
                null, null, null, List.of(), null, null, null, null, null, null, null, null, null, idempotencyKey);
    }

    /** The request body and the problems found building it (the body is not to be sent when there are any). */
    record Built(ObjectNode body, List<String> errors) {}

    Built body(boolean dryRun) {
        List<String> errors = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        body.put("agentId", text(agentId, "Agent", errors));
        body.put("dispositionId", text(dispositionId, "Disposition set", errors));
        if (present(limit)) {
            try {
                body.put("limit", Long.parseLong(limit.strip()));
            } catch (NumberFormatException e) {
                errors.add("Limit must be a whole number");
            }
        }
        body.put("dryRun", dryRun);
        ObjectNode filters = body.putObject("filters");
        if (!paymentStatus.isEmpty()) {
            var statuses = filters.putArray("payment_status");
            paymentStatus.forEach(status -> statuses.add(text(status, "Payment status", errors)));
        }
        String languageList = present(languages) ? text(languages, "Languages", errors) : null;
        if (languageList != null) {
            var values = filters.putArray("language");
            Arrays.stream(languageList.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(language -> values.add(language.toLowerCase(Locale.ROOT)));
        }
        range(filters, "emi_amount", emiAmountMin, emiAmountMax, "EMI amount", errors);
        range(filters, "loan_amount", loanAmountMin, loanAmountMax, "Loan amount", errors);
        if (present(dueFrom) || present(dueTo)) {
            ObjectNode due = filters.putObject("emi_due_date");
            date(due, "from", dueFrom, "Due from", errors);
            date(due, "to", dueTo, "Due to", errors);
        }
        if (present(customField) && present(customValue)) {
            String field = text(customField, "Custom field", errors);
            String value = text(customValue, "Custom value", errors);
            if (field != null && value != null) {
                filters.putObject("custom").put(field, value);
            }
        }
        return new Built(body, errors);
    }

    private static void range(
            ObjectNode filters, String field, String min, String max, String label, List<String> errors) {
        if (!present(min) && !present(max)) {
            return;
        }
        ObjectNode range = filters.putObject(field);
        number(range, "min", min, label + " from", errors);
        number(range, "max", max, label + " to", errors);
    }

    private static void number(ObjectNode range, String key, String value, String label, List<String> errors) {
        if (!present(value)) {
            return;
        }
        try {
            range.put(key, new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            errors.add(label + " must be a number");
        }
    }

    private static void date(ObjectNode range, String key, String value, String label, List<String> errors) {
        if (!present(value)) {
            return;
        }
        try {
            range.put(key, LocalDate.parse(value.strip()).toString());
        } catch (DateTimeParseException e) {
            errors.add(label + " must be a date (YYYY-MM-DD)");
        }
    }

    /** The value, or an error when it is longer than a field can be or holds what no text may (NUL). */
    private static String text(String value, String label, List<String> errors) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT || BodyValues.textProblem(value) != null) {
            errors.add(label + " is not a valid value");
            return null;
        }
        return value.strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
