package io.agentcalls.voice;

import io.agentcalls.agent.AgentService;
import io.agentcalls.agent.OutcomeMapping;
import io.agentcalls.call.CallService;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.call.RunnerEventsResult;
import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's webhook, end to end: the connection it names, the provider's own verification and
 * translation, the replay check, and our events applied through the same status machine as the
 * runner's. Everything happens in one transaction, so a webhook that fails half-way leaves no receipt
 * and the provider's retry applies it whole.
 */
@Service
class ProviderWebhookService {

    static final String NOT_FOUND = "Unknown provider or voice connection";
    static final String NOT_THE_ORGANIZATIONS = "unknown call";
    private static final int MAX_ID = 100;
    private static final int MAX_URL = 2_048;
    private static final int MAX_TRANSCRIPT = 1_000_000;

    private final VoiceConnections connections;
    private final WebhookReceiptRepository receipts;
    private final CallService calls;
    private final AgentService agents;

    ProviderWebhookService(
            VoiceConnections connections, WebhookReceiptRepository receipts, CallService calls, AgentService agents) {
        this.connections = connections;
        this.receipts = receipts;
        this.calls = calls;
        this.agents = agents;
    }

    /**
     * @throws ApiException 404 for an unknown provider or connection (or one of another provider)
     * @throws WebhookRejected for a signature that is missing, wrong or replayed
     */
    @Transactional
    RunnerEventsResult receive(String provider, String connectionId, ProviderWebhook webhook) {
        ProviderConnection connection = connections
                .connectionById(connectionId)
                .filter(c -> c.provider().equals(provider))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        VoiceProvider voiceProvider =
                connections.provider(provider).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        ProviderEvents translated = voiceProvider.receive(connection, webhook);
        if (translated.replayKey() != null
                && !receipts.recordFirst(connection.organizationId(), connection.id(), key(translated))) {
            throw WebhookRejected.because("This webhook was received before (a replay)");
        }
        List<RunnerEvent> events = new ArrayList<>();
        int foreign = 0;
        Map<String, Optional<OutcomeMapping>> mappings = new HashMap<>();
        for (ProviderEvents.Event event : translated.events()) {
            Optional<String> agentId = agentOfCall(connection.organizationId(), event.callId());
            if (agentId.isEmpty()) {
                foreign++;
                continue;
            }
            events.add(new RunnerEvent(
                    event.callId(),
                    event.status(),
                    event.at(),
                    event.durationSeconds(),
                    null,
                    bounded(event.recordingUrl(), MAX_URL),
                    bounded(event.transcript(), MAX_TRANSCRIPT)));
            // the disposition travels in an event of its own: a code outside the call's disposition
            // set rejects that event alone, never the status change
            mappings.computeIfAbsent(
                            agentId.get(),
                            id -> agents.find(connection.organizationId(), id).map(a -> a.outcomeMapping()))
                    .flatMap(mapping -> mapping.apply(event.analysis()))
                    .ifPresent(outcome -> events.add(new RunnerEvent(
                            event.callId(),
                            event.status(),
                            event.at(),
                            null,
                            new RunnerEvent.Disposition(outcome.code(), outcome.data()),
                            null,
                            null)));
        }
        RunnerEventsResult result =
                events.isEmpty() ? new RunnerEventsResult(0, 0, List.of()) : calls.applyRunnerEvents(events);
        return foreign == 0
                ? result
                : new RunnerEventsResult(result.applied(), result.ignored() + foreign, result.rejected());
    }

    /** The call's agent, when the call is this organization's; another organization's call is no call. */
    private Optional<String> agentOfCall(String organizationId, String callId) {
        if (callId == null || callId.length() > MAX_ID || !callId.startsWith("call_")) {
            return Optional.empty();
        }
        try {
            Object agentId = calls.getCall(organizationId, callId).get("agentId");
            return Optional.of(agentId == null ? "" : agentId.toString());
        } catch (ApiException notFound) {
            return Optional.empty();
        }
    }

    private static String key(ProviderEvents translated) {
        String key = translated.replayKey();
        return key.length() <= 500 ? key : Signatures.sha256Hex(key);
    }

    private static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : (max == MAX_URL ? null : text.substring(0, max));
    }
}
