package io.agentcalls.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.CallingSetup;
import org.junit.jupiter.api.Test;

/** Get Transcript: {@code GET /api/v1/transcripts/{transcript_id}}, turns of {@code HUMAN} and {@code BOT}. */
class TimepayTranscriptTest extends MediaPagesTest {

    @Test
    void theTranscriptInTurnsInOrder() {
        CallingSetup setup = CallingSetup.create(this);
        String call = endedCall(
                setup,
                null,
                "Agent: नमस्ते, मैं timepay से बोल रही हूँ। क्या मेरी बात राहुल जी से हो रही है?\n"
                        + "Customer: हाँ, बोलिए।\n\nAgent: Your EMI of 5000 is due.\nIt was due on the 15th.\n"
                        + "customer: I will pay tomorrow.",
                40);

        Response transcript = get("/api/v1/transcripts/" + transcriptId(call), setup.key);

        assertThat(transcript.status()).isEqualTo(200);
        assertThat(transcript.body()).isEqualTo(JSON.readTree("""
                        {"success":true,"data":[
                          {"speaker":"BOT","message":"नमस्ते, मैं timepay से बोल रही हूँ। क्या मेरी बात राहुल जी से हो रही है?"},
                          {"speaker":"HUMAN","message":"हाँ, बोलिए।"},
                          {"speaker":"BOT","message":"Your EMI of 5000 is due.\\nIt was due on the 15th."},
                          {"speaker":"HUMAN","message":"I will pay tomorrow."}]}"""));
        assertThat(get("/api/v1/communication/call/" + call, setup.key)
                        .body()
                        .at("/data/transcript_id")
                        .asString())
                .isEqualTo(transcriptId(call));
    }

    @Test
    void textBeforeAnyNamedSpeakerIsTheAgents() {
        CallingSetup setup = CallingSetup.create(this);
        String call = endedCall(setup, null, "Hello, this is a reminder.\nUser: ok\nBot: Thanks: bye", 5);

        assertThat(get("/api/v1/transcripts/" + transcriptId(call), setup.key)
                        .body()
                        .get("data"))
                .isEqualTo(JSON.readTree("""
                        [{"speaker":"BOT","message":"Hello, this is a reminder."},
                         {"speaker":"HUMAN","message":"ok"},{"speaker":"BOT","message":"Thanks: bye"}]"""));
    }

    @Test
    void unknownOddForeignAndMissingTranscriptsAre404() {
        CallingSetup setup = CallingSetup.create(this);
        String withoutTranscript = endedCall(setup, null, null, 10);
        String foreign = endedCall(CallingSetup.create(this), null, "Agent: hi", 10);

        for (String id : new String[] {
            transcriptId(withoutTranscript),
            transcriptId(foreign),
            "trn_" + "0".repeat(32),
            foreign,
            "39de3ba4-51b4-47e4-aa33-31b12075e2f3",
            "t".repeat(3000)
        }) {
            Response missing = get("/api/v1/transcripts/" + id, setup.key);
            assertThat(missing.status()).as(id).isEqualTo(404);
            assertThat(missing.body().at("/success").asBoolean()).isFalse();
            assertThat(missing.body().at("/message").asString()).isEqualTo("Transcript not found");
        }
        assertThat(get("/api/v1/transcripts/" + transcriptId(foreign), null).status())
                .isEqualTo(401);
    }
}
