package io.agentcalls.call;

import java.time.Instant;
import java.util.List;

/**
 * What the console's call list filters on, combined with AND; a null (or empty) filter is not set.
 * {@code from} and {@code until} bound when a call was queued (its time-ordered id), {@code until}
 * exclusive. {@code phone} is an E.164 number; {@code namePrefix} matches the start of the customer's
 * name, ignoring case.
 */
public record CallSearch(
        String campaignId, List<CallStatus> statuses, Instant from, Instant until, String phone, String namePrefix) {

    /** A name search lists the calls of at most this many matching customers; the page says when it was cut. */
    public static final int MAX_NAME_MATCHES = 1000;

    public CallSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public static final CallSearch ALL = new CallSearch(null, List.of(), null, null, null, null);
}
