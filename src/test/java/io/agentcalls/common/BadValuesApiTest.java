package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Numbers that overflow and text PostgreSQL cannot hold (NUL, unpaired surrogates), sent in a filter,
 * in fields of bound records and of hand-read JSON trees, in query parameters and cursors: each a 400
 * in the envelope naming the field, and nothing written. Regression for the initiate filter
 * {@code {"emi_amount":{"max":-1e400}}} and a NUL filter value, which answered 500.
 */
class BadValuesApiTest extends ApiTest {

    private CallingSetup setup;

    @BeforeEach
    void organization() {
        setup = CallingSetup.create(this);
        setup.upsert(List.of(CallingSetup.customer("L-1", "pending", "hindi")));
    }

    private Response initiate(String filters) {
        return post(
                "/api/v1/initiate/" + setup.campaignId + "/calls",
                setup.key,
                "{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\"" + setup.dispositionId + "\",\"filters\":"
                        + filters + "}");
    }

    private static void assertRefused(Response response, String error) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/success").asBoolean()).isFalse();
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                .containsExactly(error);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"emi_amount\":{\"max\":-1e400}}|filters.emi_amount.max is out of range",
                "{\"emi_amount\":{\"min\":1e400}}|filters.emi_amount.min is out of range",
                "{\"emi_amount\":{\"min\":1e999999999}}|filters.emi_amount.min is out of range",
                "{\"language\":\"hin\\u0000di\"}|filters.language must not contain NUL characters",
                "{\"payment_status\":[\"paid\",\"\\ud800\"]}|filters.payment_status[1] must not contain unpaired"
                        + " surrogate characters",
                "{\"custom\":{\"branch\":[\"a\\udc00\"]}}|filters.custom.branch[0] must not contain unpaired surrogate"
                        + " characters",
                "{\"ids\":[\"L-1\\u0000\"]}|filters.ids[0] must not contain NUL characters",
                "{\"b\\u0000\":\"x\"}|filters.b\\u0000 is a field name that must not contain NUL characters",
            })
    void aFilterWithAnOverflowingNumberOrBadTextIsRefusedAndNoCallIsMade(String filters, String error) {
        assertRefused(initiate(filters), error);
        assertThat(rows("calls")).isZero();
        assertThat(rows("initiations")).isZero();
    }

    @Test
    void aBoundRecordFieldIsRefused() {
        assertRefused(
                post("/api/v1/agents", setup.key, "{\"name\":\"A\\u0000\",\"prompt\":\"hi\"}"),
                "name must not contain NUL characters");
        assertRefused(
                post("/api/v1/agents", setup.key, "{\"name\":\"A\\ud800\",\"prompt\":\"hi\"}"),
                "name must not contain unpaired surrogate characters");
        assertRefused(
                post("/api/v1/dnc", setup.key, "{\"phones\":[\"9812345678\",\"98\\u000012\"]}"),
                "phones[1] must not contain NUL characters");
        assertRefused(
                post("/api/v1/phone-numbers", setup.key, "{\"number\":\"+918045550101\",\"maxConcurrentCalls\":1e400}"),
                "maxConcurrentCalls has the wrong type or format"); // a float where an integer belongs
        assertRefused(
                post(
                        "/api/v1/phone-numbers",
                        setup.key,
                        "{\"number\":\"+918045550101\",\"maxConcurrentCalls\":1" + "0".repeat(400) + "}"),
                "maxConcurrentCalls is out of range");
        assertThat(rows("agents")).isEqualTo(1);
        assertThat(rows("do_not_call")).isZero();
        assertThat(rows("phone_numbers")).isEqualTo(1);
    }

    /** Found by WriteEndpointFuzzTest: Jackson read "" and "\u0000" (blank after trim) as null. */
    @Test
    void blankOrNulTextIsNoNumberOrBoolean() {
        for (String value : new String[] {"\"\"", "\" \"", "\"\\u0000\""}) {
            assertRefused(
                    post(
                            "/api/v1/phone-numbers",
                            setup.key,
                            "{\"number\":\"+918045550101\",\"maxConcurrentCalls\":" + value + "}"),
                    "maxConcurrentCalls has the wrong type or format");
            assertRefused(
                    patch("/api/v1/phone-numbers/" + setup.numberId, setup.key, "{\"active\":" + value + "}"),
                    "active has the wrong type or format");
        }
        assertThat(rows("phone_numbers")).isEqualTo(1);
    }

    @Test
    void aHandReadTreeFieldIsRefused() {
        assertRefused(
                post("/api/v1/campaigns", setup.key, "{\"name\":\"a\\u0000\"}"),
                "name must not contain NUL characters");
        assertRefused(
                post("/api/v1/campaigns", setup.key, "{\"name\":\"x\",\"maxAttemptsPerDay\":-1e400}"),
                "maxAttemptsPerDay is out of range");
        assertRefused(
                patch("/api/v1/campaigns/" + setup.campaignId, setup.key, "{\"name\":\"\\udfff\"}"),
                "name must not contain unpaired surrogate characters");
        String customers = "/api/v1/campaigns/" + setup.campaignId + "/customers";
        assertRefused(
                post(
                        customers,
                        setup.key,
                        "{\"customers\":[{\"id\":\"A\",\"phone\":\"9812345678\",\"custom\":{\"x\":\"\\u0000\"}}]}"),
                "customers[0].custom.x must not contain NUL characters");
        assertRefused(
                post(
                        customers,
                        setup.key,
                        "{\"customers\":[{\"id\":\"A\",\"phone\":\"9812345678\",\"emi_amount\":1e999999999}]}"),
                "customers[0].emi_amount is out of range");
        assertRefused(
                post(
                        customers,
                        setup.key,
                        "{\"customers\":[{\"id\":\"A\",\"phone\":\"9812345678\",\"custom\":{\"x\":\"\\ud800\"}}]}"),
                "customers[0].custom.x must not contain unpaired surrogate characters");
        assertRefused(
                patch(customers + "/L-1", setup.key, "{\"name\":\"\\u0000\"}"), "name must not contain NUL characters");
        assertRefused(patch(customers + "/L-1", setup.key, "{\"custom\":{\"n\":1e400}}"), "custom.n is out of range");
        assertThat(rows("campaigns")).isEqualTo(1);
        assertThat(rows("customers")).isEqualTo(1);
        assertThat(get(customers + "/L-1", setup.key).body().at("/data/name").asString())
                .isEqualTo("Customer L-1");
    }

    @Test
    void aQueryParameterOrCursorWithNulIsRefused() {
        String customers = "/api/v1/campaigns/" + setup.campaignId + "/customers";
        assertRefused(get(customers + "?language=hin%00di", setup.key), "language must not contain NUL characters");
        assertRefused(
                get(customers + "?payment%00status=paid", setup.key),
                "payment\\u0000status must not contain NUL characters");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("a\0".getBytes(StandardCharsets.UTF_8));
        assertRefused(get(customers + "?cursor=" + forged, setup.key), "cursor is not a valid cursor");
        assertThat(get(customers + "?language=%2500", setup.key).status())
                .as("a literal %00 is text")
                .isEqualTo(200);
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organization_id = :org")
                .param("org", "org_" + setup.key.substring(3, 35))
                .query(Long.class)
                .single();
    }
}
