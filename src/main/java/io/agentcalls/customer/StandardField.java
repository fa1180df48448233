package io.agentcalls.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields every customer has, each a column of {@code customers} of the same name: what imports
 * read, filters and agent variables name, and the dispatch sends. Anything else is a custom field,
 * kept in the customer's JSON. The names are fixed here, so a column name is never a client's string.
 * Some fields answer to a second name too: the TimePay Agents API's {@code loan_id}/{@code lead_id}
 * for {@code id} and {@code phone_number} for {@code phone}; both names mean the same column
 * everywhere (bodies, CSV headers, filters, agent variables).
 */
public enum StandardField {
    /** The customer's own id ({@code loan_id} or {@code lead_id} in the TimePay Agents API). */
    ID("id", Type.TEXT, "loan_id", "lead_id"),
    /** The full name; made of {@code first_name} and {@code last_name} when only those are given. */
    NAME("name", Type.TEXT),
    FIRST_NAME("first_name", Type.TEXT),
    LAST_NAME("last_name", Type.TEXT),
    PHONE("phone", Type.TEXT, "phone_number"),
    /** Stored lower case, so it matches whatever case a filter uses. */
    LANGUAGE("language", Type.TEXT),
    /** One of {@link PaymentStatus}, stored lower case. */
    PAYMENT_STATUS("payment_status", Type.TEXT),
    EMI_AMOUNT("emi_amount", Type.NUMBER),
    EMI_DUE_DATE("emi_due_date", Type.DATE),
    LOAN_AMOUNT("loan_amount", Type.NUMBER),
    /** The loan's tenure, in monthly instalments. */
    LOAN_PERIOD("loan_period", Type.NUMBER),
    /** The current instalment's number (5 of a 12-month {@code loan_period}). */
    CURRENT_EMI("current_emi", Type.NUMBER),
    /** When a lead came in. */
    LEAD_DATE("lead_date", Type.DATE),
    /** The customer's IANA timezone, when it differs from the campaign's. */
    TIMEZONE("timezone", Type.TEXT);

    public enum Type {
        TEXT,
        NUMBER,
        DATE
    }

    /** The names of the fields a customer's data holds besides its id, in column order. */
    public static final List<String> DATA_FIELD_NAMES = Arrays.stream(values())
            .filter(field -> field != ID)
            .map(StandardField::fieldName)
            .toList();

    /** Every name a standard field answers to, second names included. */
    public static final Set<String> ALL_NAMES =
            Arrays.stream(values()).flatMap(StandardField::names).collect(Collectors.toUnmodifiableSet());

    private final String fieldName;
    private final Type type;
    private final List<String> aliases;

    StandardField(String fieldName, Type type, String... aliases) {
        this.fieldName = fieldName;
        this.type = type;
        this.aliases = List.of(aliases);
    }

    /** The field's name in our API, and its column. */
    public String fieldName() {
        return fieldName;
    }

    /** The field's other names (the TimePay Agents API's), which mean the same. */
    public List<String> aliases() {
        return aliases;
    }

    /** The field's name and its other names. */
    public Stream<String> names() {
        return Stream.concat(Stream.of(fieldName), aliases.stream());
    }

    public Type type() {
        return type;
    }

    /** The standard field with this name or other name; empty for anything else (a custom field, or none). */
    public static Optional<StandardField> named(String name) {
        return Arrays.stream(values())
                .filter(f -> f.fieldName.equals(name) || f.aliases.contains(name))
                .findFirst();
    }
}
