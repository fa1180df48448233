package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallDispositionRecorded;
import io.agentcalls.call.CallFixtures;
import io.agentcalls.call.CallStatusChanged;
import io.agentcalls.call.PublishedCallEvents;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class RunnerEventsApiTest extends RunnerApiTest {

    private static final String AT = "2026-11-27T10:00:00+05:30";

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
    void eventsMoveTheCallAndStoreItsOutcome() {
        String call = fixtures.call(org, campaign, set, "initiated");
        try (PublishedCallEvents published = PublishedCallEvents.capture(context)) {
            Response response = sendEvents("""
                    {"events":[
                      {"callId":"%1$s","status":"ringing","at":"2026-11-27T10:00:00+05:30"},
                      {"callId":"%1$s","status":"in_progress","at":"2026-11-27T10:00:09+05:30"},
                      {"callId":"%1$s","status":"completed","at":"2026-11-27T10:01:23.5+05:30","durationSeconds":74,
                       "disposition":{"code":"PTP","data":{"ptp_date":"2026-12-05","ptp_amount":4500}},
                       "recordingUrl":"https://runner.example/rec/1.mp3","transcript":"Agent: Namaste"}]}
                    """.formatted(call));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.raw())
                    .isEqualTo("{\"success\":true,\"data\":{\"applied\":3,\"ignored\":0,\"rejected\":[]}}");
            assertThat(published.statusChanges(call))
                    .extracting(CallStatusChanged::status)
                    .containsExactly("ringing", "in_progress", "completed");
            CallStatusChanged completed = published.statusChanges(call).get(2);
            assertThat(completed.organizationId()).isEqualTo(org);
            assertThat(completed.occurredAt()).hasToString("2026-11-27T04:31:23.500Z");
            assertThat(completed.call()).containsEntry("status", "completed").containsEntry("durationSeconds", 74);
            assertThat(published.of(CallDispositionRecorded.class)).hasSize(1);
            assertThat(published.of(CallDispositionRecorded.class).get(0).call().get("disposition"))
                    .isEqualTo(Map.of(
                            "code", "PTP",
                            "label", "Promise to pay",
                            "data", Map.of("ptp_date", "2026-12-05", "ptp_amount", 4500)));
        }

        JsonNode view = get("/api/v1/calls/" + call, key).body().at("/data");
        assertThat(view.at("/status").asString()).isEqualTo("completed");
        assertThat(view.at("/ringingAt").asString()).isEqualTo("2026-11-27T04:30:00Z");
        assertThat(view.at("/inProgressAt").asString()).isEqualTo("2026-11-27T04:30:09Z");
        assertThat(view.at("/endedAt").asString()).isEqualTo("2026-11-27T04:31:23.5Z");
        assertThat(view.at("/durationSeconds").asInt()).isEqualTo(74);
        assertThat(view.at("/disposition/code").asString()).isEqualTo("PTP");
        assertThat(view.at("/disposition/label").asString()).isEqualTo("Promise to pay");
        assertThat(view.at("/disposition/data/ptp_amount").asInt()).isEqualTo(4500);
        assertThat(view.at("/recordingUrl").asString()).isEqualTo("https://runner.example/rec/1.mp3");
        assertThat(view.at("/transcript").asString()).isEqualTo("Agent: Namaste");
    }

    @Test
    void repeatsAndStepsTheCallIsPastAreIgnored() {
        String call = fixtures.call(org, campaign, set, "in_progress");
        Response response = sendEvents("""
                {"events":[
                  {"callId":"%1$s","status":"in_progress","at":"%2$s"},
                  {"callId":"%1$s","status":"queued","at":"%2$s"},
                  {"callId":"%1$s","status":"initiated","at":"%2$s"},
                  {"callId":"%1$s","status":"no_answer","at":"%2$s"},
                  {"callId":"%1$s","status":"no_answer","at":"%2$s"},
                  {"callId":"%1$s","status":"completed","at":"%2$s"}]}
                """.formatted(call, AT));

        // initiated fills in the missing initiatedAt; the second no_answer and completed come too late
        assertThat(response.body().at("/data/applied").asInt()).isEqualTo(2);
        assertThat(response.body().at("/data/ignored").asInt()).isEqualTo(4);
        assertThat(fixtures.status(call)).isEqualTo("no_answer");
    }

    @Test
    void aDispositionCodeOutsideTheCallsSetIsRejectedWhileTheOthersApply() {
        String otherSet = jdbc.sql("SELECT :id")
                .param("id", fixtures.dispositionSet(org))
                .query(String.class)
                .single();
        jdbc.sql("""
                        WITH d AS (INSERT INTO dispositions (organization_id, id, name, code, category)
                                   VALUES (:org, new_id('dis'), 'Paid', 'PAID_ALREADY', 'neutral') RETURNING id)
                        INSERT INTO disposition_codes SELECT :org, :set, 'PAID_ALREADY', 'Paid', 'neutral', 9, d.id FROM d
                        """).param("org", org).param("set", otherSet).update();
        String a = fixtures.call(org, campaign, set, "in_progress");
        String b = fixtures.call(org, campaign, set, "in_progress");

        Response response = sendEvents("""
                {"events":[
                  {"callId":"%1$s","status":"completed","at":"%3$s","disposition":{"code":"PAID_ALREADY"}},
                  {"callId":"%2$s","status":"completed","at":"%3$s","disposition":{"code":"RTP"}},
                  {"callId":"%1$s","status":"completed","at":"%3$s","disposition":{"code":"ptp"}}]}
                """.formatted(a, b, AT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().at("/data/applied").asInt()).isEqualTo(1);
        assertThat(response.body().at("/data/rejected").toString())
                .isEqualTo("[{\"index\":0,\"callId\":\"" + a
                        + "\",\"reason\":\"disposition code 'PAID_ALREADY' is not in the call's disposition set\"},"
                        + "{\"index\":2,\"callId\":\"" + a
                        + "\",\"reason\":\"disposition code 'ptp' is not in the call's disposition set\"}]");
        assertThat(fixtures.status(a)).isEqualTo("in_progress");
        assertThat(fixtures.status(b)).isEqualTo("completed");
    }

    @Test
    void anUnknownCallIsRejected() {
        String known = fixtures.call(org, campaign, set, "initiated");
        Response response = sendEvents("""
                {"events":[{"callId":"call_nope","status":"ringing","at":"%2$s"},
                           {"callId":"%1$s","status":"ringing","at":"%2$s"}]}
                """.formatted(known, AT));

        assertThat(response.body().at("/data/rejected").toString())
                .isEqualTo("[{\"index\":0,\"callId\":\"call_nope\",\"reason\":\"unknown call\"}]");
        assertThat(response.body().at("/data/applied").asInt()).isEqualTo(1);
    }

    @Test
    void aBadMissingOrStaleSignatureIs401AndChangesNothing() {
        String call = fixtures.call(org, campaign, set, "initiated");
        String body = "{\"events\":[{\"callId\":\"" + call + "\",\"status\":\"ringing\",\"at\":\"" + AT + "\"}]}";
        long now = System.currentTimeMillis() / 1000;
        RunnerSignature wrongSecret = new RunnerSignature("not-the-secret");

        List<Response> refused = List.of(
                sendSigned(body, Long.toString(now), wrongSecret.sign(Long.toString(now), bytes(body))),
                // 10 s past the 300 s tolerance either way: a slow machine's seconds between this
                // test's clock reading and the server's must not carry a timestamp back inside it
                sendSigned(body, Long.toString(now - 310), sign(now - 310, body)),
                sendSigned(body, Long.toString(now + 310), sign(now + 310, body)),
                sendSigned(body.replace("ringing", "completed"), Long.toString(now), sign(now, body)),
                sendSigned(body, null, sign(now, body)),
                sendSigned(body, Long.toString(now), null),
                sendSigned(body, "yesterday", sign(now, body)),
                sendSigned(body, Long.toString(now), tampered(sign(now, body))));

        for (int i = 0; i < refused.size(); i++) {
            Response response = refused.get(i);
            assertThat(response.status()).as("refusal %d", i).isEqualTo(401);
            assertThat(response.raw())
                    .isEqualTo(
                            "{\"success\":false,\"error\":\"Unauthorized\",\"message\":\"Invalid runner signature\"}");
        }
        assertThat(fixtures.status(call)).isEqualTo("initiated");
        long later = System.currentTimeMillis() / 1000;
        assertThat(sendSigned(body, Long.toString(later - 290), sign(later - 290, body))
                        .status())
                .isEqualTo(200);
        assertThat(fixtures.status(call)).isEqualTo("ringing");
    }

    @Test
    void aBadBodyIs400NamingTheFieldAndChangesNothing() {
        String call = fixtures.call(org, campaign, set, "initiated");
        String event = "{\"callId\":\"" + call + "\",\"status\":\"ringing\",\"at\":\"" + AT + "\"";

        assertBadRequest("{\"events\":[" + event + "]", "body is not valid JSON");
        assertBadRequest("", "body is required");
        assertBadRequest("{}", "events must not be null");
        assertBadRequest("{\"events\":[" + event + ",\"extra\":1}]}", "unknown field 'events[0].extra'");
        assertBadRequest(
                "{\"events\":[" + event.replace("ringing", "answered") + "}]}",
                "events[0].status must be one of queued, initiated, ringing, in_progress, completed, no_answer, busy,"
                        + " voicemail, failed, failed_to_initiate, cancelled");
        assertBadRequest(
                "{\"events\":[" + event.replace("+05:30", "") + "}]}",
                "events[0].at must be an ISO-8601 time with offset, e.g. 2026-11-01T10:15:30+05:30");
        for (String duration : new String[] {"-1", "\"74\"", "74.5", "true", "86401", "99999999999"}) {
            assertBadRequest(
                    "{\"events\":[" + event + ",\"durationSeconds\":" + duration + "}]}",
                    "events[0].durationSeconds must be an integer from 0 to 86400");
        }
        assertBadRequest(
                "{\"events\":[{\"status\":\"ringing\",\"at\":\"" + AT + "\"}]}", "events[0].callId must not be blank");
        assertBadRequest(
                "{\"events\":[" + event + ",\"disposition\":{\"data\":{}}}]}",
                "events[0].disposition.code must not be blank");
        assertBadRequest(
                "{\"events\":[" + event + ",\"disposition\":{\"code\":\"PTP\",\"data\":[1]}}]}",
                "events[0].disposition.data has the wrong type or format");
        String tooMany = IntStream.range(0, 1_001).mapToObj(i -> event + "}").collect(Collectors.joining(","));
        assertBadRequest("{\"events\":[" + tooMany + "]}", "events must not have more than 1000 events");

        assertThat(fixtures.status(call)).isEqualTo("initiated");
    }

    @Test
    void aThousandEventsGoInOneRequest() {
        List<String> calls = IntStream.range(0, 10)
                .mapToObj(i -> fixtures.call(org, campaign, set, "initiated"))
                .toList();
        String events = IntStream.range(0, 1_000)
                .mapToObj(
                        i -> "{\"callId\":\"" + calls.get(i % 10) + "\",\"status\":\"ringing\",\"at\":\"" + AT + "\"}")
                .collect(Collectors.joining(","));

        Response response = sendEvents("{\"events\":[" + events + "]}");

        assertThat(response.body().at("/data/applied").asInt()).isEqualTo(10);
        assertThat(response.body().at("/data/ignored").asInt()).isEqualTo(990);
    }

    private void assertBadRequest(String body, String error) {
        Response response = sendEvents(body);
        assertThat(response.status()).as(body.length() > 300 ? error : body).isEqualTo(400);
        assertThat(response.body().at("/message").asString()).isEqualTo("Validation failed");
        assertThat(response.body().at("/errors").toString()).as(error).contains(error);
    }

    private String sign(long timestamp, String body) {
        return signature.sign(Long.toString(timestamp), bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature with its first digit changed, so it never equals the real one by chance. */
    private static String tampered(String signature) {
        return (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
    }
}
