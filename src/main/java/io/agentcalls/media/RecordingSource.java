package io.agentcalls.media;

import io.agentcalls.common.ApiException;
import io.agentcalls.runner.SimulatedRecordings;
import io.agentcalls.webhook.EgressDownloads;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Opens a recording where the runner or voice provider keeps it: the simulated runner's are made on
 * the spot; any other URL is fetched under the webhook egress rules (https to public addresses, the
 * allowed ports, no redirects), so a recording URL cannot reach this server's own network.
 */
@Component
class RecordingSource {

    static final String NOT_FOUND = "Recording not found";
    private static final String UNREACHABLE = "The recording could not be fetched from where it is kept";

    private final EgressDownloads downloads;
    private final MediaProperties properties;

    RecordingSource(EgressDownloads downloads, MediaProperties properties) {
        this.downloads = downloads;
        this.properties = properties;
    }

    Recording open(String url, Integer talkSeconds) {
        String simulatedCall = SimulatedRecordings.callIdOf(url);
        if (simulatedCall != null) {
            return Recording.of(
                    "audio/wav", SimulatedRecordings.wav(simulatedCall, talkSeconds == null ? 0 : talkSeconds));
        }
        EgressDownloads.Result result = downloads.get(url);
        if (result instanceof EgressDownloads.Refused refused) {
            throw badGateway(UNREACHABLE + " (" + refused.reason() + ")");
        }
        EgressDownloads.Opened opened = (EgressDownloads.Opened) result;
        try {
            if (opened.status() == 404 || opened.status() == 410) {
                throw notFound();
            }
            if (opened.status() < 200 || opened.status() > 299) {
                throw badGateway(UNREACHABLE + " (it answered " + opened.status() + ")");
            }
            String type = audioType(opened.contentType(), url);
            long max = properties.maxRecordingSize().toBytes();
            if (opened.contentLength() > max) {
                throw badGateway(
                        "The recording is larger than " + megabytes(max) + " (agentcalls.media.max-recording-size)");
            }
            return new Recording(type, opened.contentLength(), opened.body(), opened);
        } catch (IOException e) {
            opened.close();
            throw badGateway(UNREACHABLE + " (network error)");
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * {@code audio/mpeg} or {@code audio/wav}, from what the source says; a source that does not say
     * (or says octet-stream) is judged by the URL's extension, MP3 unless it is {@code .wav}.
     */
    private static String audioType(String announced, String url) {
        if (announced != null) {
            switch (announced) {
                case "audio/mpeg", "audio/mp3", "audio/mpeg3" -> {
                    return "audio/mpeg";
                }
                case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave" -> {
                    return "audio/wav";
                }
                case "application/octet-stream", "binary/octet-stream" -> {
                    // judged by the URL below
                }
                default -> throw badGateway(UNREACHABLE + " (it answered " + announced + ", not audio)");
            }
        }
        String path = url.toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).endsWith(".wav") ? "audio/wav" : "audio/mpeg";
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, NOT_FOUND, List.of(), Map.of("error", "NotFound"));
    }

    private static ApiException badGateway(String message) {
        return new ApiException(HttpStatus.BAD_GATEWAY, message, List.of(), Map.of("error", "BadGateway"));
    }
}
