package io.agentcalls.media;

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
class MediaService {

    static final String TRANSCRIPT_NOT_FOUND = "Transcript not found";

    private final CallService calls;
    private final RecordingSource recordings;

    MediaService(CallService calls, RecordingSource recordings) {
        this.calls = calls;
        this.recordings = recordings;
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
