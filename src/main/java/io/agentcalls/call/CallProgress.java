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
        // an ambiguous answer did not prove the runner placed nothing: its events move the call on
        // as if it were still queued (issue 11), and say it was placed although we cancelled it
        boolean ambiguous = row.ambiguous();
        boolean moves = CallStatusMachine.canMove(ambiguous ? CallStatus.QUEUED : row.status(), event.status());
        if (moves) {
            row = moveTo(event, code, now);
            if (ambiguous) {
                row = row.change()
                        .endedAt(event.status().isFinal() ? event.at() : null)
                        .placedDespiteCancel()
                        .row();
            }
        } else if (placedAfterCancel(event)) {
            row = row.change().placedDespiteCancel().updatedAt(now).row();
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

    /**
     * A cancelled call the runner was told to drop, reported placed after the cancel: a step it had not
     * reached, or answered (in progress, completed, voicemail). The call stays cancelled; the flag
     * tells the operator the runner did not honour the cancel in time.
     */
    private boolean placedAfterCancel(RunnerEvent event) {
        if (row.status() != CallStatus.CANCELLED || row.runnerCancel() == null || row.placedDespiteCancel()) {
            return false;
        }
        if (row.endedAt() != null && event.at().isBefore(row.endedAt())) {
            return false;
        }
        return switch (event.status()) {
            case INITIATED -> row.initiatedAt() == null;
            case RINGING -> row.ringingAt() == null;
            case IN_PROGRESS, COMPLETED, VOICEMAIL -> true;
            default -> false;
        };
    }

    private CallRow moveTo(RunnerEvent e, Code code, OffsetDateTime now) {
        CallStatus to = e.status();
        return row.change()
                .status(to)
                .initiatedAt(to == CallStatus.INITIATED ? e.at() : row.initiatedAt())
                .ringingAt(to == CallStatus.RINGING ? e.at() : row.ringingAt())
                .inProgressAt(to == CallStatus.IN_PROGRESS ? e.at() : row.inProgressAt())
                .endedAt(to.isFinal() ? e.at() : row.endedAt())
                .durationSeconds(or(e.durationSeconds(), row.durationSeconds()))
                .disposition(
                        code != null ? code.code() : row.dispositionCode(),
                        code != null ? code.label() : row.dispositionLabel(),
                        code != null ? e.disposition().data() : row.dispositionData())
                .recordingUrl(or(e.recordingUrl(), row.recordingUrl()))
                .transcript(or(e.transcript(), row.transcript()))
                .updatedAt(now)
                .row();
    }

    /** Keeps the status; sets only what is still empty: the time of {@code step} and the event's data. */
    private CallRow fillIn(RunnerEvent e, Code code, OffsetDateTime now, CallStatus step, OffsetDateTime endedAt) {
        boolean fillDisposition = code != null && row.dispositionCode() == null;
        CallRow filled = row.change()
                .initiatedAt(step == CallStatus.INITIATED ? or(row.initiatedAt(), e.at()) : row.initiatedAt())
                .ringingAt(step == CallStatus.RINGING ? or(row.ringingAt(), e.at()) : row.ringingAt())
                .inProgressAt(step == CallStatus.IN_PROGRESS ? or(row.inProgressAt(), e.at()) : row.inProgressAt())
                .endedAt(endedAt)
                .durationSeconds(or(row.durationSeconds(), e.durationSeconds()))
                .disposition(
                        fillDisposition ? code.code() : row.dispositionCode(),
                        fillDisposition ? code.label() : row.dispositionLabel(),
                        fillDisposition ? e.disposition().data() : row.dispositionData())
                .recordingUrl(or(row.recordingUrl(), e.recordingUrl()))
                .transcript(or(row.transcript(), e.transcript()))
                .row();
        return filled.equals(row) ? row : filled.withUpdatedAt(now);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
