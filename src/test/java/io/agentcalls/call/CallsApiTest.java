package io.agentcalls.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class CallsApiTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    CallFixtures fixtures;
    String key;
    String org;
    String campaign;
    String set;

    @BeforeEach
    void organization() {
        fixtures = new CallFixtures(jdbc);
        key = newOrganization();
        org = CallFixtures.organizationOf(key);
        campaign = fixtures.campaign(org);
        set = fixtures.dispositionSet(org);
    }

    @Test
    void aCallShowsEveryField() {
        String initiation = fixtures.initiation(org, campaign);
        String call = fixtures.call(org, campaign, set, "completed", "LOAN-7", initiation, "+918045550100");
        jdbc.sql("""
                        UPDATE calls SET duration_seconds = 74, disposition_code = 'PTP',
                               disposition_data = '{"ptp_date":"2026-12-05","ptp_amount":4500}',
                               recording_url = 'https://r/1.mp3', transcript = 'Agent: Namaste'
                        WHERE id = :id
                        """).param("id", call).update();

        Response response = get("/api/v1/calls/" + call, key);

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.body().at("/data");
        assertThat(fieldNames(data))
                .containsExactly(
                        "id",
                        "campaignId",
                        "customerId",
                        "agentId",
                        "dispositionId",
                        "initiationId",
                        "batch",
                        "from",
                        "to",
                        "status",
                        "attempt",
                        "queuedAt",
                        "initiatedAt",
                        "ringingAt",
                        "inProgressAt",
                        "endedAt",
                        "durationSeconds",
                        "disposition",
                        "recordingUrl",
                        "transcript",
                        "failureReason",
                        "runnerCancel",
                        "placedDespiteCancel",
                        "createdAt",
                        "updatedAt",
                        "scheduledFor");
        assertThat(data.at("/id").asString()).isEqualTo(call);
        assertThat(data.at("/campaignId").asString()).isEqualTo(campaign);
        assertThat(data.at("/customerId").asString()).isEqualTo("LOAN-7");
        assertThat(data.at("/dispositionId").asString()).isEqualTo(set);
        assertThat(data.at("/initiationId").asString()).isEqualTo(initiation);
        assertThat(data.at("/from").asString()).isEqualTo("+918045550100");
        assertThat(data.at("/to").asString()).startsWith("+9198");
        assertThat(data.at("/status").asString()).isEqualTo("completed");
        assertThat(data.at("/attempt").asInt()).isEqualTo(1);
        assertThat(data.at("/ringingAt").isNull()).isTrue();
        assertThat(data.at("/endedAt").asString()).endsWith("Z");
        assertThat(data.at("/disposition").toString())
                .isEqualTo("{\"code\":\"PTP\",\"label\":\"Promise to pay\","
                        + "\"data\":{\"ptp_date\":\"2026-12-05\",\"ptp_amount\":4500}}");
    }

    @Test
    void anUnknownCallOrAnotherOrganizationsCallIsNotFound() {
        String call = fixtures.call(org, campaign, set, "queued");
        String otherKey = newOrganization();

        for (Response response : List.of(
                get("/api/v1/calls/call_nope", key),
                get("/api/v1/calls/" + call, otherKey),
                post("/api/v1/calls/" + call + "/cancel", otherKey, null))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw())
                    .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Call not found\"}");
        }
        assertThat(get("/api/v1/calls", otherKey).body().at("/data").size()).isZero();
        assertThat(fixtures.status(call)).isEqualTo("queued");
    }

    @Test
    void listsNewestFirstWithFiltersAndCursors() throws InterruptedException {
        String otherCampaign = fixtures.campaign(org);
        String initiation = fixtures.initiation(org, campaign);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixtures.call(
                    org, campaign, set, i % 2 == 0 ? "completed" : "busy", "LOAN-" + i, initiation, null));
            Thread.sleep(2); // ids order calls by creation to the millisecond
        }
        String elsewhere = fixtures.call(org, otherCampaign, set, "no_answer");
        fixtures.call(CallFixtures.organizationOf(newOrganization()), campaign, set, "completed");

        assertThat(ids(get("/api/v1/calls", key)))
                .containsExactly(elsewhere, ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(get("/api/v1/calls?campaignId=" + campaign, key)))
                .hasSize(5)
                .doesNotContain(elsewhere);
        assertThat(ids(get("/api/v1/calls?status=busy", key))).containsExactly(ids.get(3), ids.get(1));
        assertThat(ids(get("/api/v1/calls?status=busy,no_answer", key)))
                .containsExactly(elsewhere, ids.get(3), ids.get(1));
        assertThat(ids(get("/api/v1/calls?customerId=LOAN-2", key))).containsExactly(ids.get(2));
        assertThat(ids(get("/api/v1/calls?initiationId=" + initiation + "&status=completed", key)))
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(ids(get("/api/v1/calls?since=2000-01-01T00:00:00%2B05:30", key)))
                .hasSize(6);
        assertThat(ids(get("/api/v1/calls?since=2999-01-01T00:00:00Z", key))).isEmpty();

        Response first = get("/api/v1/calls?campaignId=" + campaign + "&limit=2", key);
        assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3));
        Response second = get(
                "/api/v1/calls?campaignId=" + campaign + "&limit=2&cursor="
                        + first.body().at("/nextCursor").asString(),
                key);
        assertThat(ids(second)).containsExactly(ids.get(2), ids.get(1));
        Response third = get(
                "/api/v1/calls?campaignId=" + campaign + "&limit=2&cursor="
                        + second.body().at("/nextCursor").asString(),
                key);
        assertThat(ids(third)).containsExactly(ids.get(0));
        assertThat(third.body().has("nextCursor")).isFalse();
    }

    @Test
    void badListParametersAre400NamingThem() {
        assertValidation(
                get("/api/v1/calls?status=done", key),
                "status must be one of queued, initiated, ringing,"
                        + " in_progress, completed, no_answer, busy, voicemail, failed, failed_to_initiate, cancelled");
        assertValidation(get("/api/v1/calls?status=busy,,x", key), "status must be one of");
        assertValidation(get("/api/v1/calls?since=yesterday", key), "since must be an ISO-8601 time with offset");
        assertValidation(get("/api/v1/calls?since=2026-11-01T00:00:00", key), "since must be an ISO-8601");
        assertValidation(get("/api/v1/calls?limit=0", key), "limit must be an integer from 1 to 500");
        assertValidation(get("/api/v1/calls?limit=501", key), "limit must be an integer from 1 to 500");
        assertValidation(get("/api/v1/calls?cursor=!!!", key), "cursor is not a valid cursor");
        assertThat(get("/api/v1/calls", null).status()).isEqualTo(401);
    }

    @Test
    void cancellingACallThatIsNotAnsweredYet() {
        String queued = fixtures.call(org, campaign, set, "queued");
        String ringing = fixtures.call(org, campaign, set, "ringing");
        String talking = fixtures.call(org, campaign, set, "in_progress");
        String done = fixtures.call(org, campaign, set, "completed");

        try (PublishedCallEvents published = PublishedCallEvents.capture(context)) {
            Response response = post("/api/v1/calls/" + queued + "/cancel", key, null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().at("/data/status").asString()).isEqualTo("cancelled");
            assertThat(response.body().at("/data/endedAt").isNull()).isFalse();
            assertThat(published.statusChanges(queued))
                    .extracting(CallStatusChanged::status)
                    .containsExactly("cancelled");
            assertThat(published.of(CallsCancelled.class))
                    .containsExactly(new CallsCancelled(org, List.of(queued), CallsCancelled.CANCELLED));
        }
        assertThat(post("/api/v1/calls/" + ringing + "/cancel", key, null).status())
                .isEqualTo(200);
        assertThat(post("/api/v1/calls/" + queued + "/cancel", key, null).status())
                .as("cancelling again answers the cancelled call")
                .isEqualTo(200);
        for (String answered : List.of(talking, done)) {
            Response response = post("/api/v1/calls/" + answered + "/cancel", key, null);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.raw())
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"Conflict\",\"message\":\"Call can no longer be cancelled\"}");
        }
        assertThat(List.of(fixtures.status(ringing), fixtures.status(talking), fixtures.status(done)))
                .containsExactly("cancelled", "in_progress", "completed");
    }

    @Test
    void cancellingAnInitiationCancelsWhatIsNotAnswered() {
        String initiation = fixtures.initiation(org, campaign);
        List<String> statuses = List.of("queued", "initiated", "ringing", "in_progress", "completed", "cancelled");
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            calls.add(fixtures.call(org, campaign, set, statuses.get(i), "LOAN-" + i, initiation, null));
        }
        String otherInitiation = fixtures.initiation(org, campaign);
        String untouched = fixtures.call(org, campaign, set, "queued", "LOAN-X", otherInitiation, null);

        Response response = post("/api/v1/initiations/" + initiation + "/cancel", key, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw()).isEqualTo("{\"success\":true,\"data\":{\"cancelled\":3,\"notCancellable\":3}}");
        assertThat(calls.stream().map(fixtures::status).toList())
                .containsExactly("cancelled", "cancelled", "cancelled", "in_progress", "completed", "cancelled");
        assertThat(fixtures.status(untouched)).isEqualTo("queued");
        assertThat(post("/api/v1/initiations/" + initiation + "/cancel", key, null)
                        .raw())
                .isEqualTo("{\"success\":true,\"data\":{\"cancelled\":0,\"notCancellable\":6}}");
    }

    @Test
    void anotherOrganizationsOrAnUnknownInitiationIsNotFound() {
        String initiation = fixtures.initiation(org, campaign);
        String call = fixtures.call(org, campaign, set, "queued", "LOAN-1", initiation, null);

        for (String path : List.of(initiation, "ini_nope")) {
            Response response = post("/api/v1/initiations/" + path + "/cancel", newOrganization(), null);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.raw())
                    .isEqualTo("{\"success\":false,\"error\":\"NotFound\",\"message\":\"Initiation not found\"}");
        }
        assertThat(fixtures.status(call)).isEqualTo("queued");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().at("/data").forEach(call -> ids.add(call.at("/id").asString()));
        return ids;
    }

    private static void assertValidation(Response response, String error) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors/0").asString()).startsWith(error);
    }
}
