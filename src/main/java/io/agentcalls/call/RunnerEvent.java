package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event the workflow runner reports about a call (API.md, runner protocol). The runner knows a
 * call only by its id; the organization is the call's own.
 *
 * @param at when it happened; kept to the microsecond and in UTC, as PostgreSQL stores it
 * @param durationSeconds the talk time, when the runner knows it
 * @param disposition the outcome's code and data, checked against the call's disposition set
 */
public record RunnerEvent(
        String callId,
        CallStatus status,
        OffsetDateTime at,
        Integer durationSeconds,
        Disposition disposition,
        String recordingUrl,
        String transcript) {

    public RunnerEvent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(status, "status");
        at = Objects.requireNonNull(at, "at")
                .withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
        if (durationSeconds != null && durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must not be negative");
        }
    }

    public static RunnerEvent status(String callId, CallStatus status, OffsetDateTime at) {
        return new RunnerEvent(callId, status, at, null, null, null, null);
    }

    /** @param data free-form outcome data, e.g. {@code ptp_date} and {@code ptp_amount} of a promise */
    public record Disposition(String code, Map<String, Object> data) {

        public Disposition {
            Objects.requireNonNull(code, "code");
            data = data == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        }
    }
}
