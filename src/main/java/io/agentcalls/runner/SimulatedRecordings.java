package io.agentcalls.runner;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The simulated runner's recordings: real audio, a WAV (RIFF, 16-bit PCM, 8 kHz mono, as telephony
 * records), synthesized from the call id whenever it is asked for, so nothing is stored. Turns of
 * tones stand for the conversation: the agent's at 440 Hz, the customer's at 330 Hz, with pauses
 * between them, at most six seconds whatever the call's length. The simulated runner reports
 * {@link #url(String)} as a call's recording URL; the host {@code .invalid} can never resolve, so
 * such a URL is never fetched over the network.
 */
public final class SimulatedRecordings {

    static final String BASE = "https://simulated-runner.invalid/recordings/";
    static final int SAMPLE_RATE = 8000;
    static final int MAX_SECONDS = 6;
    private static final double[] TONES = {440.0, 330.0};

    private SimulatedRecordings() {}

    public static String url(String callId) {
        return BASE + callId + ".wav";
    }

    /** The call id of a simulated recording's URL, or null when the URL is not one. */
    public static String callIdOf(String url) {
        if (url == null || !url.startsWith(BASE) || !url.endsWith(".wav")) {
            return null;
        }
        String callId = url.substring(BASE.length(), url.length() - ".wav".length());
        return callId.matches("call_[0-9a-f]{32}") ? callId : null;
    }

    /** The WAV of a call that talked for {@code talkSeconds} (one second at least, six at most). */
    public static byte[] wav(String callId, int talkSeconds) {
        int seconds = Math.max(1, Math.min(MAX_SECONDS, talkSeconds));
        short[] samples = new short[seconds * SAMPLE_RATE];
        long seed = callId.hashCode();
        int at = 0;
        for (int turn = 0; at < samples.length; turn++) {
            int length = SAMPLE_RATE * (4 + (int) Math.floorMod(seed >> (turn % 16), 5)) / 8; // 0.5 to 1 s
            tone(samples, at, Math.min(length, samples.length - at), TONES[turn % 2]);
            at += length + SAMPLE_RATE / 5; // a pause of 0.2 s between turns
        }
        return riff(samples);
    }

    /** A sine with 10 ms fades at both ends, so turns start and stop without clicks. */
    private static void tone(short[] samples, int from, int length, double frequency) {
        int fade = SAMPLE_RATE / 100;
        for (int i = 0; i < length; i++) {
            double envelope = Math.min(1.0, Math.min(i, length - 1 - i) / (double) fade);
            double value = Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE) * envelope * 0.4;
            samples[from + i] = (short) Math.round(value * Short.MAX_VALUE);
        }
    }

    private static byte[] riff(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        header.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) 1); // PCM, mono
        header.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2); // sample rate, byte rate
        header.putShort((short) 2).putShort((short) 16); // block align, bits per sample
        header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteBuffer data = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            data.putShort(sample);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataBytes);
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
