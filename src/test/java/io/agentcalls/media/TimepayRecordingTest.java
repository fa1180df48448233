package io.agentcalls.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.agentcalls.runner.SimulatedRecordings;
import io.agentcalls.support.CallingSetup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Get Recording: {@code GET /api/v1/recordings/{recording_id}} streams the audio from where the
 * runner keeps it (a stub server here, reached under the webhook egress rules) or, for the simulated
 * runner, a WAV made on the spot.
 */
class TimepayRecordingTest extends MediaPagesTest {

    private static final byte[] MP3 = "ID3\u0004fake-mp3-frames".getBytes(StandardCharsets.ISO_8859_1);
    private static HttpServer store;

    @BeforeAll
    static void startStore() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/rec/ok.mp3", exchange -> answer(exchange, 200, "audio/mpeg", MP3));
        store.createContext("/rec/plain", exchange -> answer(exchange, 200, null, MP3));
        store.createContext("/rec/page.wav", exchange -> answer(exchange, 200, "text/html", "<html>".getBytes()));
        store.createContext("/rec/gone.mp3", exchange -> answer(exchange, 404, "text/plain", "no".getBytes()));
        store.createContext("/rec/broken.mp3", exchange -> answer(exchange, 500, "text/plain", "oops".getBytes()));
        store.createContext("/rec/moved.mp3", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            answer(exchange, 302, null, new byte[0]);
        });
        store.createContext("/rec/huge.mp3", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, 200L * 1024 * 1024);
            exchange.close();
        });
        store.start();
    }

    @AfterAll
    static void stopStore() {
        store.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String stored(String path) {
        return "http://127.0.0.1:" + store.getAddress().getPort() + path;
    }

    @Test
    void streamsTheAudioFromWhereTheRunnerKeepsIt() {
        CallingSetup setup = CallingSetup.create(this);
        String call = endedCall(setup, stored("/rec/ok.mp3"), null, 30);

        HttpResponse<byte[]> audio = bytes("/api/v1/recordings/" + recordingId(call), setup.key, "audio/mpeg");

        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(audio.body()).isEqualTo(MP3);
        assertThat(get("/api/v1/communication/call/" + call, setup.key)
                        .body()
                        .at("/data/recording_id")
                        .asString())
                .isEqualTo(recordingId(call));
    }

    @Test
    void aSourceThatDoesNotSayIsJudgedByTheExtension() {
        CallingSetup setup = CallingSetup.create(this);
        String call = endedCall(setup, stored("/rec/plain"), null, 30);

        HttpResponse<byte[]> audio = bytes("/api/v1/recordings/" + recordingId(call), setup.key, null);

        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(audio.body()).isEqualTo(MP3);
    }

    @Test
    void theSimulatedRunnersRecordingIsARealWav() {
        CallingSetup setup = CallingSetup.create(this);
        String call = endedCall(setup, "placeholder", null, 3);
        jdbc.sql("UPDATE calls SET recording_url = :url WHERE id = :id")
                .param("url", SimulatedRecordings.url(call))
                .param("id", call)
                .update();

        HttpResponse<byte[]> audio = bytes("/api/v1/recordings/" + recordingId(call), setup.key, null);

        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/wav");
        ByteBuffer wav = ByteBuffer.wrap(audio.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(audio.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(wav.getInt(4)).isEqualTo(audio.body().length - 8);
        assertThat(new String(audio.body(), 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(wav.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(wav.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(wav.getInt(24)).as("8 kHz").isEqualTo(8000);
        assertThat(wav.getShort(34)).as("16 bits").isEqualTo((short) 16);
        assertThat(new String(audio.body(), 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(wav.getInt(40)).as("three seconds").isEqualTo(3 * 8000 * 2);
        int loudest = 0;
        for (int i = 44; i < audio.body().length; i += 2) {
            loudest = Math.max(loudest, Math.abs(wav.getShort(i)));
        }
        assertThat(loudest).as("not silence").isGreaterThan(10_000);
    }

    @Test
    void whatTheSourceCannotGiveIs404Or502InTheEnvelope() throws IOException {
        CallingSetup setup = CallingSetup.create(this);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertError(setup, stored("/rec/gone.mp3"), 404, "NotFound", "Recording not found");
        assertError(
                setup,
                stored("/rec/broken.mp3"),
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (it answered 500)");
        assertError(
                setup,
                stored("/rec/moved.mp3"),
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (it answered 302)");
        assertError(
                setup,
                stored("/rec/page.wav"),
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (it answered text/html, not audio)");
        assertError(
                setup,
                "http://127.0.0.1:" + closedPort + "/r.mp3",
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (connection refused)");
        assertError(
                setup,
                "http://169.254.169.254/latest/meta-data",
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (address not allowed)");
        assertError(
                setup,
                "ftp://runner.example/r.mp3",
                502,
                "BadGateway",
                "The recording could not be fetched from where it is kept (URL not allowed)");
        assertError(
                setup,
                stored("/rec/huge.mp3"),
                502,
                "BadGateway",
                "The recording is larger than 100 MB (agentcalls.media.max-recording-size)");
    }

    @Test
    void unknownOddForeignAndMissingRecordingsAre404() {
        CallingSetup setup = CallingSetup.create(this);
        String withoutRecording = endedCall(setup, null, "Agent: hi", 10);
        CallingSetup other = CallingSetup.create(this);
        String foreign = endedCall(other, stored("/rec/ok.mp3"), null, 10);

        for (String id : new String[] {
            recordingId(withoutRecording),
            recordingId(foreign),
            "rec_" + "0".repeat(32),
            withoutRecording,
            "x",
            "rec_" + "z".repeat(32),
            "r".repeat(3000)
        }) {
            HttpResponse<byte[]> missing = bytes("/api/v1/recordings/" + id, setup.key, "audio/mpeg");
            assertThat(missing.statusCode()).as(id).isEqualTo(404);
            JsonNode body = JSON.readTree(missing.body());
            assertThat(body.at("/error").asString()).isEqualTo("NotFound");
            assertThat(body.at("/message").asString()).isEqualTo("Recording not found");
        }
        assertThat(bytes("/api/v1/recordings/" + recordingId(foreign), "ak_wrong", null)
                        .statusCode())
                .isEqualTo(401);
    }

    private void assertError(CallingSetup setup, String url, int status, String error, String message) {
        String call = endedCall(setup, url, null, 10);
        HttpResponse<byte[]> refused = bytes("/api/v1/recordings/" + recordingId(call), setup.key, "audio/mpeg");
        assertThat(refused.statusCode()).as(url).isEqualTo(status);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.at("/success").asBoolean()).isFalse();
        assertThat(body.at("/error").asString()).isEqualTo(error);
        assertThat(body.at("/message").asString()).isEqualTo(message);
    }
}
