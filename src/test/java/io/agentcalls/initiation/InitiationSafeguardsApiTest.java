package io.agentcalls.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Safeguards between filters and limit, and no double-dialing under concurrent requests. */
class InitiationSafeguardsApiTest extends ApiTest {

    private CallingSetup setup;

    @BeforeEach
    void organizationReadyToCall() {
        setup = CallingSetup.create(this);
    }

    @Test
    void aCustomerWithAnActiveCallIsSkippedAndAllSkippedIs400() {
        setup.upsert(setup.customers("A", 3));
        assertThat(setup.initiate().status()).isEqualTo(200);

        Response again = setup.initiate();

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.raw())
                .isEqualTo(
                        "{\"success\":false,\"error\":\"BadRequest\",\"message\":\"Cannot initiate calls: all 3 matching customers were skipped by "
                                + "safeguards (an active call: 3)\",\"totalMatched\":3,\"customersSelected\":0,\"skipped\":"
                                + "{\"activeCall\":3,\"doNotCall\":0,\"attemptLimit\":0,\"outsideCallingWindow\":0,\"contactPolicy\":0}}");
    }

    @Test
    void aPhoneInAnActiveCallIsSkippedEvenForAnotherCustomer() {
        List<Map<String, Object>> customers = setup.customers("P", 2);
        customers.get(1).put("phone", customers.get(0).get("phone"));
        setup.upsert(customers);

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/totalMatched").asInt()).isEqualTo(2);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/skipped/activeCall").asInt()).isEqualTo(1);
    }

    @Test
    void aCampaignsFirstInitiationStillSkipsAPhoneInAnotherCampaignsActiveCall() {
        List<Map<String, Object>> customers = setup.customers("O", 2);
        setup.upsert(customers);
        assertThat(setup.initiate().status()).isEqualTo(200);
        String firstCampaign = setup.campaignId;
        setup.campaignId = setup.created(
                "/api/v1/campaigns",
                Map.of("name", "Second", "callingWindow", Map.of("start", "00:00", "end", "24:00")));
        Map<String, Object> sameBorrower = CallingSetup.customer("O2-00001", "pending", "hindi");
        sameBorrower.put("phone", customers.get(0).get("phone"));
        Map<String, Object> someoneElse = CallingSetup.customer("O2-00002", "pending", "hindi");
        setup.upsert(List.of(sameBorrower, someoneElse));

        Response response = setup.initiate();

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/skipped/activeCall").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE to_phone = :phone AND active")
                        .param("phone", customers.get(0).get("phone"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(firstCampaign).isNotEqualTo(setup.campaignId);
    }

    @Test
    void aDryRunCountsASharedPhoneOnce() {
        List<Map<String, Object>> customers = setup.customers("S", 3);
        customers.get(2).put("phone", customers.get(0).get("phone"));
        setup.upsert(customers);

        Response response = setup.initiate(Map.of("dryRun", true));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/message").asString())
                .isEqualTo("Dry run: calls would be initiated for 2 customers");
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(2);
        assertThat(response.body().at("/results/skipped/activeCall").asInt()).isEqualTo(1);
        assertThat(setup.initiate().body().at("/results/initiated").asInt()).isEqualTo(2);
    }

    @Test
    void doNotCallPhonesAreNeverCalled() {
        List<Map<String, Object>> customers = setup.customers("D", 3);
        setup.upsert(customers);
        assertThat(post(
                                "/api/v1/dnc",
                                setup.key,
                                "{\"phones\":[\"" + customers.get(1).get("phone") + "\"]}")
                        .status())
                .isEqualTo(200);

        Response response = setup.initiate();

        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(2);
        assertThat(response.body().at("/results/skipped/doNotCall").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c AND customer_id = 'D-00002'")
                        .param("c", setup.campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void attemptCapsCountTheCustomersRecentCalls() {
        assertThat(patch("/api/v1/campaigns/" + setup.campaignId, setup.key, "{\"maxAttemptsPerDay\":1}")
                        .status())
                .isEqualTo(200);
        setup.upsert(setup.customers("C", 2));
        assertThat(setup.initiate(Map.of("filters", Map.of("ids", List.of("C-00001"))))
                        .status())
                .isEqualTo(200);
        endAllCalls();

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/skipped/attemptLimit").asInt()).isEqualTo(1);
    }

    @Test
    void everyoneOutsideTheWindowIs400SayingWhy() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String start = String.format("%02d:00", now.plusHours(2).getHour());
        String end = String.format("%02d:00", now.plusHours(3).getHour());
        patch(
                "/api/v1/campaigns/" + setup.campaignId,
                setup.key,
                "{\"timezone\":\"UTC\",\"callingWindow\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}");
        setup.upsert(setup.customers("W", 3));

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().at("/message").asString())
                .isEqualTo("Cannot initiate calls: all 3 matching customers were skipped by safeguards "
                        + "(outside the calling window: 3)");
        assertThat(response.body().at("/skipped/outsideCallingWindow").asLong()).isEqualTo(3);
    }

    @Test
    void aCustomersOwnTimezoneCanPutThemInsideTheWindow() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime tokyo = now.withZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"));
        String start = String.format("%02d:00", tokyo.getHour());
        String end = String.format("%02d:00", tokyo.plusHours(1).getHour());
        patch(
                "/api/v1/campaigns/" + setup.campaignId,
                setup.key,
                "{\"timezone\":\"UTC\",\"callingWindow\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}");
        List<Map<String, Object>> customers = setup.customers("Z", 2);
        customers.get(0).put("timezone", "Asia/Tokyo");
        setup.upsert(customers);

        Response response = setup.initiate();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/results/customersSelected").asInt()).isEqualTo(1);
        assertThat(response.body().at("/results/skipped/outsideCallingWindow").asInt())
                .isEqualTo(1);
        assertThat(setup.calls().customers()).containsExactly("Z-00001");
    }

    @Test
    void tenConcurrentInitiationsCallEveryCustomerExactlyOnce() throws Exception {
        // the simulated runner plays calls to their end quickly; one attempt a day keeps a finished
        // call from being placed again legitimately, so any second call would be a double-dial
        patch("/api/v1/campaigns/" + setup.campaignId, setup.key, "{\"maxAttemptsPerDay\":1}");
        setup.upsert(setup.customers("RACE", 1_100));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> setup.initiate());
        }
        long initiated = 0;
        for (Future<Response> future : pool.invokeAll(requests)) {
            Response response = future.get();
            assertThat(response.status()).as(response.raw()).isIn(200, 400);
            initiated += response.body().at("/results/initiated").asLong(0);
        }
        pool.shutdown();

        assertThat(initiated).isEqualTo(1_100);
        assertThat(setup.calls().count()).isEqualTo(1_100);
        assertThat(setup.calls().customerCount()).isEqualTo(1_100);
    }

    private void endAllCalls() {
        jdbc.sql(
                        "UPDATE calls SET status = 'completed', ended_at = now() WHERE campaign_id = :c AND status = 'initiated'")
                .param("c", setup.campaignId)
                .update();
    }
}
