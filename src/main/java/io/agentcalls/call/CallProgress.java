package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One call while a batch of runner events is folded into it, in memory, before one UPDATE writes
 * the result. An event that moves the call forward sets its status, its time and the data it
 * carries; any other event only fills in what is still empty (a late {@code ringing} after
 * {@code completed} gives {@code ringingAt}), so shuffled or repeated events end in the same state.
 */
final class CallProgress {

    /** What one event changed. */
    record Change(boolean status, boolean disposition, boolean any) {
        static final Change NONE = new Change(false, false, false);
    }

    /** A code of the call's disposition set, as the event named it. */
    record Code(String code, String label) {}

    private CallRow row;
    private boolean changed;

    CallProgress(CallRow row) {
        this.row = row;
    }

    CallRow row() {
        return row;
    }

    boolean changed() {
        return changed;
    }

    Change apply(RunnerEvent event, Code code, OffsetDateTime now) {
        CallRow before = row;
        boolean moves = CallStatusMachine.canMove(row.status(), event.status());
        if (moves) {
            row = moveTo(event, code, now);
        } else if (event.status() == row.status() && row.status().isFinal()) {
            row = fillIn(event, code, now, event.status(), row.endedAt() == null ? event.at() : row.endedAt());
        } else if (CallStatusMachine.canBackfill(row.status(), event.status())) {
            row = fillIn(event, code, now, event.status(), row.endedAt());
        }
        if (row.equals(before)) {
            return Change.NONE;
        }
        changed = true;
        boolean disposition = !Objects.equals(before.dispositionCode(), row.dispositionCode())
                || !Objects.equals(before.dispositionData(), row.dispositionData());
        return new Change(moves, disposition, true);
    }

    private CallRow moveTo(RunnerEvent e, Code code, OffsetDateTime now) {
        CallStatus to = e.status();
        return new CallRow(
                row.organizationId(),
                row.id(),
                row.campaignId(),
                row.customerId(),
                row.agentId(),
                row.dispositionSetId(),
                row.initiationId(),
                row.batch(),
                row.fromNumber(),
                row.toPhone(),
                to,
                row.attempt(),
                row.queuedAt(),
                to == CallStatus.INITIATED ? e.at() : row.initiatedAt(),
                to == CallStatus.RINGING ? e.at() : row.ringingAt(),
                to == CallStatus.IN_PROGRESS ? e.at() : row.inProgressAt(),
                to.isFinal() ? e.at() : row.endedAt(),
                or(e.durationSeconds(), row.durationSeconds()),
                code != null ? code.code() : row.dispositionCode(),
                code != null ? code.label() : row.dispositionLabel(),
                code != null ? e.disposition().data() : row.dispositionData(),
                or(e.recordingUrl(), row.recordingUrl()),
                or(e.transcript(), row.transcript()),
                row.failureReason(),
                row.createdAt(),
                now);
    }

    /** Keeps the status; sets only what is still empty: the time of {@code step} and the event's data. */
    private CallRow fillIn(RunnerEvent e, Code code, OffsetDateTime now, CallStatus step, OffsetDateTime endedAt) {
        boolean fillDisposition = code != null && row.dispositionCode() == null;
        CallRow filled = new CallRow(
                row.organizationId(),
                row.id(),
                row.campaignId(),
                row.customerId(),
                row.agentId(),
                row.dispositionSetId(),
                row.initiationId(),
                row.batch(),
                row.fromNumber(),
                row.toPhone(),
                row.status(),
                row.attempt(),
                row.queuedAt(),
                step == CallStatus.INITIATED ? or(row.initiatedAt(), e.at()) : row.initiatedAt(),
                step == CallStatus.RINGING ? or(row.ringingAt(), e.at()) : row.ringingAt(),
                step == CallStatus.IN_PROGRESS ? or(row.inProgressAt(), e.at()) : row.inProgressAt(),
                endedAt,
                or(row.durationSeconds(), e.durationSeconds()),
                fillDisposition ? code.code() : row.dispositionCode(),
                fillDisposition ? code.label() : row.dispositionLabel(),
                fillDisposition ? e.disposition().data() : row.dispositionData(),
                or(row.recordingUrl(), e.recordingUrl()),
                or(row.transcript(), e.transcript()),
                row.failureReason(),
                row.createdAt(),
                row.updatedAt());
        return filled.equals(row) ? row : filled.withUpdatedAt(now);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
