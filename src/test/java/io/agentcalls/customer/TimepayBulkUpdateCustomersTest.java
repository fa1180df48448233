package io.agentcalls.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.CallingSetup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bulk Update Customer, PUT /api/v1/customer-data/bulk (TIMEPAY-API.md §3.4). */
class TimepayBulkUpdateCustomersTest extends TimepayCustomerFixtures {

    @Autowired
    DataSource dataSource;

    @Test
    void theDocumentedExampleUpdatesEveryRecord() {
        CallingSetup setup = withCustomers(2);

        Response updated = bulk(
                setup,
                "[{\"id\":\"LOAN-1\",\"data\":{\"payment_status\":\"paid\"}},"
                        + "{\"id\":\"LOAN-2\",\"data\":{\"payment_status\":\"partial\",\"emi_amount\":7000}}]");

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.raw())
                .isEqualTo("{\"success\":true,\"message\":\"Updated 2 of 2 records\",\"results\":{\"total\":2,"
                        + "\"valid\":2,\"invalid\":0,\"successful\":2,\"failed\":0,\"retried\":0,"
                        + "\"batchesProcessed\":1,\"errors\":[]}}");
        assertThat(customer(setup, "LOAN-1").at("/payment_status").asString()).isEqualTo("paid");
        assertThat(customer(setup, "LOAN-2").at("/emi_amount").decimalValue()).isEqualByComparingTo("7000");
    }

    @Test
    void eachRecordFailsAloneAnd207Or400SaysHowMany() {
        CallingSetup setup = withCustomers(2);
        Response partial = bulk(
                setup,
                "[{\"id\":\"LOAN-1\",\"data\":{\"payment_status\":\"settled\"}},"
                        + "{\"id\":\"LOAN-2\",\"data\":{\"language\":\"tamil\"}},"
                        + "{\"id\":\"LOAN-404\",\"data\":{\"language\":\"tamil\"}},"
                        + "{\"id\":\"LOAN-2\",\"data\":{\"language\":\"odia\"}},"
                        + "{\"data\":{\"language\":\"odia\"}},"
                        + "{\"id\":\"LOAN-1\",\"data\":{}}]");

        assertThat(partial.status()).as(partial.raw()).isEqualTo(207);
        assertThat(partial.body().at("/message").asString()).isEqualTo("Updated 1 of 6 records");
        assertThat(partial.body().at("/results").toString())
                .isEqualTo("{\"total\":6,\"valid\":2,\"invalid\":4,\"successful\":1,\"failed\":1,\"retried\":0,"
                        + "\"batchesProcessed\":1,\"errors\":["
                        + "{\"index\":0,\"id\":\"LOAN-1\",\"error\":\"payment_status must be one of bounced, pending,"
                        + " partial, paid, received\"},"
                        + "{\"index\":2,\"id\":\"LOAN-404\",\"error\":\"Customer not found\"},"
                        + "{\"index\":3,\"id\":\"LOAN-2\",\"error\":\"duplicate id in this request\"},"
                        + "{\"index\":4,\"error\":\"id is required\"},"
                        + "{\"index\":5,\"id\":\"LOAN-1\",\"error\":\"No valid fields provided for update\"}]}");
        assertThat(customer(setup, "LOAN-2").at("/language").asString()).isEqualTo("tamil");

        Response none = bulk(setup, "[{\"id\":\"LOAN-404\",\"data\":{\"language\":\"tamil\"}}]");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().at("/error").asString()).isEqualTo("BadRequest");
        assertThat(none.body().at("/message").asString()).isEqualTo("Updated 0 of 1 records");
    }

    @Test
    void aCustomerChangedWhileTheUpdateRunsIsReadAgainAndCountedAsRetried() throws Exception {
        CallingSetup setup = withCustomers(3);
        String organization = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
        CompletableFuture<Response> update;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // the campaign's customer write lock, taken as every customer write takes it: the bulk
            // update reads its customers, then waits for it to write them
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended('customers/' || ? || '/' || ?, 0))")) {
                lock.setString(1, organization);
                lock.setString(2, setup.campaignId);
                lock.execute();
            }
            update = CompletableFuture.supplyAsync(() -> bulk(
                    setup,
                    "[{\"id\":\"LOAN-1\",\"data\":{\"language\":\"tamil\"}},"
                            + "{\"id\":\"LOAN-2\",\"data\":{\"language\":\"tamil\"}},"
                            + "{\"id\":\"LOAN-3\",\"data\":{\"language\":\"tamil\"}}]"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                                    .query(Long.class)
                                    .single()
                            > 0);
            try (PreparedStatement change = other.prepareStatement(
                    "UPDATE customers SET payment_status = 'paid' WHERE campaign_id = ? AND id = 'LOAN-2'")) {
                change.setString(1, setup.campaignId);
                change.executeUpdate();
            }
            other.commit();
        }

        Response updated = update.get();

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().at("/results/successful").asInt()).isEqualTo(3);
        assertThat(updated.body().at("/results/retried").asInt()).isEqualTo(1);
        assertThat(customer(setup, "LOAN-2").at("/language").asString()).isEqualTo("tamil");
        assertThat(customer(setup, "LOAN-2").at("/payment_status").asString())
                .as("the concurrent change is kept: the update was computed again from it")
                .isEqualTo("paid");
    }

    @Test
    void badInputIsA4xxInTheEnvelopeAndChangesNothing() {
        CallingSetup setup = withCustomers(1);
        String before = customer(setup, "LOAN-1").toString();
        String campaign = "\"campaignId\":\"" + setup.campaignId + "\"";
        for (String body : new String[] {
            "{" + campaign + ",\"records\":[",
            "{" + campaign + ",\"records\":{}}",
            "{" + campaign + ",\"records\":[]}",
            "{\"records\":[{\"id\":\"LOAN-1\",\"data\":{\"language\":\"tamil\"}}]}",
            "{" + campaign + ",\"records\":[" + "{},".repeat(10_000) + "{}]}",
            "{" + campaign + ",\"records\":[{\"id\":\"LOAN-1\",\"data\":{\"language\":\"t\\u0000\"}}]}",
            "{" + campaign + ",\"records\":[{\"id\":\"LOAN-1\",\"data\":{\"emi_amount\":-1e999}}]}",
            "{" + campaign + ",\"records\":[{\"id\":\"LOAN-1\",\"data\":{\"language\":\"tamil\"}}],\"x\":1}"
        }) {
            Response response = send("PUT", "/api/v1/customer-data/bulk", setup.key, "application/json", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.body().at("/error").asString()).isEqualTo("BadRequest");
        }
        String other = CallingSetup.create(this).campaignId;
        assertRefused(
                send(
                        "PUT",
                        "/api/v1/customer-data/bulk",
                        setup.key,
                        "application/json",
                        "{\"campaignId\":\"" + other + "\",\"records\":[{\"id\":\"LOAN-1\",\"data\":{\"x\":1}}]}"),
                404,
                "Campaign not found");
        assertThat(customer(setup, "LOAN-1").toString()).isEqualTo(before);
    }

    private CallingSetup withCustomers(int n) {
        CallingSetup setup = emiSetup();
        List<String> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            records.add(record("LOAN-" + i, phone()));
        }
        Response added = post(
                "/api/v1/customers/add/bulk",
                setup.key,
                "{\"campaignId\":\"" + setup.campaignId + "\",\"records\":[" + String.join(",", records) + "]}");
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        return setup;
    }

    private Response bulk(CallingSetup setup, String records) {
        return send(
                "PUT",
                "/api/v1/customer-data/bulk",
                setup.key,
                "application/json",
                "{\"campaignId\":\"" + setup.campaignId + "\",\"records\":" + records + "}");
    }
}
