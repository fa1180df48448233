package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A call row with some of its progress changed: what runner events move (status, the times of each
 * step, duration, disposition, recording, transcript, update time). Whatever is not set stays as in
 * the row it started from; who the call is for and how it was placed never change.
 */
final class CallRowChange {

    private final CallRow from;
    private CallStatus status;
    private OffsetDateTime initiatedAt;
    private OffsetDateTime ringingAt;
    private OffsetDateTime inProgressAt;
    private OffsetDateTime endedAt;
    private Integer durationSeconds;
    private String dispositionCode;
    private String dispositionLabel;
    private Map<String, Object> dispositionData;
    private String recordingUrl;
    private String transcript;
    private OffsetDateTime updatedAt;
    private boolean placedDespiteCancel;

    CallRowChange(CallRow from) {
        this.from = from;
        this.status = from.status();
        this.initiatedAt = from.initiatedAt();
        this.ringingAt = from.ringingAt();
        this.inProgressAt = from.inProgressAt();
        this.endedAt = from.endedAt();
        this.durationSeconds = from.durationSeconds();
        this.dispositionCode = from.dispositionCode();
        this.dispositionLabel = from.dispositionLabel();
        this.dispositionData = from.dispositionData();
        this.recordingUrl = from.recordingUrl();
        this.transcript = from.transcript();
        this.updatedAt = from.updatedAt();
        this.placedDespiteCancel = from.placedDespiteCancel();
    }

    /** The runner placed the call after it was cancelled, or after an ambiguous answer we cancelled. */
    CallRowChange placedDespiteCancel() {
        this.placedDespiteCancel = true;
        return this;
    }

    CallRowChange status(CallStatus status) {
        this.status = status;
        return this;
    }

    CallRowChange initiatedAt(OffsetDateTime initiatedAt) {
        this.initiatedAt = initiatedAt;
        return this;
    }

    CallRowChange ringingAt(OffsetDateTime ringingAt) {
        this.ringingAt = ringingAt;
        return this;
    }

    CallRowChange inProgressAt(OffsetDateTime inProgressAt) {
        this.inProgressAt = inProgressAt;
        return this;
    }

    CallRowChange endedAt(OffsetDateTime endedAt) {
        this.endedAt = endedAt;
        return this;
    }

    CallRowChange durationSeconds(Integer durationSeconds) {
        this.durationSeconds = durationSeconds;
        return this;
    }

    CallRowChange disposition(String code, String label, Map<String, Object> data) {
        this.dispositionCode = code;
        this.dispositionLabel = label;
        this.dispositionData = data;
        return this;
    }

    CallRowChange recordingUrl(String recordingUrl) {
        this.recordingUrl = recordingUrl;
        return this;
    }

    CallRowChange transcript(String transcript) {
        this.transcript = transcript;
        return this;
    }

    CallRowChange updatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    CallRow row() {
        return new CallRow(
                from.organizationId(),
                from.id(),
                from.campaignId(),
                from.customerId(),
                from.agentId(),
                from.dispositionSetId(),
                from.initiationId(),
                from.batch(),
                from.fromNumber(),
                from.toPhone(),
                status,
                from.attempt(),
                from.queuedAt(),
                initiatedAt,
                ringingAt,
                inProgressAt,
                endedAt,
                durationSeconds,
                dispositionCode,
                dispositionLabel,
                dispositionData,
                recordingUrl,
                transcript,
                from.failureReason(),
                from.createdAt(),
                updatedAt,
                from.runnerCancel(),
                placedDespiteCancel,
                from.scheduledFor());
    }
}
