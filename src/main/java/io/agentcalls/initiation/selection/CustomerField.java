package io.agentcalls.initiation.selection;

import io.agentcalls.customer.StandardField;
import java.util.Optional;
import java.util.Set;

/**
 * A customer field a filter or an agent variable can name: one of the customer's standard fields
 * (a column, named by {@link StandardField} only, so no client string is ever spliced into SQL), or a
 * custom field of the campaign, kept in the customer's JSONB and named by a bound parameter.
 *
 * @param standard null for a custom field
 */
record CustomerField(String name, StandardField standard) {

    enum Type {
        TEXT,
        NUMBER,
        DATE,
        CUSTOM
    }

    /** The field a name refers to, or empty when the campaign has no such field. */
    static Optional<CustomerField> resolve(String name, Set<String> customFieldNames) {
        return StandardField.named(name)
                .map(standard -> new CustomerField(name, standard))
                .or(() -> customFieldNames.contains(name)
                        ? Optional.of(new CustomerField(name, null))
                        : Optional.empty());
    }

    boolean isCustom() {
        return standard == null;
    }

    Type type() {
        if (standard == null) {
            return Type.CUSTOM;
        }
        return switch (standard.type()) {
            case TEXT -> Type.TEXT;
            case NUMBER -> Type.NUMBER;
            case DATE -> Type.DATE;
        };
    }

    /** The standard field's column of {@code customers}. */
    String column() {
        return standard.fieldName();
    }
}
