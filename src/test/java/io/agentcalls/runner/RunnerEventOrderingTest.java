package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Runners retry and reorder: through the real endpoint and database, a shuffled and repeated event
 * stream, split into random batches, leaves a call exactly as the ordered stream leaves its twin.
 */
class RunnerEventOrderingTest extends RunnerApiTest {

    @Test
    void shuffledAndRepeatedEventsEndInTheStateOfTheOrderedStream() {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String org = CallFixtures.organizationOf(newOrganization());
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        Random random = new Random(42);

        for (int round = 0; round < 25; round++) {
            String ordered = fixtures.call(org, campaign, set, "initiated");
            String shuffled = fixtures.call(org, campaign, set, "initiated");
            List<String> stream = stream(random);

            for (String event : stream) {
                assertThat(sendEvents("{\"events\":[" + event.formatted(ordered) + "]}")
                                .status())
                        .isEqualTo(200);
            }
            List<String> mixed = new ArrayList<>(stream);
            for (int extra = random.nextInt(4); extra > 0; extra--) {
                mixed.add(stream.get(random.nextInt(stream.size())));
            }
            Collections.shuffle(mixed, random);
            for (int from = 0; from < mixed.size(); ) {
                int to = Math.min(mixed.size(), from + 1 + random.nextInt(3));
                String batch = String.join(",", mixed.subList(from, to)).formatted(shuffled, shuffled, shuffled);
                assertThat(sendEvents("{\"events\":[" + batch + "]}").status()).isEqualTo(200);
                from = to;
            }

            assertThat(state(shuffled)).as("round %d: %s", round, mixed).isEqualTo(state(ordered));
        }
    }

    @Test
    void concurrentBatchesForTheSameCallsAllApplyWithoutLosingAnUpdate() throws Exception {
        CallFixtures fixtures = new CallFixtures(jdbc);
        String org = CallFixtures.organizationOf(newOrganization());
        String campaign = fixtures.campaign(org);
        String set = fixtures.dispositionSet(org);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(fixtures.call(org, campaign, set, "initiated"));
        }
        // every sender reports a different step of every call; the steps must all land
        List<String> steps = List.of(
                event("ringing", "10:00:02"),
                event("in_progress", "10:00:09"),
                event("completed", "10:01:23").replace("}", ",\"durationSeconds\":74}"),
                "{\"callId\":\"%1$s\",\"status\":\"completed\",\"at\":\"2026-11-27T10:01:23+05:30\","
                        + "\"recordingUrl\":\"https://r/1.mp3\"}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                for (String step : steps) {
                    String batch =
                            String.join(",", calls.stream().map(step::formatted).toList());
                    sent.add(pool.submit(
                            () -> sendEvents("{\"events\":[" + batch + "]}").status()));
                }
            }
            for (java.util.concurrent.Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        for (String call : calls) {
            Map<String, Object> state = state(call);
            assertThat(state.get("status")).isEqualTo("completed");
            assertThat(state.get("ringing_at")).isNotNull();
            assertThat(state.get("in_progress_at")).isNotNull();
            assertThat(state.get("duration_seconds")).isEqualTo(74);
            assertThat(state.get("recording_url")).isEqualTo("https://r/1.mp3");
        }
    }

    /** Ordered events of one call, each a JSON object with %1$s for the call id. */
    private static List<String> stream(Random random) {
        List<String> events = new ArrayList<>();
        if (random.nextBoolean()) {
            events.add(event("ringing", "10:00:02"));
        }
        if (random.nextBoolean()) {
            events.add(event("in_progress", "10:00:09").replace("}", ",\"recordingUrl\":\"https://r/early.mp3\"}"));
            events.add("""
                    {"callId":"%1$s","status":"completed","at":"2026-11-27T10:01:23.123456+05:30","durationSeconds":74,
                     "disposition":{"code":"PTP","data":{"ptp_date":"2026-12-05","ptp_amount":4500.5}},
                     "transcript":"Agent: Namaste"}""");
        } else {
            String outcome = List.of("no_answer", "busy", "voicemail", "failed").get(random.nextInt(4));
            events.add(event(outcome, "10:00:40").replace("}", ",\"durationSeconds\":0}"));
        }
        return events;
    }

    private static String event(String status, String time) {
        return "{\"callId\":\"%1$s\",\"status\":\"" + status + "\",\"at\":\"2026-11-27T" + time + "+05:30\"}";
    }

    private Map<String, Object> state(String callId) {
        return jdbc.sql("""
                        SELECT status, initiated_at, ringing_at, in_progress_at, ended_at, duration_seconds,
                               disposition_code, disposition_data::text AS data, recording_url, transcript
                        FROM calls WHERE id = :id
                        """).param("id", callId).query().singleRow();
    }
}
