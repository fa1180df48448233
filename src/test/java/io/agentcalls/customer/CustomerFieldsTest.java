package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerFieldsTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void textIsTrimmedAndEmptyMeansAbsent() {
        assertThat(CustomerFields.text("name", "  Asha  ", problems)).isEqualTo("Asha");
        assertThat(CustomerFields.text("name", "   ", problems)).isNull();
        assertThat(CustomerFields.text("name", null, problems)).isNull();
        assertThat(problems).isEmpty();
        assertThat(CustomerFields.text("name", "a\0b", problems)).isNull();
        assertThat(problems).containsExactly("name must not contain NUL characters");
    }

    @Test
    void idsAreRequiredBoundedAndPrintable() {
        assertThat(CustomerFields.id("loan_id", " LN-1 ", problems)).isEqualTo("LN-1");
        assertThat(CustomerFields.id("loan_id", "x".repeat(100), problems)).hasSize(100);
        assertThat(problems).isEmpty();
        CustomerFields.id("loan_id", "x".repeat(101), problems);
        CustomerFields.id("loan_id", "", problems);
        CustomerFields.id("loan_id", "a\u0007b", problems);
        assertThat(problems)
                .containsExactly(
                        "loan_id must be at most 100 characters",
                        "id is required (id, loan_id or lead_id)",
                        "loan_id must not contain control characters");
    }

    @Test
    void phonesAreStoredInE164WithIndiaAsTheDefaultCountry() {
        assertThat(CustomerFields.phone("98123 45678", problems)).isEqualTo("+919812345678");
        assertThat(CustomerFields.phone("+1 415 555 0123", problems)).isEqualTo("+14155550123");
        assertThat(problems).isEmpty();
        assertThat(CustomerFields.phone("12345", problems)).isNull();
        assertThat(CustomerFields.phone(null, problems)).isNull();
        assertThat(problems).containsExactly("phone is not a valid number", "phone is required");
    }

    @Test
    void amountsAsTextHaveAtMostTwoDecimalsAndNoSign() {
        assertThat(CustomerFields.amount("emi_amount", "4500", problems)).isEqualByComparingTo("4500.00");
        assertThat(CustomerFields.amount("emi_amount", "4500.5", problems).toPlainString())
                .isEqualTo("4500.50");
        assertThat(CustomerFields.amount("emi_amount", "999999999999.99", problems))
                .isNotNull();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4500.555", "-1", "1e3", "4,500", "1000000000000", ".5", "abc"})
    void amountsAsTextRefuseAnythingElse(String bad) {
        assertThat(CustomerFields.amount("emi_amount", bad, problems)).as(bad).isNull();
        assertThat(problems)
                .as(bad)
                .containsExactly("emi_amount must be a number from 0 to 999999999999.99 with at most two decimals");
    }

    @Test
    void amountsAsNumbersFollowTheSameRules() {
        assertThat(CustomerFields.amount("loan_amount", new BigDecimal("12.10"), problems)
                        .toPlainString())
                .isEqualTo("12.10");
        assertThat(CustomerFields.amount("loan_amount", new BigDecimal("1.2300"), problems))
                .isNotNull();
        assertThat(problems).isEmpty();
        CustomerFields.amount("loan_amount", new BigDecimal("1.234"), problems);
        CustomerFields.amount("loan_amount", new BigDecimal("-0.01"), problems);
        CustomerFields.amount("loan_amount", new BigDecimal("1000000000000"), problems);
        assertThat(problems)
                .containsExactly(
                        "loan_amount must have at most two decimals",
                        "loan_amount must not be negative",
                        "loan_amount must be at most 999999999999.99");
    }

    @Test
    void datesAreRealCalendarDatesInIsoForm() {
        assertThat(CustomerFields.date("emi_due_date", "2028-02-29", problems)).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-02-29",
                "2025-02-30",
                "2025-13-01",
                "2025-1-05",
                "05-12-2025",
                "0000-01-01",
                "+12025-01-01",
                "2025-01-01T00:00"
            })
    void datesRefuseAnythingElse(String bad) {
        assertThat(CustomerFields.date("emi_due_date", bad, problems)).as(bad).isNull();
        assertThat(problems).as(bad).containsExactly("emi_due_date must be a real date YYYY-MM-DD");
    }

    @Test
    void enumsTimezonesAndLanguages() {
        assertThat(CustomerFields.paymentStatus("partial", problems)).isEqualTo("partial");
        assertThat(CustomerFields.language(" Hindi ", problems)).isEqualTo("hindi");
        assertThat(CustomerFields.timezone("America/New_York", problems)).isEqualTo("America/New_York");
        assertThat(problems).isEmpty();
        CustomerFields.paymentStatus("Paid", problems);
        CustomerFields.timezone("IST", problems);
        assertThat(problems)
                .containsExactly(
                        "payment_status must be one of bounced, pending, partial, paid, received",
                        "timezone must be an IANA timezone such as Asia/Kolkata");
    }

    @Test
    void customFieldNamesAreIdentifiersAndNoStandardOrFilterName() {
        assertThat(CustomerFields.customNameProblem("branch")).isNull();
        assertThat(CustomerFields.customNameProblem("_Product_Type2")).isNull();
        assertThat(CustomerFields.customNameProblem("emi_amount"))
                .isEqualTo("custom field name 'emi_amount' is reserved");
        assertThat(CustomerFields.customNameProblem("exclude_ids"))
                .isEqualTo("custom field name 'exclude_ids' is reserved");
        assertThat(CustomerFields.customNameProblem("2nd")).contains("must be letters, digits and underscores");
        assertThat(CustomerFields.customNameProblem("a-b")).contains("must be letters, digits and underscores");
        assertThat(CustomerFields.customNameProblem("a".repeat(65))).contains("at most 64 characters");
    }
}
