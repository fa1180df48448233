package io.agentcalls.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** Calls that ended with a recording URL and a transcript, as a runner reports them. */
abstract class MediaPagesTest extends ApiTest {

    @Autowired
    CallService calls;

    /** One call of a new organization, ended with this recording URL and transcript (either may be null). */
    String endedCall(CallingSetup setup, String recordingUrl, String transcript, int seconds) {
        setup.upsert(setup.customers("MED" + System.nanoTime() % 100000, 1));
        Response initiated = setup.initiate(Map.of("limit", 1));
        assertThat(initiated.status()).as(initiated.raw()).isEqualTo(200);
        String call = get(
                        "/api/v1/calls?initiationId="
                                + initiated.body().at("/results/initiationId").asString(),
                        setup.key)
                .body()
                .at("/data/0/id")
                .asString();
        assertThat(calls.applyRunnerEvents(List.of(new RunnerEvent(
                                call,
                                CallStatus.COMPLETED,
                                OffsetDateTime.now(ZoneOffset.UTC),
                                seconds,
                                null,
                                recordingUrl,
                                transcript)))
                        .rejected())
                .isEmpty();
        return call;
    }

    static String recordingId(String call) {
        return "rec_" + call.substring("call_".length());
    }

    static String transcriptId(String call) {
        return "trn_" + call.substring("call_".length());
    }

    /** The raw bytes of a GET, for audio. */
    HttpResponse<byte[]> bytes(String path, String key, String accept) {
        try {
            var request = request(path).header("Authorization", "Bearer " + key);
            if (accept != null) {
                request.header("Accept", accept);
            }
            return java.net.http.HttpClient.newHttpClient()
                    .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
