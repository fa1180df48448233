package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.BodyValues;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A change to one customer, by any name of its fields. Fields not given stay as they are; {@code null}
 * clears an optional field (phone is required and cannot be cleared). {@code custom} is merged key by
 * key; a key set to null is removed. The id cannot change: it is the customer's identity in every
 * upsert. A name made of {@code first_name} and {@code last_name} follows them when they change.
 */
record CustomerPatch(Set<StandardField> given, CustomerData values, Map<String, Object> custom) {

    static CustomerPatch read(JsonNode body) {
        return read(body, "body", false);
    }

    /**
     * A change as the TimePay Agents API's Update Customer sends it ({@code data}): fields that are no
     * standard field are custom fields, set or (null) removed.
     */
    static CustomerPatch readDocumented(JsonNode data, String name) {
        return read(data, name, true);
    }

    private static CustomerPatch read(JsonNode body, String name, boolean documented) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation(name + " must be a JSON object");
        }
        BodyValues.requireAccepted(body, "");
        List<String> problems = new ArrayList<>();
        ObjectNode extras = documented ? JsonNodeFactory.instance.objectNode() : null;
        JsonCustomerValues fields = JsonCustomerValues.of(body, extras, problems);
        if (fields.has(StandardField.ID)) {
            problems.add(fields.label(StandardField.ID) + " cannot be changed");
        }
        JsonNode customNode = body.get("custom");
        if (customNode != null && customNode.isNull()) {
            problems.add("custom must be an object (set a field to null to remove it)");
        }
        Map<String, Object> custom = CustomerJson.customOf(body, extras, true, problems);
        CustomerData values = CustomerReading.data(fields, null, Map.of(), true, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Set<StandardField> given = EnumSet.noneOf(StandardField.class);
        given.addAll(fields.given().keySet());
        return new CustomerPatch(Set.copyOf(given), values, custom);
    }

    /** Whether the patch changes nothing at all. */
    boolean isEmpty() {
        return given.isEmpty() && custom.isEmpty();
    }

    /** The standard fields after the patch; custom is merged by the database (see {@link #customJson()}). */
    CustomerData applyTo(Customer current) {
        String firstName = pick(StandardField.FIRST_NAME, values.firstName(), current.firstName());
        String lastName = pick(StandardField.LAST_NAME, values.lastName(), current.lastName());
        String name = pick(StandardField.NAME, values.name(), current.name());
        boolean nameWasItsParts = current.name() == null
                || Objects.equals(current.name(), CustomerReading.fullName(current.firstName(), current.lastName()));
        if (!given.contains(StandardField.NAME) && nameWasItsParts) {
            name = CustomerReading.fullName(firstName, lastName);
        }
        return new CustomerData(
                current.id(),
                name,
                firstName,
                lastName,
                pick(StandardField.PHONE, values.phone(), current.phone()),
                pick(StandardField.LANGUAGE, values.language(), current.language()),
                pick(StandardField.PAYMENT_STATUS, values.paymentStatus(), current.paymentStatus()),
                pick(StandardField.EMI_AMOUNT, values.emiAmount(), current.emiAmount()),
                pick(StandardField.EMI_DUE_DATE, values.emiDueDate(), current.emiDueDate()),
                pick(StandardField.LOAN_AMOUNT, values.loanAmount(), current.loanAmount()),
                pick(StandardField.LOAN_PERIOD, values.loanPeriod(), current.loanPeriod()),
                pick(StandardField.CURRENT_EMI, values.currentEmi(), current.currentEmi()),
                pick(StandardField.LEAD_DATE, values.leadDate(), current.leadDate()),
                pick(StandardField.TIMEZONE, values.timezone(), current.timezone()),
                custom);
    }

    /** The custom changes as a JSON merge patch: removed keys are null. */
    String customJson() {
        return CopyText.json(custom);
    }

    Set<String> setCustomNames() {
        Set<String> names = new HashSet<>();
        custom.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return names;
    }

    Set<String> removedCustomNames() {
        Set<String> names = new HashSet<>(custom.keySet());
        names.removeAll(setCustomNames());
        return names;
    }

    private <T> T pick(StandardField field, T patched, T current) {
        return given.contains(field) ? patched : current;
    }
}
