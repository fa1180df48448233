package io.agentcalls.initiation;

/** Customers that matched the filters but were held back by a safeguard, by reason. */
record SkipCounts(long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow) {

    long total() {
        return activeCall + doNotCall + attemptLimit + outsideCallingWindow;
    }

    /** Rows the insert lost to a concurrent request: their customer or phone has an active call now. */
    SkipCounts plusActiveCalls(long lostToConcurrentRequests) {
        return new SkipCounts(activeCall + lostToConcurrentRequests, doNotCall, attemptLimit, outsideCallingWindow);
    }
}
