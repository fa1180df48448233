package io.agentcalls.call;

/**
 * Which status changes a call accepts. Calls only move forward and may skip steps (the runner may
 * report {@code completed} for a call we still think is {@code queued}); a final status is never
 * left, and a repeated status is not a move. Pure, so the rules are unit-tested on their own.
 */
final class CallStatusMachine {

    private CallStatusMachine() {}

    /** Whether a call in {@code from} moves to {@code to}; false means the change is ignored. */
    static boolean canMove(CallStatus from, CallStatus to) {
        if (from.isFinal() || to.rank() <= from.rank()) {
            return false;
        }
        return switch (to) {
            case FAILED_TO_INITIATE -> from == CallStatus.QUEUED;
            case CANCELLED -> from.isCancellable();
            // only a call no provider took expires: placed calls end by their events
            case EXPIRED -> from == CallStatus.QUEUED || from == CallStatus.INITIATED;
            default -> true;
        };
    }

    /**
     * Whether a late event for {@code earlier} may still fill in when the call reached that step: the
     * call has gone past it through the runner (not cancelled, not refused), so the event is old news
     * whose time we did not have yet. This keeps the final state independent of event order.
     */
    static boolean canBackfill(CallStatus current, CallStatus earlier) {
        boolean step =
                earlier == CallStatus.INITIATED || earlier == CallStatus.RINGING || earlier == CallStatus.IN_PROGRESS;
        boolean placedByRunner = current != CallStatus.CANCELLED
                && current != CallStatus.FAILED_TO_INITIATE
                && current != CallStatus.EXPIRED;
        return step && placedByRunner && earlier.rank() < current.rank();
    }
}
