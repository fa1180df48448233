package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.AcceptedCalls;
import io.agentcalls.call.CallFixtures;
import io.agentcalls.call.CallService;
import io.agentcalls.call.DialQueue;
import io.agentcalls.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The safeguards again at dial time, with the time under the test's control: a call that waits is
 * checked again in the transaction that claims it.
 */
class DialSafeguardsTest extends ApiTest {

    /** 18:59 and 19:00 in Asia/Kolkata (UTC+05:30), and the next morning's 08:00 opening. */
    private static final Instant AT_18_59 = Instant.parse("2020-01-10T13:29:00Z");

    private static final Instant AT_19_00 = Instant.parse("2020-01-10T13:30:00Z");
    private static final Instant NEXT_OPENING = Instant.parse("2020-01-11T02:30:00Z");

    @Autowired
    CallService calls;

    @Autowired
    DialQueue dialQueue;

    @Autowired
    Dialer dialer;

    CallFixtures fixtures;
    DialQueueFixtures queue;
    String key;
    String org;
    String campaign;
    String set;

    @BeforeEach
    void organization() {
        fixtures = new CallFixtures(jdbc);
        queue = new DialQueueFixtures(jdbc);
        key = newOrganization();
        org = CallFixtures.organizationOf(key);
        campaign = fixtures.campaign(org);
        set = fixtures.dispositionSet(org);
        fixtures.phoneNumber(org, "+918045550321", 5);
    }

    @Test
    void aCallQueuedAt1859IsNotDialedAt1900AndIsDialedAtTheNextOpening() {
        String call = acceptedAt(AT_18_59);

        dialer.dialDue(AT_19_00);

        assertThat(queue.dialState(call)).isEqualTo("waiting");
        assertThat(queue.scheduledFor(call).toInstant()).isEqualTo(NEXT_OPENING);
        assertThat(get("/api/v1/calls/" + call, key)
                        .body()
                        .at("/data/scheduledFor")
                        .asString())
                .as("the API shows when it will be dialed")
                .isEqualTo("2020-01-11T02:30:00Z");

        dialer.dialDue(NEXT_OPENING.minusSeconds(60));
        assertThat(queue.dialState(call)).as("not before the opening").isEqualTo("waiting");

        dialer.dialDue(NEXT_OPENING);
        assertThat(queue.dialState(call)).isEqualTo("placed");
        assertThat(fixtures.status(call)).isEqualTo("initiated");
        String metrics = get("/actuator/prometheus", ACTUATOR_TOKEN).raw();
        assertThat(metrics)
                .as("dials and deferrals are counted")
                .contains("agentcalls_dial_dials_total{outcome=\"placed\"")
                .contains("agentcalls_dial_held_back_total{reason=\"callingWindow\"");
    }

    @Test
    void aNumberPutOnDoNotCallAfterQueueingIsNeverDialed() {
        String call = acceptedAt(DialQueueFixtures.T0);
        String phone = jdbc.sql("SELECT to_phone FROM calls WHERE id = :id")
                .param("id", call)
                .query(String.class)
                .single();
        assertThat(post("/api/v1/dnc", key, json("phones", List.of(phone))).status())
                .isBetween(200, 201);

        dialer.dialDue(DialQueueFixtures.T0.plusSeconds(1));

        assertThat(fixtures.status(call)).isEqualTo("cancelled");
        assertThat(queue.failureReason(call)).isEqualTo("doNotCall");
        assertThat(simulatedSteps(call)).as("the simulator never got it").isZero();
    }

    @Test
    void aCallNotDialedByExpireAfterExpires() {
        String call = acceptedAt(DialQueueFixtures.T0);

        dialer.dialDue(DialQueueFixtures.T0.plus(Duration.ofHours(24)).plusSeconds(1));

        assertThat(fixtures.status(call)).isEqualTo("expired");
        assertThat(queue.dialState(call)).isEqualTo("-");
        assertThat(get("/api/v1/campaigns/" + campaign + "/stats", key)
                        .body()
                        .at("/data/calls/byStatus/expired")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theCampaignsExpireAfterIsASettingOfItsOwn() {
        Response initial = get("/api/v1/campaigns/" + campaign + "/dialing", key);
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body().at("/data/expireAfter").asString()).isEqualTo("PT24H");
        assertThat(initial.body().at("/data/maxConcurrentCalls").isNull()).isTrue();
        Response set = send(
                "PUT",
                "/api/v1/campaigns/" + campaign + "/dialing",
                key,
                "application/json",
                "{\"maxConcurrentCalls\":4,\"expireAfter\":\"PT1H\"}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        String call = acceptedAt(DialQueueFixtures.T0);

        dialer.dialDue(DialQueueFixtures.T0.plus(Duration.ofMinutes(61)));

        assertThat(fixtures.status(call)).isEqualTo("expired");
    }

    @Test
    void wrongDialingSettingsAreRefusedNamingTheField() {
        for (String body : List.of(
                "{\"maxConcurrentCalls\":0,\"expireAfter\":\"PT1H\"}",
                "{\"maxConcurrentCalls\":\"4\",\"expireAfter\":\"PT1H\"}",
                "{\"maxConcurrentCalls\":4,\"expireAfter\":\"P31D\"}",
                "{\"maxConcurrentCalls\":4,\"expireAfter\":3600}",
                "{\"expireAfter\":\"PT1H\"}",
                "{\"maxConcurrentCalls\":4,\"expireAfter\":\"PT1H\",\"x\":1}")) {
            Response response =
                    send("PUT", "/api/v1/campaigns/" + campaign + "/dialing", key, "application/json", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.raw()).as(body).containsAnyOf("maxConcurrentCalls", "expireAfter", "unknown field");
        }
        String other = fixtures.campaign(fixtures.organization());
        assertThat(send(
                                "PUT",
                                "/api/v1/campaigns/" + other + "/dialing",
                                key,
                                "application/json",
                                "{\"maxConcurrentCalls\":4,\"expireAfter\":\"PT1H\"}")
                        .status())
                .isEqualTo(404);
        assertThat(get("/api/v1/campaigns/" + campaign + "/dialing", key)
                        .body()
                        .at("/data/expireAfter")
                        .asString())
                .isEqualTo("PT24H");
    }

    @Test
    void nothingOfAPausedCampaignIsDialedUntilItResumes() {
        String call = acceptedAt(DialQueueFixtures.T0);
        assertThat(post("/api/v1/campaigns/" + campaign + "/pause", key, null).status())
                .isEqualTo(200);

        dialer.dialDue(DialQueueFixtures.T0.plusSeconds(1));
        assertThat(queue.dialState(call)).isEqualTo("waiting");

        Response resumed = post("/api/v1/campaigns/" + campaign + "/resume", key, null);
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.body().at("/data/status").asString()).isEqualTo("active");
        dialer.dialDue(DialQueueFixtures.T0.plusSeconds(2));
        assertThat(queue.dialState(call)).isEqualTo("placed");
    }

    @Test
    void pauseAndResumeRefuseWhatIsNotTheirs() {
        String other = fixtures.campaign(fixtures.organization());
        assertThat(post("/api/v1/campaigns/" + other + "/pause", key, null).status())
                .isEqualTo(404);
        assertThat(post("/api/v1/campaigns/" + other + "/resume", key, null).status())
                .isEqualTo(404);
        assertThat(post("/api/v1/campaigns/cmp_nope/resume", key, null).status())
                .isEqualTo(404);
        assertThat(patch("/api/v1/campaigns/" + campaign, key, json("status", "draft"))
                        .status())
                .isEqualTo(200);
        Response draft = post("/api/v1/campaigns/" + campaign + "/resume", key, null);
        assertThat(draft.status()).isEqualTo(409);
        assertThat(draft.body().at("/success").asBoolean()).isFalse();
    }

    @Test
    void theContactPolicyStopsAFourthCallToOnePhoneInADayAcrossTwoCampaigns() {
        String second = fixtures.campaign(org);
        fixtures.callingAllDay(org, campaign);
        fixtures.callingAllDay(org, second);
        String phone = "+917" + (100000000 + (System.nanoTime() % 800000000));
        Instant now = Instant.now();
        // earlier today in the campaign's zone, even just after its midnight
        java.time.ZoneId zone = java.time.ZoneId.of(jdbc.sql("SELECT timezone FROM campaigns WHERE id = :id")
                .param("id", campaign)
                .query(String.class)
                .single());
        Instant startOfDay = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Instant earlier = now.minusSeconds(600).isBefore(startOfDay) ? startOfDay : now.minusSeconds(600);
        for (String c : List.of(campaign, second, campaign)) {
            endedCallTo(c, phone, earlier);
        }
        String fourth = queue.waiting(org, second, set, "+918045550321", 1).get(0);
        jdbc.sql("UPDATE calls SET to_phone = :phone, dial_after = :now, expires_at = :later WHERE id = :id")
                .param("phone", phone)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("later", now.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC))
                .param("id", fourth)
                .update();

        dialer.dialDue(now);

        assertThat(queue.dialState(fourth)).as("held back, not dialed").isEqualTo("waiting");
        assertThat(queue.scheduledFor(fourth).toInstant()).as("until tomorrow").isAfter(now);
        assertThat(simulatedSteps(fourth)).isZero();
    }

    private void endedCallTo(String campaignId, String phone, Instant at) {
        String id = fixtures.call(org, campaignId, set, "completed");
        jdbc.sql("UPDATE calls SET to_phone = :phone, created_at = :at WHERE id = :id")
                .param("phone", phone)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    /** A queued call accepted by the built-in runner at {@code at}, then initiated as the dispatcher records. */
    private String acceptedAt(Instant at) {
        fixtures.customer(org, campaign, "LOAN-" + System.nanoTime(), "pending", null);
        String customer = jdbc.sql(
                        "SELECT id FROM customers WHERE organization_id = :org ORDER BY created_at DESC, id DESC LIMIT 1")
                .param("org", org)
                .query(String.class)
                .single();
        String call = fixtures.call(org, campaign, set, "queued", customer, null, "+918045550321");
        jdbc.sql(
                        "UPDATE calls SET to_phone = (SELECT phone FROM customers WHERE organization_id = :org AND id = :customer) WHERE id = :id")
                .param("org", org)
                .param("customer", customer)
                .param("id", call)
                .update();
        assertThat(calls.recordDispatchOutcome(
                                org, AcceptedCalls.intoDialQueue(List.of(call), at), List.of(), List.of())
                        .initiated())
                .isEqualTo(1);
        return call;
    }

    private long simulatedSteps(String call) {
        return jdbc.sql("SELECT count(*) FROM simulated_call_steps WHERE call_id = :id")
                .param("id", call)
                .query(Long.class)
                .single();
    }
}
