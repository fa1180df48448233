package io.agentcalls.customer;

import io.agentcalls.common.PhoneNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of each customer field, shared by the JSON and CSV paths. Each check takes the field's
 * name as the client spelled it, adds a sentence to {@code problems} when the value is wrong, and
 * returns the value to store (null when absent or wrong).
 */
final class CustomerFields {

    static final List<String> PAYMENT_STATUSES = PaymentStatus.VALUES;
    static final int MAX_ID_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_LANGUAGE_LENGTH = 50;
    static final int MAX_CUSTOM_FIELDS = 100;
    static final int MAX_CUSTOM_VALUE_LENGTH = 1000;
    /** Instalments (loan_period, current_emi): a hundred years of monthly ones is plenty. */
    static final int MAX_COUNT = 1200;
    /** numeric(14, 2): twelve digits before the point. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    /** Filter keys of Initiate Call(s) that are no field, so no custom field may take their names. */
    private static final Set<String> FILTER_KEYS = Set.of("ids", "exclude_ids", "custom");

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final Pattern DATE = Pattern.compile("(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CUSTOM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final String PAYMENT_STATUS_RULE =
            "payment_status must be one of " + String.join(", ", PAYMENT_STATUSES);

    private CustomerFields() {}

    /** Trimmed text, null when absent or empty. PostgreSQL text cannot hold NUL, so it is refused here. */
    static String text(String field, String raw, List<String> problems) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.indexOf('\0') >= 0) {
            problems.add(field + " must not contain NUL characters");
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    static String id(String field, String raw, List<String> problems) {
        return id(field, raw, IdRule.ANY.missing(), problems);
    }

    /** The id, or null with a problem: {@code missing} when there is none. */
    static String id(String field, String raw, String missing, List<String> problems) {
        String id = text(field, raw, problems);
        if (id == null) {
            problems.add(missing);
        } else if (id.length() > MAX_ID_LENGTH) {
            problems.add(field + " must be at most " + MAX_ID_LENGTH + " characters");
        } else if (id.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " must not contain control characters");
        } else {
            return id;
        }
        return null;
    }

    static String name(String raw, List<String> problems) {
        return name("name", raw, problems);
    }

    /** A name ({@code name}, {@code first_name}, {@code last_name}) of at most 200 characters. */
    static String name(String field, String raw, List<String> problems) {
        return bounded(field, text(field, raw, problems), MAX_NAME_LENGTH, problems);
    }

    static String phone(String raw, List<String> problems) {
        return phone("phone", raw, problems);
    }

    static String phone(String field, String raw, List<String> problems) {
        String phone = text(field, raw, problems);
        if (phone == null) {
            problems.add(field + " is required");
            return null;
        }
        return PhoneNumbers.toE164(phone).orElseGet(() -> {
            problems.add(field + " is not a valid number");
            return null;
        });
    }

    /** A count written as text (CSV): digits only, from 0 to {@link #MAX_COUNT}. */
    static Integer count(String field, String raw, List<String> problems) {
        String text = text(field, raw, problems);
        if (text == null) {
            return null;
        }
        if (!COUNT.matcher(text).matches()) {
            problems.add(field + " must be a whole number from 0 to " + MAX_COUNT);
            return null;
        }
        return count(field, new BigDecimal(text), problems);
    }

    /** A count given as a JSON number: whole, from 0 to {@link #MAX_COUNT}. */
    static Integer count(String field, BigDecimal value, List<String> problems) {
        if (value.signum() < 0
                || value.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0
                || value.stripTrailingZeros().scale() > 0) {
            problems.add(field + " must be a whole number from 0 to " + MAX_COUNT);
            return null;
        }
        return value.intValueExact();
    }

    static String language(String raw, List<String> problems) {
        String language = bounded("language", text("language", raw, problems), MAX_LANGUAGE_LENGTH, problems);
        return language == null ? null : language.toLowerCase(Locale.ROOT);
    }

    static String paymentStatus(String raw, List<String> problems) {
        String status = text("payment_status", raw, problems);
        if (status != null && !PAYMENT_STATUSES.contains(status)) {
            problems.add(PAYMENT_STATUS_RULE);
            return null;
        }
        return status;
    }

    /** An amount written as text (CSV): digits, optionally a point and one or two decimals. */
    static BigDecimal amount(String field, String raw, List<String> problems) {
        String text = text(field, raw, problems);
        if (text == null) {
            return null;
        }
        if (!AMOUNT.matcher(text).matches()) {
            problems.add(
                    field + " must be a number from 0 to " + MAX_AMOUNT.toPlainString() + " with at most two decimals");
            return null;
        }
        return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** An amount given as a JSON number. */
    static BigDecimal amount(String field, BigDecimal value, List<String> problems) {
        if (value.signum() < 0) {
            problems.add(field + " must not be negative");
        } else if (value.stripTrailingZeros().scale() > 2) {
            problems.add(field + " must have at most two decimals");
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            problems.add(field + " must be at most " + MAX_AMOUNT.toPlainString());
        } else {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return null;
    }

    static LocalDate date(String field, String raw, List<String> problems) {
        String text = text(field, raw, problems);
        if (text == null) {
            return null;
        }
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text); // ISO_LOCAL_DATE resolves strictly: 2025-02-30 fails
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(field + " must be a real date YYYY-MM-DD");
        return null;
    }

    static String timezone(String raw, List<String> problems) {
        String zone = text("timezone", raw, problems);
        if (zone != null && !ZONES.contains(zone)) {
            problems.add("timezone must be an IANA timezone such as Asia/Kolkata");
            return null;
        }
        return zone;
    }

    /**
     * Why a custom field name is refused, or null when it is fine. Names become filter keys and
     * {@code {{variables}}} of prompts, so they are identifiers and never a standard field's name.
     */
    static String customNameProblem(String name) {
        if (StandardField.ALL_NAMES.contains(name) || FILTER_KEYS.contains(name)) {
            return "custom field name '" + name + "' is reserved";
        }
        if (!CUSTOM_NAME.matcher(name).matches()) {
            return "custom field name '" + name
                    + "' must be letters, digits and underscores, not starting with a digit, at most 64 characters";
        }
        return null;
    }

    static String customText(String name, String raw, List<String> problems) {
        String value = text("custom." + name, raw, problems);
        return bounded("custom." + name, value, MAX_CUSTOM_VALUE_LENGTH, problems);
    }

    private static String bounded(String field, String value, int max, List<String> problems) {
        if (value != null && value.length() > max) {
            problems.add(field + " must be at most " + max + " characters");
            return null;
        }
        return value;
    }
}
