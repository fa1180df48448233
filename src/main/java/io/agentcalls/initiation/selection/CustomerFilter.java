package io.agentcalls.initiation.selection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One condition of the request's {@code filters}; all of them combine with AND. */
public sealed interface CustomerFilter {

    /** The field is one of the values (the customer's own id for {@code ids}). */
    record AnyOf(String field, List<String> values) implements CustomerFilter {}

    /** The field is none of the values ({@code exclude_ids}). */
    record NoneOf(String field, List<String> values) implements CustomerFilter {}

    /** {@code {"from","to"}}: a date between the bounds, inclusive; either bound may be absent. */
    record DateRange(String field, LocalDate from, LocalDate to) implements CustomerFilter {}

    /** {@code {"min","max"}}: a number between the bounds, inclusive; either bound may be absent. */
    record NumberRange(String field, BigDecimal min, BigDecimal max) implements CustomerFilter {}

    /** The customer field the condition is on. */
    String field();
}
