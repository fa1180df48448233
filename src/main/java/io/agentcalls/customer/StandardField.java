package io.agentcalls.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fields every customer has, each a column of {@code customers} of the same name: what imports
 * read, filters and agent variables name, and the dispatch sends. Anything else is a custom field,
 * kept in the customer's JSON. The names are fixed here, so a column name is never a client's string.
 */
public enum StandardField {
    /** The customer's own id ({@code loan_id} or {@code lead_id} on import). */
    ID("id", Type.TEXT),
    NAME("name", Type.TEXT),
    PHONE("phone", Type.TEXT),
    /** Stored lower case, so it matches whatever case a filter uses. */
    LANGUAGE("language", Type.TEXT),
    /** One of {@link PaymentStatus}, stored lower case. */
    PAYMENT_STATUS("payment_status", Type.TEXT),
    EMI_AMOUNT("emi_amount", Type.NUMBER),
    EMI_DUE_DATE("emi_due_date", Type.DATE),
    LOAN_AMOUNT("loan_amount", Type.NUMBER),
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

    private final String fieldName;
    private final Type type;

    StandardField(String fieldName, Type type) {
        this.fieldName = fieldName;
        this.type = type;
    }

    /** The field's name in the API, in CSV headers, in prompts' variables, and as its column. */
    public String fieldName() {
        return fieldName;
    }

    public Type type() {
        return type;
    }

    /** The standard field with this name; empty for anything else (a custom field, or no field). */
    public static Optional<StandardField> named(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst();
    }
}
