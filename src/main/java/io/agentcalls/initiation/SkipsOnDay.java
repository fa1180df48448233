package io.agentcalls.initiation;

import java.time.LocalDate;

/** Customers the safeguards held back on one day (UTC), by reason, over the day's initiations. */
public record SkipsOnDay(LocalDate day, long activeCall, long doNotCall, long attemptLimit, long outsideCallingWindow) {

    public long total() {
        return activeCall + doNotCall + attemptLimit + outsideCallingWindow;
    }
}
