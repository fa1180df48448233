package io.agentcalls.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The simulated runner's calls can be played and read: a WAV recording and a transcript in turns. */
class SimulatedMediaTest extends ApiTest {

    /** The test profile never ticks the player on its own; this test drives it. */
    @Autowired
    SimulatedCallPlayer player;

    /** Nor the dialer: the built-in runner's calls reach the simulator when it is driven. */
    @Autowired
    Dialer dialer;

    @Test
    void aPlayedCallHasARealRecordingAndATranscriptInTurns() throws Exception {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("SIM", 12));
        assertThat(setup.initiate().status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dialer.dialDue(java.time.Instant.now());
            player.playDue();
            return get("/api/v1/logs?status=Contacted&count_only=true", setup.key)
                            .body()
                            .at("/data/total")
                            .asInt()
                    > 0;
        });
        List<JsonNode> contacted = get("/api/v1/logs?status=Contacted", setup.key)
                .body()
                .get("data")
                .valueStream()
                .toList();
        JsonNode call = contacted.get(0);

        HttpResponse<byte[]> audio = HttpClient.newHttpClient()
                .send(
                        request("/api/v1/recordings/" + call.get("recording_id").asString())
                                .header("Authorization", "Bearer " + setup.key)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(new String(audio.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(audio.body().length).isGreaterThan(8000 * 2);

        JsonNode turns = get("/api/v1/transcripts/" + call.get("transcript_id").asString(), setup.key)
                .body()
                .get("data");
        assertThat(turns.get(0).get("speaker").asString()).isEqualTo("BOT");
        assertThat(turns.get(1).get("speaker").asString()).isEqualTo("HUMAN");
        assertThat(turns.size()).isGreaterThanOrEqualTo(4);
    }
}
