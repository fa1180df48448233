package io.agentcalls.customer;

import java.util.List;
import java.util.Map;

/**
 * Builds one customer's data from its values by the fields' rules, for the JSON and CSV paths alike.
 * {@code name}, when not given, is made of {@code first_name} and {@code last_name}.
 */
final class CustomerReading {

    private CustomerReading() {}

    static CustomerData data(CustomerValues values, String id, Map<String, Object> custom, List<String> problems) {
        return data(values, id, custom, false, problems);
    }

    /**
     * @param partial whether the values are a change to a stored customer: then the phone is checked
     *     only when given, and the name is not made up from its parts here
     */
    static CustomerData data(
            CustomerValues values, String id, Map<String, Object> custom, boolean partial, List<String> problems) {
        String firstName = name(values, StandardField.FIRST_NAME, problems);
        String lastName = name(values, StandardField.LAST_NAME, problems);
        String name = name(values, StandardField.NAME, problems);
        boolean phoneRead = !partial || values.has(StandardField.PHONE);
        return new CustomerData(
                id,
                name != null || partial ? name : fullName(firstName, lastName),
                firstName,
                lastName,
                phoneRead
                        ? CustomerFields.phone(
                                values.label(StandardField.PHONE), values.text(StandardField.PHONE, problems), problems)
                        : null,
                CustomerFields.language(values.text(StandardField.LANGUAGE, problems), problems),
                CustomerFields.paymentStatus(values.text(StandardField.PAYMENT_STATUS, problems), problems),
                values.amount(StandardField.EMI_AMOUNT, problems),
                values.date(StandardField.EMI_DUE_DATE, problems),
                values.amount(StandardField.LOAN_AMOUNT, problems),
                values.count(StandardField.LOAN_PERIOD, problems),
                values.count(StandardField.CURRENT_EMI, problems),
                values.date(StandardField.LEAD_DATE, problems),
                CustomerFields.timezone(values.text(StandardField.TIMEZONE, problems), problems),
                custom);
    }

    /** {@code first_name} and {@code last_name} as one name; null when neither is known. */
    static String fullName(String firstName, String lastName) {
        if (firstName == null || lastName == null) {
            return firstName != null ? firstName : lastName;
        }
        String full = firstName + " " + lastName;
        return full.length() > CustomerFields.MAX_NAME_LENGTH
                ? full.substring(0, CustomerFields.MAX_NAME_LENGTH)
                : full;
    }

    private static String name(CustomerValues values, StandardField field, List<String> problems) {
        return CustomerFields.name(values.label(field), values.text(field, problems), problems);
    }
}
