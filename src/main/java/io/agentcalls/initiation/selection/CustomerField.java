package io.agentcalls.initiation.selection;

import java.util.Map;
import java.util.Optional;

/**
 * A customer field a filter or an agent variable can name: one of the standard columns, or a custom
 * field kept in the customer's JSONB. Standard column names come from this fixed table only, so no
 * client string is ever spliced into SQL; custom names are bound as parameters.
 */
public record CustomerField(String name, Type type, String column) {

    public enum Type {
        TEXT,
        NUMBER,
        DATE,
        CUSTOM
    }

    private static final Map<String, CustomerField> STANDARD = Map.of(
            "id", new CustomerField("id", Type.TEXT, "id"),
            "name", new CustomerField("name", Type.TEXT, "name"),
            "phone", new CustomerField("phone", Type.TEXT, "phone"),
            "language", new CustomerField("language", Type.TEXT, "language"),
            "payment_status", new CustomerField("payment_status", Type.TEXT, "payment_status"),
            "emi_amount", new CustomerField("emi_amount", Type.NUMBER, "emi_amount"),
            "emi_due_date", new CustomerField("emi_due_date", Type.DATE, "emi_due_date"),
            "loan_amount", new CustomerField("loan_amount", Type.NUMBER, "loan_amount"),
            "timezone", new CustomerField("timezone", Type.TEXT, "timezone"));

    public static Optional<CustomerField> standard(String name) {
        return Optional.ofNullable(STANDARD.get(name));
    }

    static CustomerField custom(String name) {
        return new CustomerField(name, Type.CUSTOM, null);
    }

    boolean isCustom() {
        return type == Type.CUSTOM;
    }

    /** Values of these fields are stored lower-case, so filters on them match case-insensitively. */
    boolean isLowerCased() {
        return "language".equals(name) || "payment_status".equals(name);
    }
}
