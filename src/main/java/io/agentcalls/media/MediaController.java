package io.agentcalls.media;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiExceptionHandler;
import io.agentcalls.common.ErrorResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The TimePay Agents API's media pages: Get Recording ({@code GET /api/v1/recordings/{recording_id}},
 * the audio itself) and Get Transcript ({@code GET /api/v1/transcripts/{transcript_id}}, a path the
 * catalogue could not read; ours).
 */
@Tag(name = "Recordings and transcripts")
@RestController
class MediaController {

    private static final int BUFFER = 64 * 1024;

    private final MediaService media;
    private final MediaProperties properties;
    private final ObjectMapper json;

    MediaController(MediaService media, MediaProperties properties, ObjectMapper json) {
        this.media = media;
        this.properties = properties;
        this.json = json;
    }

    record Transcript(boolean success, List<TranscriptTurns.Turn> data) {}

    @Operation(
            operationId = "getTranscript",
            summary = "Get a transcript",
            description = "The call's transcript as turns of `BOT` and `HUMAN`.")
    @GetMapping("/api/v1/transcripts/{transcriptId}")
    Transcript transcript(Caller caller, @PathVariable String transcriptId) {
        return new Transcript(true, media.transcript(caller.organizationId(), transcriptId));
    }

    /**
     * Streams the audio as it arrives, at most {@code agentcalls.media.max-recording-size}. Errors are
     * written here in the envelope, whatever the client accepts: a client asking for audio only would
     * otherwise get no error body at all.
     */
    @Operation(
            operationId = "getRecording",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The audio",
                        content = {
                            @Content(mediaType = "audio/mpeg", schema = @Schema(type = "string", format = "binary")),
                            @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary"))
                        }),
                @ApiResponse(
                        responseCode = "502",
                        description = "The recording could not be fetched from where it is kept",
                        content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
            },
            summary = "Get a recording",
            description =
                    "The call's audio (`audio/mpeg` or `audio/wav`), streamed from where the runner keeps it; errors are JSON.")
    @GetMapping("/api/v1/recordings/{recordingId}")
    void recording(Caller caller, @PathVariable String recordingId, HttpServletResponse response) throws IOException {
        Recording recording;
        try {
            recording = media.recording(caller.organizationId(), recordingId);
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), ApiExceptionHandler.bodyOf(e));
            return;
        }
        try (recording) {
            response.setContentType(recording.contentType());
            if (recording.length() >= 0) {
                response.setContentLengthLong(recording.length());
            }
            copy(
                    recording.stream(),
                    response.getOutputStream(),
                    properties.maxRecordingSize().toBytes());
        }
    }

    /** Copies at most {@code max} bytes: a source that did not announce a larger length is cut there. */
    private static void copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        int read;
        while (copied < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied))) != -1) {
            out.write(buffer, 0, read);
            copied += read;
        }
    }
}
