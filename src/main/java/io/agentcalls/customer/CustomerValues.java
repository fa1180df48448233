package io.agentcalls.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The standard fields of one input customer, wherever it came from (a JSON object, a CSV row): each
 * read by the field's rules ({@link CustomerFields}) and named in problems as the client spelled it
 * ({@code phone_number} or {@code phone}). Absent fields read as null without a problem.
 */
interface CustomerValues {

    /** Whether the input gives the field, under any of its names. */
    boolean has(StandardField field);

    /** The name the input gives the field under; its own name when absent. */
    String label(StandardField field);

    /** The field's raw text; a problem (and null) when the input holds something else than text. */
    String text(StandardField field, List<String> problems);

    /** An amount (emi_amount, loan_amount), checked. */
    BigDecimal amount(StandardField field, List<String> problems);

    /** A count (loan_period, current_emi), checked. */
    Integer count(StandardField field, List<String> problems);

    default LocalDate date(StandardField field, List<String> problems) {
        return CustomerFields.date(label(field), text(field, problems), problems);
    }
}
