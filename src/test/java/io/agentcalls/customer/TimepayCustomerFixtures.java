package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import tools.jackson.databind.JsonNode;

/** The catalogue's customer examples (TIMEPAY-API.md §3) and an organization ready to call them. */
abstract class TimepayCustomerFixtures extends ApiTest {

    /** A Debt Collection record of the catalogue's curl samples, with its id and phone to vary. */
    static String record(String loanId, String phone) {
        return CustomerDocumentedFieldsTest.DEBT_COLLECTION_RECORD
                .replace("LOAN-2025-00123", loanId)
                .replace("9876543210", phone);
    }

    /** An organization ready to call, whose campaign is an emi campaign as Create Campaign makes one. */
    CallingSetup emiSetup() {
        CallingSetup setup = CallingSetup.create(this);
        Response typed = send(
                "PUT",
                "/api/v1/campaigns/update/" + setup.campaignId,
                setup.key,
                "application/json",
                "{\"campaignType\":\"emi\"}");
        assertThat(typed.status()).as(typed.raw()).isEqualTo(200);
        return setup;
    }

    static String phone() {
        return CallingSetup.nextPhone().substring(3);
    }

    long customers(String campaignId) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(Long.class)
                .single();
    }

    JsonNode customer(CallingSetup setup, String id) {
        Response read = get("/api/v1/campaigns/" + setup.campaignId + "/customers/" + id, setup.key);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        return read.body().at("/data");
    }

    static void assertRefused(Response response, int status, String message, String... errors) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().at("/success").asBoolean(true)).isFalse();
        assertThat(response.body().at("/error").asString()).isNotBlank();
        assertThat(response.body().at("/message").asString()).isEqualTo(message);
        if (errors.length > 0) {
            assertThat(response.body().at("/errors").valueStream().map(JsonNode::asString))
                    .containsExactly(errors);
        }
    }
}
