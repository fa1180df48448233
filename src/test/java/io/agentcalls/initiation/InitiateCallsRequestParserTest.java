package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.ApiException;
import io.agentcalls.initiation.selection.CustomerFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class InitiateCallsRequestParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static InitiateCallsRequest parse(String json) {
        return InitiateCallsRequestParser.parse(JSON.readTree(json));
    }

    private static List<String> errorsOf(String json) {
        try {
            parse(json);
        } catch (ApiException e) {
            assertThat(e.getMessage()).isEqualTo("Validation failed");
            return e.errors();
        }
        throw new AssertionError("expected a validation error for " + json);
    }

    @Test
    void readsTheMinimalRequest() {
        InitiateCallsRequest request = parse("{\"agentId\":\"agt_1\",\"dispositionId\":\"dsp_1\"}");
        assertThat(request.agentId()).isEqualTo("agt_1");
        assertThat(request.dispositionId()).isEqualTo("dsp_1");
        assertThat(request.limit()).isNull();
        assertThat(request.dryRun()).isFalse();
        assertThat(request.filters()).isEmpty();
    }

    @Test
    void reportsMissingIdsInTheContractsWords() {
        assertThat(errorsOf("{}"))
                .containsExactly(
                        "agentId is required and must be a string", "dispositionId is required and must be a string");
        assertThat(errorsOf("{\"agentId\":5,\"dispositionId\":[\"x\"]}"))
                .containsExactly(
                        "agentId is required and must be a string", "dispositionId is required and must be a string");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> errors = errorsOf("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"limit\":0,\"dryRun\":\"yes\","
                + "\"filters\":{\"ids\":\"LOAN-1\",\"payment_status\":[\"late\"],\"language\":5},\"extra\":1}");
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        "limit must be a positive integer",
                        "dryRun must be a boolean",
                        "unknown field 'extra'",
                        "filters.ids must be an array of strings",
                        "filters.payment_status has unknown value(s) [late]; allowed: bounced, pending, partial, paid, received",
                        "filters.language must be a string or an array of strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "\"10\"", "true", "99999999999"})
    void limitMustBeAPositiveWholeNumber(String limit) {
        assertThat(errorsOf("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"limit\":" + limit + "}"))
                .as("limit %s", limit)
                .containsExactly("limit must be a positive integer");
    }

    @Test
    void paymentStatusAndLanguageTakeAStringOrAnArray() {
        InitiateCallsRequest single = parse(
                "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"payment_status\":\"Pending\",\"language\":\"Hindi\"}}");
        assertThat(single.filters())
                .containsExactly(
                        new CustomerFilter.AnyOf("payment_status", List.of("pending")),
                        new CustomerFilter.AnyOf("language", List.of("hindi")));
        InitiateCallsRequest array = parse(
                "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"payment_status\":[\"bounced\",\"pending\"]}}");
        assertThat(array.filters())
                .containsExactly(new CustomerFilter.AnyOf("payment_status", List.of("bounced", "pending")));
    }

    @Test
    void readsRangesWithOneOrTwoBounds() {
        InitiateCallsRequest request = parse("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{"
                + "\"emi_due_date\":{\"from\":\"2025-08-01\"},\"emi_amount\":{\"min\":5000,\"max\":20000.5}}}");
        assertThat(request.filters())
                .containsExactly(
                        new CustomerFilter.DateRange("emi_due_date", LocalDate.of(2025, 8, 1), null),
                        new CustomerFilter.NumberRange(
                                "emi_amount", new BigDecimal("5000"), new BigDecimal("20000.5")));
    }

    @Test
    void rejectsBrokenRanges() {
        assertThat(
                        errorsOf(
                                "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{"
                                        + "\"emi_due_date\":{\"from\":\"2025-02-30\"},\"emi_amount\":{\"min\":\"5\"},"
                                        + "\"loan_amount\":{\"min\":10,\"max\":1},\"x\":{\"from\":\"2025-01-01\",\"until\":\"z\"},\"y\":7}}"))
                .containsExactlyInAnyOrder(
                        "filters.emi_due_date.from must be a date (YYYY-MM-DD)",
                        "filters.emi_amount.min must be a number",
                        "filters.loan_amount.min must not be greater than filters.loan_amount.max",
                        "filters.x has unknown key 'until'; a range takes from and to",
                        "filters.y must be a string, an array of strings, a {from,to} date range or a {min,max} range");
    }

    @Test
    void readsCustomFiltersAsExactMatches() {
        InitiateCallsRequest request = parse("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"custom\":"
                + "{\"branch\":\"mumbai\",\"product_type\":[\"personal_loan\",\"home_loan\"]}}}");
        assertThat(request.filters())
                .containsExactly(
                        new CustomerFilter.AnyOf("branch", List.of("mumbai")),
                        new CustomerFilter.AnyOf("product_type", List.of("personal_loan", "home_loan")));
        assertThat(errorsOf(
                        "{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"custom\":{\"branch\":{\"a\":1}}}}"))
                .containsExactly("filters.custom.branch must be a string or an array of strings");
    }

    @Test
    void refusesHugeAndEmptyArrays() {
        String huge = "[" + "\"x\",".repeat(InitiateCallsRequestParser.MAX_VALUES) + "\"x\"]";
        assertThat(errorsOf("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":" + huge + "}}"))
                .containsExactly("filters.ids must have at most 10000 values");
        assertThat(errorsOf("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"ids\":[]}}"))
                .containsExactly("filters.ids must not be empty");
        assertThat(parse("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":{\"exclude_ids\":[]}}")
                        .filters())
                .containsExactly(new CustomerFilter.NoneOf("id", List.of()));
    }

    @Test
    void refusesABodyThatIsNotAnObject() {
        assertThatThrownBy(() -> InitiateCallsRequestParser.parse(JSON.readTree("[1]")))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).errors())
                .isEqualTo(List.of("body must be a JSON object"));
        assertThat(errorsOf("{\"agentId\":\"a\",\"dispositionId\":\"d\",\"filters\":[]}"))
                .containsExactly("filters must be an object");
    }
}
