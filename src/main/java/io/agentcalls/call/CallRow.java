package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call as stored, with its disposition's label; {@link #view()} is its public JSON shape.
 *
 * @param scheduledFor while the call waits in the dial queue for a later time, that time
 */
record CallRow(
        String organizationId,
        String id,
        String campaignId,
        String customerId,
        String agentId,
        String dispositionSetId,
        String initiationId,
        Integer batch,
        String fromNumber,
        String toPhone,
        CallStatus status,
        int attempt,
        OffsetDateTime queuedAt,
        OffsetDateTime initiatedAt,
        OffsetDateTime ringingAt,
        OffsetDateTime inProgressAt,
        OffsetDateTime endedAt,
        Integer durationSeconds,
        String dispositionCode,
        String dispositionLabel,
        Map<String, Object> dispositionData,
        String recordingUrl,
        String transcript,
        String failureReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String runnerCancel,
        boolean placedDespiteCancel,
        OffsetDateTime scheduledFor) {

    /** The runner was told (or is being told) not to place or to hang up this call: {@code runner_cancel}. */
    static final String CANCEL_PENDING = "pending";

    static final String CANCEL_ACKNOWLEDGED = "acknowledged";

    /**
     * Failed to initiate on an ambiguous answer (timeout, reset): the runner may have it, so it may
     * still be placed. Runner events for it are applied; until the runner acknowledges the cancel it
     * holds its customer and phone like an active call.
     */
    boolean ambiguous() {
        return status == CallStatus.FAILED_TO_INITIATE && runnerCancel != null;
    }

    /**
     * The call as {@code GET /api/v1/calls/{id}} shows it and as events carry it: plain maps, lists,
     * strings and numbers only (times as ISO-8601 strings), so it serializes the same everywhere.
     */
    Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("campaignId", campaignId);
        view.put("customerId", customerId);
        view.put("agentId", agentId);
        view.put("dispositionId", dispositionSetId);
        view.put("initiationId", initiationId);
        view.put("batch", batch);
        view.put("from", fromNumber);
        view.put("to", toPhone);
        view.put("status", status.value());
        view.put("attempt", attempt);
        view.put("queuedAt", time(queuedAt));
        view.put("initiatedAt", time(initiatedAt));
        view.put("ringingAt", time(ringingAt));
        view.put("inProgressAt", time(inProgressAt));
        view.put("endedAt", time(endedAt));
        view.put("durationSeconds", durationSeconds);
        view.put("disposition", disposition());
        view.put("recordingUrl", recordingUrl);
        view.put("transcript", transcript);
        view.put("failureReason", failureReason);
        // what the runner was told: pending until it acknowledged the cancel (issue 11, durable cancels)
        view.put("runnerCancel", runnerCancel);
        view.put("placedDespiteCancel", placedDespiteCancel);
        view.put("createdAt", time(createdAt));
        view.put("updatedAt", time(updatedAt));
        // the built-in runner's deferral: the call waits for a window's opening, a startAt or a cap
        view.put("scheduledFor", time(scheduledFor));
        return view;
    }

    private Map<String, Object> disposition() {
        if (dispositionCode == null) {
            return null;
        }
        Map<String, Object> disposition = new LinkedHashMap<>();
        disposition.put("code", dispositionCode);
        disposition.put("label", dispositionLabel);
        disposition.put("data", dispositionData);
        return disposition;
    }

    static String time(OffsetDateTime time) {
        return UtcTimes.format(time);
    }

    /** A copy of this row to change its progress (what runner events move). */
    CallRowChange change() {
        return new CallRowChange(this);
    }

    /** The same row with another update time. */
    CallRow withUpdatedAt(OffsetDateTime now) {
        return change().updatedAt(now).row();
    }
}
