package io.agentcalls.initiation.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentcalls.common.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterSqlTest {

    @Test
    void noFiltersMatchEverything() {
        assertThat(FilterSql.of(List.of(), Set.of()).condition()).isEqualTo("TRUE");
    }

    @Test
    void valuesAndCustomFieldNamesAreBoundNeverSpliced() {
        FilterSql sql = FilterSql.of(
                List.of(
                        new CustomerFilter.AnyOf("branch", List.of("mumbai'; DROP TABLE customers; --")),
                        new CustomerFilter.AnyOf("language", List.of("hindi"))),
                Set.of("branch"));
        assertThat(sql.condition())
                .isEqualTo("coalesce(c.custom ->> :f0 = ANY(:f1), false) AND c.language = ANY(:f2)")
                .doesNotContain("mumbai")
                .doesNotContain("DROP");
        assertThat(sql.parameters()).containsEntry("f0", "branch");
    }

    @Test
    void rangesUseTheFieldsType() {
        FilterSql sql = FilterSql.of(
                List.of(
                        new CustomerFilter.DateRange(
                                "emi_due_date", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 31)),
                        new CustomerFilter.NumberRange("score", new BigDecimal("5"), null)),
                Set.of("score"));
        assertThat(sql.condition())
                .isEqualTo("c.emi_due_date >= CAST(:f0 AS date) AND c.emi_due_date <= CAST(:f1 AS date)"
                        + " AND try_numeric(c.custom ->> :f2) >= CAST(:f3 AS numeric)");
        assertThat(sql.parameters()).containsEntry("f0", "2025-08-01").containsEntry("f3", "5");
    }

    @Test
    void excludeIdsIsANegatedMembership() {
        assertThat(FilterSql.of(List.of(new CustomerFilter.NoneOf("id", List.of("L1"))), Set.of())
                        .condition())
                .isEqualTo("c.id <> ALL(:f0)");
    }

    @Test
    void unknownFieldsAndWrongRangeTypesAreNamed() {
        ApiException error = catchThrowableOfType(
                ApiException.class,
                () -> FilterSql.of(
                        List.of(
                                new CustomerFilter.AnyOf("colour", List.of("red")),
                                new CustomerFilter.NumberRange("language", BigDecimal.ONE, null),
                                new CustomerFilter.DateRange("emi_amount", LocalDate.now(), null),
                                new CustomerFilter.AnyOf("emi_amount", List.of("lots"))),
                        Set.of()));
        assertThat(error.errors())
                .containsExactly(
                        "filters.colour is not a customer field of this campaign",
                        "filters.language is not a numeric field; a {min,max} range needs one",
                        "filters.emi_amount is not a date field; a {from,to} range needs one",
                        "filters.emi_amount values must be numbers");
    }
}
