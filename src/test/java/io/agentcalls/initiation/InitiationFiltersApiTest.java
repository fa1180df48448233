package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every usage example of the Initiate Call(s) contract and every filter type, with the expected counts computed from the
 * test's own customers. Most run as dry runs, which select exactly as a real run does.
 */
class InitiationFiltersApiTest extends ApiTest {

    private static final String[] STATUSES = {"bounced", "pending", "partial", "paid", "received"};
    private static final String[] LANGUAGES = {"hindi", "english", "tamil"};
    private static final String[] BRANCHES = {"mumbai", "delhi", "pune"};
    private static final String[] PRODUCTS = {"personal_loan", "home_loan", "gold_loan"};

    private CallingSetup setup;
    private final List<Map<String, Object>> customers = new ArrayList<>();

    @BeforeEach
    void campaignWithVariedCustomers() {
        setup = CallingSetup.create(this);
        for (int i = 1; i <= 90; i++) {
            Map<String, Object> customer =
                    CallingSetup.customer(String.format("LOAN-2025-%05d", i), STATUSES[i % 5], LANGUAGES[i % 3]);
            customer.put("emi_amount", 1000 * (i % 30));
            customer.put(
                    "emi_due_date", LocalDate.of(2025, 7, 20).plusDays(i % 45).toString());
            customer.put(
                    "custom",
                    Map.of(
                            "branch",
                            BRANCHES[i % 4 == 0 ? 0 : i % 3],
                            "product_type",
                            PRODUCTS[i % 3 == 1 ? 0 : i % 3]));
            customers.add(customer);
        }
        setup.upsert(customers);
    }

    private long expected(Predicate<Map<String, Object>> filter) {
        return customers.stream().filter(filter).count();
    }

    private static Predicate<Map<String, Object>> status(String... values) {
        return c -> Set.of(values).contains((String) c.get("payment_status"));
    }

    private static Predicate<Map<String, Object>> custom(String field, String... values) {
        return c -> Set.of(values).contains(((Map<?, ?>) c.get("custom")).get(field));
    }

    private static Predicate<Map<String, Object>> amountBetween(int min, int max) {
        return c -> ((Integer) c.get("emi_amount")) >= min && ((Integer) c.get("emi_amount")) <= max;
    }

    private static Predicate<Map<String, Object>> dueBetween(String from, String to) {
        return c -> {
            String due = (String) c.get("emi_due_date");
            return (from == null || due.compareTo(from) >= 0) && (to == null || due.compareTo(to) <= 0);
        };
    }

    private long dryRunMatched(Map<String, Object> filters) {
        Response response = setup.initiate(Map.of("dryRun", true, "filters", filters));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().at("/results/initiated").asInt()).isZero();
        return response.body().at("/results/totalMatched").asLong();
    }

    @Test
    void contractExampleCallAllCustomers() {
        Response response = setup.initiate();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(90);
        assertThat(response.body().at("/results/initiated").asLong()).isEqualTo(90);
    }

    @Test
    void contractExampleBouncedAndPending() {
        Response response = setup.initiate(Map.of("filters", Map.of("payment_status", List.of("bounced", "pending"))));
        long expected = expected(status("bounced", "pending"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(expected);
        assertThat(response.body().at("/results/initiated").asLong()).isEqualTo(expected);
    }

    @Test
    void contractExampleDueThisMonthLimitedTo100() {
        Response response = setup.initiate(Map.of(
                "limit",
                100,
                "filters",
                Map.of("emi_due_date", Map.of("from", "2025-08-01", "to", "2025-08-31"), "payment_status", "pending")));
        long expected = expected(dueBetween("2025-08-01", "2025-08-31").and(status("pending")));
        assertThat(expected).isPositive().isLessThan(100);
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(expected);
        assertThat(response.body().at("/results/customersSelected").asLong()).isEqualTo(expected);
    }

    @Test
    void contractExampleSpecificIds() {
        Response response = setup.initiate(Map.of(
                "filters",
                Map.of("ids", List.of("LOAN-2025-00012", "LOAN-2025-00045", "LOAN-2025-00078", "NOT-THERE"))));
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(3);
        assertThat(response.body().at("/results/initiated").asLong()).isEqualTo(3);
    }

    @Test
    void contractExampleCustomFieldFilters() {
        Map<String, Object> filters = Map.of(
                "payment_status", List.of("bounced", "pending"),
                "emi_amount", Map.of("min", 5000, "max", 20000),
                "language", "hindi",
                "custom", Map.of("branch", "mumbai", "product_type", List.of("personal_loan", "home_loan")));
        long expected = expected(status("bounced", "pending")
                .and(amountBetween(5000, 20000))
                .and(c -> "hindi".equals(c.get("language")))
                .and(custom("branch", "mumbai"))
                .and(custom("product_type", "personal_loan", "home_loan")));
        assertThat(expected).isPositive();
        Response response = setup.initiate(Map.of("filters", filters));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(expected);
        assertThat(response.body().at("/results/initiated").asLong()).isEqualTo(expected);
    }

    @Test
    void contractExampleExcludeIds() {
        Response response = setup.initiate(Map.of(
                "filters", Map.of("exclude_ids", List.of("LOAN-2025-00789", "LOAN-2025-00001", "LOAN-2025-00002"))));
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(88);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM calls WHERE campaign_id = :c AND customer_id IN ('LOAN-2025-00001', 'LOAN-2025-00002')")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void eachFilterTypeAloneAsStringAndArray() {
        assertThat(dryRunMatched(Map.of("language", "Hindi")))
                .isEqualTo(expected(c -> "hindi".equals(c.get("language"))));
        assertThat(dryRunMatched(Map.of("language", List.of("hindi", "tamil"))))
                .isEqualTo(expected(c -> !"english".equals(c.get("language"))));
        assertThat(dryRunMatched(Map.of("payment_status", "paid"))).isEqualTo(expected(status("paid")));
        assertThat(dryRunMatched(Map.of("custom", Map.of("branch", "delhi"))))
                .isEqualTo(expected(custom("branch", "delhi")));
        assertThat(dryRunMatched(Map.of("branch", List.of("delhi", "pune"))))
                .isEqualTo(expected(custom("branch", "delhi", "pune")));
        assertThat(dryRunMatched(Map.of("emi_amount", "5000"))).isEqualTo(expected(amountBetween(5000, 5000)));
        assertThat(dryRunMatched(Map.of("ids", List.of("LOAN-2025-00001")))).isEqualTo(1);
    }

    @Test
    void rangesWithOneBound() {
        assertThat(dryRunMatched(Map.of("emi_amount", Map.of("min", 25000))))
                .isEqualTo(expected(amountBetween(25000, 1 << 30)));
        assertThat(dryRunMatched(Map.of("emi_amount", Map.of("max", 2000))))
                .isEqualTo(expected(amountBetween(0, 2000)));
        assertThat(dryRunMatched(Map.of("emi_due_date", Map.of("from", "2025-08-25"))))
                .isEqualTo(expected(dueBetween("2025-08-25", null)));
        assertThat(dryRunMatched(Map.of("emi_due_date", Map.of("to", "2025-07-25"))))
                .isEqualTo(expected(dueBetween(null, "2025-07-25")));
        assertThat(dryRunMatched(Map.of("loan_amount", Map.of("min", new BigDecimal("99999.99"), "max", 100000))))
                .isEqualTo(90);
    }

    @Test
    void rangesOnCustomFields() {
        List<Map<String, Object>> scored = setup.customers("S", 4);
        for (int i = 0; i < scored.size(); i++) {
            scored.get(i).put("custom", Map.of("score", String.valueOf(i * 10), "since", "2024-0" + (i + 1) + "-15"));
        }
        scored.get(3).put("custom", Map.of("score", "n/a", "since", "someday"));
        setup.upsert(scored);

        assertThat(dryRunMatched(Map.of("score", Map.of("min", 10)))).isEqualTo(2);
        assertThat(dryRunMatched(Map.of("since", Map.of("from", "2024-02-01", "to", "2024-12-31"))))
                .isEqualTo(2);
    }

    @Test
    void unknownFilterKeysAre400NamingThem() {
        Response response =
                setup.initiate(Map.of("filters", Map.of("colour", "red", "custom", Map.of("region", "west"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").toString())
                .contains("filters.colour is not a customer field of this campaign")
                .contains("filters.region is not a customer field of this campaign");
    }

    @Test
    void dryRunWritesAndCallsNothing() {
        Response response = setup.initiate(Map.of("dryRun", true, "limit", 10));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asLong()).isEqualTo(90);
        assertThat(response.body().at("/results/customersSelected").asLong()).isEqualTo(10);
        assertThat(response.body().at("/results/initiated").asLong()).isZero();
        assertThat(response.body().at("/results/dryRun").asBoolean()).isTrue();
        assertThat(response.body().has("initiationId")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(get("/api/v1/campaigns/" + setup.campaignId + "/initiations", setup.key)
                        .body()
                        .at("/data")
                        .size())
                .isZero();
    }
}
