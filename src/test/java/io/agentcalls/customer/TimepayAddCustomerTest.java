package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import org.junit.jupiter.api.Test;

/** Add Customer, POST /api/v1/customers/add (TIMEPAY-API.md §3.1). */
class TimepayAddCustomerTest extends TimepayCustomerFixtures {

    @Test
    void theDocumentedExampleAddsTheCustomer() {
        CallingSetup setup = emiSetup();
        Response added = post(
                "/api/v1/customers/add",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + record("LOAN-2025-00123", phone()) + "}");

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Customer added to campaign successfully\","
                        + "\"data\":{\"id\":\"LOAN-2025-00123\",\"campaignId\":\"" + setup.campaignId + "\"}}");
        assertThat(customer(setup, "LOAN-2025-00123").at("/name").asString()).isEqualTo("Asha Sharma");
        assertThat(setup.calls().count()).as("no call without initiateCall").isZero();
    }

    @Test
    void initiateCallCallsTheCustomerThroughInitiateCalls() {
        CallingSetup setup = emiSetup();
        String phone = phone();
        Response added = addWithCall(setup, record("LOAN-1", phone));

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.body().at("/callInitiated").asBoolean()).isTrue();
        assertThat(added.body().has("callError")).isFalse();
        assertThat(setup.calls().customers()).containsExactly("LOAN-1");

        Response samePhone = addWithCall(setup, record("LOAN-2", phone));
        assertThat(samePhone.status()).isEqualTo(201);
        assertThat(samePhone.body().at("/callInitiated").asBoolean()).isFalse();
        assertThat(samePhone.body().at("/callError").asString())
                .as("the safeguards of Initiate Call(s) hold")
                .isEqualTo("Skipped by a safeguard: an active call");
        assertThat(setup.calls().customers()).containsExactly("LOAN-1");
    }

    @Test
    void whatWouldRefuseTheCallRefusesTheAddition() {
        CallingSetup setup = emiSetup();
        Response unknownAgent = post(
                "/api/v1/customers/add",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + record("LOAN-1", phone())
                        + ",\"initiateCall\":true,\"callConfig\":{\"agentId\":\"agt_nope\",\"dispositionId\":\""
                        + setup.dispositionId + "\"}}");
        assertRefused(unknownAgent, 404, "Agent not found");
        assertRefused(
                post(
                        "/api/v1/customers/add",
                        setup.key,
                        "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + record("LOAN-1", phone())
                                + ",\"initiateCall\":true}"),
                400,
                "Validation failed",
                "callConfig is required when initiateCall is true");
        assertThat(customers(setup.campaignId)).isZero();
    }

    @Test
    void theRequiredIdAndAnExistingOneAreRefused() {
        CallingSetup setup = emiSetup();
        String withoutId = record("LOAN-1", phone()).replace("\"loan_id\":\"LOAN-1\",", "");
        assertRefused(
                add(setup, withoutId), 400, "Validation failed", "loan_id is required (the campaign's type is emi)");
        assertRefused(
                add(setup, withoutId.replace("\"phone_number\":\"", "\"lead_id\":\"L-1\",\"phone_number\":\"")),
                400,
                "Validation failed",
                "lead_id is not this campaign's id: an emi campaign's customers are keyed by loan_id");
        assertThat(add(setup, record("LOAN-1", phone())).status()).isEqualTo(201);
        assertRefused(
                add(setup, record("LOAN-1", phone())),
                409,
                "Customer LOAN-1 already exists in the campaign (Update Customer changes it)");
        assertThat(customers(setup.campaignId)).isEqualTo(1);
    }

    @Test
    void badInputIsA4xxInTheEnvelopeAndAddsNothing() {
        CallingSetup setup = emiSetup();
        String campaign = "\"campaignId\":\"" + setup.campaignId + "\"";
        String good = record("LOAN-1", phone());
        for (String body : new String[] {
            "{" + campaign + ",\"data\":",
            "[]",
            "{" + campaign + "}",
            "{" + campaign + ",\"data\":[" + good + "]}",
            "{\"campaignId\":42,\"data\":" + good + "}",
            "{" + campaign + ",\"data\":" + good + ",\"extra\":1}",
            "{" + campaign + ",\"data\":" + good.replace("Asha", "As\\u0000ha") + "}",
            "{" + campaign + ",\"data\":" + good.replace("250000", "1e400") + "}",
            "{" + campaign + ",\"data\":" + good.replace("\"loan_period\":24", "\"loan_period\":\"24\"") + "}",
            "{" + campaign + ",\"data\":" + good + ",\"initiateCall\":\"yes\"}"
        }) {
            Response response = post("/api/v1/customers/add", setup.key, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().at("/error").asString()).isEqualTo("BadRequest");
        }
        String other = CallingSetup.create(this).campaignId;
        assertRefused(
                post("/api/v1/customers/add", setup.key, "{\"campaignId\":\"" + other + "\",\"data\":" + good + "}"),
                404,
                "Campaign not found");
        assertThat(customers(setup.campaignId) + customers(other)).isZero();
    }

    private Response add(CallingSetup setup, String data) {
        return post(
                "/api/v1/customers/add",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + data + "}");
    }

    private Response addWithCall(CallingSetup setup, String data) {
        return post(
                "/api/v1/customers/add",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"data\":" + data + ",\"initiateCall\":true,"
                        + "\"callConfig\":{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\""
                        + setup.dispositionId + "\"}}");
    }
}
