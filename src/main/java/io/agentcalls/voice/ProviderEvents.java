package io.agentcalls.voice;

import io.agentcalls.call.CallStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A provider webhook translated: the events for our call status machine, in order.
 *
 * @param events empty for messages that change nothing (transcript fragments, speech updates)
 * @param replayKey what identifies this message among the connection's (the provider's call id, the
 *     message type and its timestamp): a second message with the same key is a replay and is refused;
 *     {@code null} when the provider's signature alone guards against replays
 */
public record ProviderEvents(List<Event> events, String replayKey) {

    public ProviderEvents {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public ProviderEvents(List<Event> events) {
        this(events, null);
    }

    public static ProviderEvents none() {
        return new ProviderEvents(List.of());
    }

    /**
     * One event about one call, in our vocabulary.
     *
     * @param callId ours, from the provider's metadata
     * @param status where the call is in our status machine
     * @param endReason the provider's own end reason, kept as it was sent
     * @param analysis the provider's post-call analysis, for the agent's outcome mapping
     */
    public record Event(
            String callId,
            String providerCallId,
            CallStatus status,
            OffsetDateTime at,
            Integer durationSeconds,
            String endReason,
            String recordingUrl,
            String transcript,
            Map<String, Object> analysis) {}
}
