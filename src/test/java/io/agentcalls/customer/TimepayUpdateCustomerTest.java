package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Update Customer (TIMEPAY-API.md §3.3) at both of its published paths, PUT /api/v1/customer-data
 * (older snapshot) and PUT /api/v1/customers/update (newer).
 */
class TimepayUpdateCustomerTest extends TimepayCustomerFixtures {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/customer-data", "/api/v1/customers/update"})
    void theDocumentedExampleUpdatesTheRecord(String path) {
        CallingSetup setup = emiSetup();
        add(setup, record("loan_12345", phone()));

        Response updated = put(
                path,
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"loan_id\":\"loan_12345\",\"data\":"
                        + "{\"payment_status\":\"paid\",\"first_name\":\"Meena\",\"phone_number\":\"9876500001\","
                        + "\"emi_amount\":9000,\"last_contacted\":\"2025-08-20\"}}");

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Customer data updated successfully\","
                        + "\"data\":{\"id\":\"loan_12345\",\"result\":\"updated\"}}");
        JsonNode customer = customer(setup, "loan_12345");
        assertThat(customer.at("/payment_status").asString()).isEqualTo("paid");
        assertThat(customer.at("/first_name").asString()).isEqualTo("Meena");
        assertThat(customer.at("/name").asString()).as("follows its parts").isEqualTo("Meena Sharma");
        assertThat(customer.at("/phone").asString()).isEqualTo("+919876500001");
        assertThat(customer.at("/emi_amount").decimalValue()).isEqualByComparingTo("9000");
        assertThat(customer.at("/custom/last_contacted").asString())
                .as("a field that is no standard field is kept as a custom one")
                .isEqualTo("2025-08-20");
        assertThat(customer.at("/loan_period").asInt()).as("untouched").isEqualTo(24);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/customer-data", "/api/v1/customers/update"})
    void wrongRequestsAreRefusedAndChangeNothing(String path) {
        CallingSetup setup = emiSetup();
        add(setup, record("LOAN-1", phone()));
        JsonNode before = customer(setup, "LOAN-1");
        String campaign = "\"campaignId\":\"" + setup.campaignId + "\"";

        assertRefused(
                put(path, setup.key, "{" + campaign + ",\"data\":{\"language\":\"tamil\"}}"),
                400,
                "Validation failed",
                "loan_id or lead_id is required");
        assertRefused(
                put(path, setup.key, "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{}}"),
                400,
                "No valid fields provided for update");
        assertRefused(
                put(path, setup.key, "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{\"phone_number\":\"12\"}}"),
                400,
                "Validation failed",
                "phone_number is not a valid number");
        assertRefused(
                put(path, setup.key, "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{\"loan_id\":\"LOAN-2\"}}"),
                400,
                "Validation failed",
                "loan_id cannot be changed");
        assertRefused(
                put(path, setup.key, "{" + campaign + ",\"loan_id\":\"LOAN-404\",\"data\":{\"language\":\"tamil\"}}"),
                404,
                "Customer not found");
        String other = CallingSetup.create(this).campaignId;
        assertRefused(
                put(path, setup.key, "{\"campaignId\":\"" + other + "\",\"loan_id\":\"LOAN-1\",\"data\":{\"x\":1}}"),
                404,
                "Campaign not found");
        for (String body : new String[] {
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":",
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":[]}",
            "{" + campaign + ",\"loan_id\":1,\"data\":{\"language\":\"tamil\"}}",
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"lead_id\":\"L\",\"data\":{\"language\":\"tamil\"}}",
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{\"emi_amount\":1e400}}",
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{\"language\":\"ta\\u0000mil\"}}",
            "{" + campaign + ",\"loan_id\":\"LOAN-1\",\"data\":{\"note\":{\"nested\":true}}}"
        }) {
            Response response = put(path, setup.key, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().at("/error").asString()).isEqualTo("BadRequest");
        }
        assertThat(customer(setup, "LOAN-1")).isEqualTo(before);
    }

    private void add(CallingSetup setup, String record) {
        Response added = post(
                "/api/v1/customers/add",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + record + "}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
    }

    private Response put(String path, String key, String body) {
        return send("PUT", path, key, "application/json", body);
    }
}
