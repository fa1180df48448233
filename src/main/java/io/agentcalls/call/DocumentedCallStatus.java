package io.agentcalls.call;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Our call statuses in the TimePay Agents API's words (call details, logs, its webhooks): one table,
 * docs/CALLS.md. Several of ours share one word; a call that ended without reaching anyone is
 * {@code No Contact}, one that could not be placed or broke off is {@code Failed}.
 */
public final class DocumentedCallStatus {

    public static final String CONTACTED = "Contacted";
    public static final String NO_CONTACT = "No Contact";
    public static final String FAILED = "Failed";

    private static final Map<CallStatus, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(CallStatus.QUEUED, "Queued");
        WORDS.put(CallStatus.INITIATED, "Initiated");
        WORDS.put(CallStatus.RINGING, "Ringing");
        WORDS.put(CallStatus.IN_PROGRESS, "In Progress");
        WORDS.put(CallStatus.COMPLETED, CONTACTED);
        WORDS.put(CallStatus.NO_ANSWER, NO_CONTACT);
        WORDS.put(CallStatus.BUSY, NO_CONTACT);
        WORDS.put(CallStatus.VOICEMAIL, NO_CONTACT);
        WORDS.put(CallStatus.FAILED, FAILED);
        WORDS.put(CallStatus.FAILED_TO_INITIATE, FAILED);
        WORDS.put(CallStatus.CANCELLED, "Cancelled");
        WORDS.put(CallStatus.EXPIRED, "Expired");
    }

    /** What the {@code status} filter of the logs accepts, for its error message. */
    static final String ACCEPTED = String.join(", ", new java.util.LinkedHashSet<>(WORDS.values()))
            + ", Completed, or one of ours: " + CallStatus.VALUES;

    private DocumentedCallStatus() {}

    public static String of(CallStatus status) {
        return WORDS.get(status);
    }

    /**
     * The event a documented webhook sends when a call reaches this status of ours ({@code Contacted},
     * {@code No Contact}, {@code Failed}): only for calls that are over; cancelled ones have none.
     */
    public static Optional<String> webhookEvent(String status) {
        return CallStatus.parse(status)
                .filter(CallStatus::isFinal)
                .map(WORDS::get)
                .filter(word -> word.equals(CONTACTED) || word.equals(NO_CONTACT) || word.equals(FAILED));
    }

    /**
     * Our statuses a filter word names: a documented word in any case ({@code no contact}), the
     * catalogue's example {@code Completed} (our {@code completed}), or one of our own values.
     */
    static Optional<Set<CallStatus>> matching(String word) {
        String wanted = word.strip();
        Set<CallStatus> statuses = EnumSet.noneOf(CallStatus.class);
        WORDS.forEach((status, documented) -> {
            if (documented.equalsIgnoreCase(wanted)) {
                statuses.add(status);
            }
        });
        CallStatus.parse(wanted.toLowerCase(Locale.ROOT).replace(' ', '_')).ifPresent(statuses::add);
        return statuses.isEmpty() ? Optional.empty() : Optional.of(statuses);
    }
}
