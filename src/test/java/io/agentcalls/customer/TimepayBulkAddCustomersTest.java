package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk Add Customers, POST /api/v1/customers/add/bulk (TIMEPAY-API.md §3.2). */
class TimepayBulkAddCustomersTest extends TimepayCustomerFixtures {

    @Test
    void theDocumentedExampleAnswersTheDocumentedResults() {
        CallingSetup setup = emiSetup();
        Response added = bulk(setup, records(3, "LOAN-"), "");

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Added 3 of 3 records\",\"results\":{\"total\":3,"
                        + "\"valid\":3,\"invalid\":0,\"successful\":3,\"failed\":0,\"batchesProcessed\":1,"
                        + "\"errors\":[]}}");
        assertThat(customers(setup.campaignId)).isEqualTo(3);
    }

    @Test
    void someAddedIs207AndNoneIs400EachRecordNamed() {
        CallingSetup setup = emiSetup();
        bulk(setup, List.of(record("LOAN-1", phone())), "");
        List<String> records = List.of(
                record("LOAN-1", phone()),
                record("LOAN-2", "12"),
                record("LOAN-3", phone()),
                record("LOAN-3", phone()));

        Response partial = bulk(setup, records, "");

        assertThat(partial.status()).as(partial.raw()).isEqualTo(207);
        assertThat(partial.body().at("/success").asBoolean()).isFalse();
        assertThat(partial.body().at("/message").asString()).isEqualTo("Added 1 of 4 records");
        assertThat(partial.body().at("/results").toString())
                .isEqualTo("{\"total\":4,\"valid\":3,\"invalid\":1,\"successful\":1,\"failed\":2,"
                        + "\"batchesProcessed\":1,\"errors\":["
                        + "{\"index\":0,\"id\":\"LOAN-1\",\"error\":\"already exists in the campaign"
                        + " (Update Customer changes it)\"},"
                        + "{\"index\":1,\"id\":\"LOAN-2\",\"error\":\"phone_number is not a valid number\"},"
                        + "{\"index\":3,\"id\":\"LOAN-3\",\"error\":\"duplicate id in this request\"}]}");

        Response none = bulk(setup, List.of(record("LOAN-1", phone()), record("LOAN-9", "x")), "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().at("/error").asString()).isEqualTo("BadRequest");
        assertThat(none.body().at("/message").asString()).isEqualTo("Added 0 of 2 records");
        assertThat(customers(setup.campaignId)).isEqualTo(2);
    }

    @Test
    void initiateCallCallsInBatchesOf500AfterEveryRecordIsAdded() {
        CallingSetup setup = emiSetup();
        Response added = bulk(setup, records(1001, "BULK-"), callConfig(setup));

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(added.body().at("/callResults/totalMatched").asLong()).isEqualTo(1001);
        assertThat(added.body().at("/callResults/customersSelected").asLong()).isEqualTo(1001);
        assertThat(added.body().at("/callResults/initiated").asLong()).isEqualTo(1001);
        assertThat(added.body().at("/callResults/failed").asLong()).isZero();
        assertThat(added.body().at("/callResults/batchesProcessed").asInt()).isEqualTo(3);
        assertThat(added.body().at("/callResults/initiationIds").size()).isEqualTo(3);
        assertThat(setup.calls().count()).isEqualTo(1001);
        Response initiation = get(
                "/api/v1/initiations/"
                        + added.body().at("/callResults/initiationIds/2").asString(),
                setup.key);
        assertThat(initiation.body().at("/data/request/filters/ids").size()).isEqualTo(1);
    }

    @Test
    void recordsAreCappedAndUseWorkflowIsNotServed() {
        CallingSetup setup = emiSetup();
        String campaign = "{\"campaignId\":\"" + setup.campaignId + "\",";
        assertRefused(
                post(
                        "/api/v1/customers/add/bulk",
                        setup.key,
                        campaign + "\"records\":[" + "{},".repeat(10_000) + "{}]}"),
                400,
                "Validation failed",
                "records must have at most 10000 records");
        assertRefused(
                post("/api/v1/customers/add/bulk", setup.key, campaign + "\"records\":[],\"useWorkflow\":true}"),
                400,
                "Validation failed",
                "records must have at least one record",
                "useWorkflow is not supported: agentcalls runs no workflows (initiateCall calls the customers)");
        assertThat(customers(setup.campaignId)).isZero();
    }

    @Test
    void badInputIsA4xxInTheEnvelopeAndAddsNothing() {
        CallingSetup setup = emiSetup();
        String campaign = "\"campaignId\":\"" + setup.campaignId + "\"";
        String good = record("LOAN-1", phone());
        for (String body : new String[] {
            "{" + campaign + ",\"records\":[" + good,
            "{" + campaign + ",\"records\":" + good + "}",
            "{" + campaign + ",\"records\":[1]}",
            "{\"records\":[" + good + "]}",
            "{" + campaign + ",\"records\":[" + good + "],\"initiateCall\":true}",
            "{" + campaign + ",\"records\":[" + good + "],\"callConfig\":{\"agentId\":1}, \"initiateCall\":true}",
            "{" + campaign + ",\"records\":[" + good.replace("Sharma", "\\ud800") + "]}",
            "{" + campaign + ",\"records\":[" + good + "],\"useWorkflow\":true,\"initiateCall\":true}"
        }) {
            Response response = post("/api/v1/customers/add/bulk", setup.key, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().at("/error").asString()).isEqualTo("BadRequest");
        }
        String other = CallingSetup.create(this).campaignId;
        assertRefused(
                post(
                        "/api/v1/customers/add/bulk",
                        setup.key,
                        "{\"campaignId\":\"" + other + "\",\"records\":[" + good + "]}"),
                404,
                "Campaign not found");
        assertThat(customers(setup.campaignId) + customers(other)).isZero();
    }

    private Response bulk(CallingSetup setup, List<String> records, String extra) {
        return post(
                "/api/v1/customers/add/bulk",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"records\":[" + String.join(",", records) + "]" + extra
                        + "}");
    }

    private static String callConfig(CallingSetup setup) {
        return ",\"initiateCall\":true,\"callConfig\":{\"agentId\":\"" + setup.agentId + "\",\"dispositionId\":\""
                + setup.dispositionId + "\"}";
    }

    private static List<String> records(int n, String prefix) {
        List<String> records = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            records.add(record(prefix + i, phone()));
        }
        return records;
    }
}
