package io.agentcalls.call;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A call's status, in the order a call moves through them. The rank orders the active steps; every
 * final status shares the last rank, so nothing moves from one final status to another.
 */
public enum CallStatus {
    QUEUED(0),
    INITIATED(1),
    RINGING(2),
    IN_PROGRESS(3),
    COMPLETED(4),
    NO_ANSWER(4),
    BUSY(4),
    VOICEMAIL(4),
    FAILED(4),
    FAILED_TO_INITIATE(4),
    CANCELLED(4),
    /** Not dialed by the campaign's {@code expireAfter}: the built-in runner never placed it. */
    EXPIRED(4);

    private static final int FINAL_RANK = 4;

    /** The statuses a call can have, as the API spells them, for error messages. */
    public static final String VALUES =
            Arrays.stream(values()).map(CallStatus::value).collect(Collectors.joining(", "));

    private final int rank;

    CallStatus(int rank) {
        this.rank = rank;
    }

    /** The API's spelling: {@code in_progress}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CallStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (CallStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public boolean isFinal() {
        return rank == FINAL_RANK;
    }

    /** Queued, initiated, ringing or in progress: the call holds its customer and phone number. */
    public boolean isActive() {
        return !isFinal();
    }

    /** Not yet answered, so it can still be cancelled: queued, initiated or ringing. */
    public boolean isCancellable() {
        return this == QUEUED || this == INITIATED || this == RINGING;
    }

    int rank() {
        return rank;
    }
}
