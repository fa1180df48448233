package io.agentcalls.initiation.selection;

/** Customers that matched the filters but were held back by a safeguard, by reason. */
public record SkipCounts(long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow) {

    public long total() {
        return activeCall + doNotCall + attemptLimit + outsideCallingWindow;
    }

    /** Rows the insert lost to a concurrent request: their customer or phone has an active call now. */
    public SkipCounts plusActiveCalls(long lostToConcurrentRequests) {
        return new SkipCounts(activeCall + lostToConcurrentRequests, doNotCall, attemptLimit, outsideCallingWindow);
    }
}
