package io.agentcalls.initiation.selection;

/** Customers that matched the filters but were held back by a safeguard, by reason. */
public record SkipCounts(
        long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow, long contactPolicy) {

    public long total() {
        return activeCall + doNotCall + attemptLimit + outsideCallingWindow + contactPolicy;
    }

    /** How many were held back for this reason. */
    public long of(SkipReason reason) {
        return switch (reason) {
            case ACTIVE_CALL -> activeCall;
            case DO_NOT_CALL -> doNotCall;
            case ATTEMPT_LIMIT -> attemptLimit;
            case OUTSIDE_CALLING_WINDOW -> outsideCallingWindow;
            case CONTACT_POLICY -> contactPolicy;
        };
    }

    /** Rows the insert lost to a concurrent request: their customer or phone has an active call now. */
    SkipCounts plusActiveCalls(long lostToConcurrentRequests) {
        return new SkipCounts(
                activeCall + lostToConcurrentRequests, doNotCall, attemptLimit, outsideCallingWindow, contactPolicy);
    }
}
