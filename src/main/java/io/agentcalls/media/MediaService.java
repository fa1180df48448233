package io.agentcalls.media;

import io.agentcalls.call.CallHistory;
import io.agentcalls.call.CallMedia;
import io.agentcalls.call.CallService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A call's recording and transcript by the ids call details show ({@code rec_…}, {@code trn_…}: the
 * call id's digits behind their own prefix). Another organization's are not found.
 */
@Service
public class MediaService {

    static final String TRANSCRIPT_NOT_FOUND = "Transcript not found";

    private final CallService calls;
    private final RecordingSource recordings;
    private final MediaProperties properties;

    MediaService(CallService calls, RecordingSource recordings, MediaProperties properties) {
        this.calls = calls;
        this.recordings = recordings;
        this.properties = properties;
    }

    /** The call's recording, for the console's player (close it after streaming); 404 without one. */
    public Recording recordingOfCall(String organizationId, String callId) {
        return recording(organizationId, CallHistory.recordingId(callId));
    }

    /** The call's transcript in turns of speech, for the console; empty without one. */
    public List<TranscriptTurns.Turn> transcriptOfCall(String organizationId, String callId) {
        return calls.media(organizationId, callId)
                .filter(c -> c.transcript() != null)
                .map(c -> TranscriptTurns.of(c.transcript()))
                .orElse(List.of());
    }

    /** The most of a recording that is streamed ({@code agentcalls.media.max-recording-size}). */
    public long maxRecordingBytes() {
        return properties.maxRecordingSize().toBytes();
    }

    /** Opens the recording (close it after streaming); not one transaction: the fetch holds no connection. */
    Recording recording(String organizationId, String recordingId) {
        CallMedia call = call(organizationId, "rec", recordingId)
                .filter(c -> c.recordingUrl() != null)
                .orElseThrow(RecordingSource::notFound);
        return recordings.open(call.recordingUrl(), call.durationSeconds());
    }

    List<TranscriptTurns.Turn> transcript(String organizationId, String transcriptId) {
        CallMedia call = call(organizationId, "trn", transcriptId)
                .filter(c -> c.transcript() != null)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.NOT_FOUND, TRANSCRIPT_NOT_FOUND, List.of(), Map.of("error", "NotFound")));
        return TranscriptTurns.of(call.transcript());
    }

    private Optional<CallMedia> call(String organizationId, String prefix, String id) {
        if (!Ids.looksLike(prefix, id)) {
            return Optional.empty();
        }
        return calls.media(organizationId, "call_" + id.substring(prefix.length() + 1));
    }
}
