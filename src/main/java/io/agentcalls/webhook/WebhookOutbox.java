package io.agentcalls.webhook;

import io.agentcalls.call.CallDispositionRecorded;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatusChanged;
import io.agentcalls.call.DocumentedCallStatus;
import io.agentcalls.initiation.InitiationCompleted;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * The transactional outbox (docs/decisions/0005-webhook-outbox.md): listens synchronously, inside
 * the publisher's transaction, and writes one delivery row per subscribed endpoint there. The call
 * change and its deliveries commit together or not at all; the poller sends them after commit.
 */
@Component
class WebhookOutbox {

    /** The delivery body, Standard Webhooks' shape; built once, sent byte for byte on every attempt. */
    record Payload(String type, OffsetDateTime timestamp, Map<String, Object> data) {}

    private final DeliveryRepository deliveries;
    private final DeliveryPoller poller;
    private final ObjectMapper json;
    private final CallService calls;

    WebhookOutbox(DeliveryRepository deliveries, DeliveryPoller poller, ObjectMapper json, CallService calls) {
        this.deliveries = deliveries;
        this.poller = poller;
        this.json = json;
        this.calls = calls;
    }

    /**
     * Whether any active endpoint of the organization takes this event type, asked once per
     * transaction: an initiation records 500 calls in one transaction, and most organizations
     * subscribe to few types, so this spares a serialization and an insert per call.
     */
    private boolean subscribed(String organizationId, String event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return deliveries.hasSubscribers(organizationId, event);
        }
        @SuppressWarnings("unchecked")
        Map<String, Boolean> known = (Map<String, Boolean>) TransactionSynchronizationManager.getResource(this);
        if (known == null) {
            Map<String, Boolean> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(WebhookOutbox.this);
                }
            });
            known = fresh;
        }
        return known.computeIfAbsent(
                organizationId + ' ' + event, k -> deliveries.hasSubscribers(organizationId, event));
    }

    /**
     * A status change goes to standard endpoints as our event type, and, when the call is over, to
     * timepay endpoints as the documented event (Contacted, No Contact, Failed) with the call as the
     * call details page shows it, read here, in the transaction that changed it.
     */
    @EventListener
    void on(CallStatusChanged event) {
        WebhookEventType.forCallStatus(event.status())
                .ifPresent(type ->
                        enqueue(event.organizationId(), type, event.occurredAt(), event.call(), event.callId()));
        DocumentedCallStatus.webhookEvent(event.status()).ifPresent(documented -> {
            if (subscribed(event.organizationId(), documented)) {
                calls.history(event.organizationId(), event.callId())
                        .ifPresent(call -> store(
                                event.organizationId(),
                                documented,
                                json.writeValueAsString(TimepayPayload.of(call)),
                                event.callId()));
            }
        });
    }

    @EventListener
    void on(CallDispositionRecorded event) {
        enqueue(
                event.organizationId(),
                WebhookEventType.CALL_DISPOSITION,
                event.occurredAt(),
                event.call(),
                event.callId());
    }

    @EventListener
    void on(InitiationCompleted event) {
        enqueue(
                event.organizationId(),
                WebhookEventType.INITIATION_COMPLETED,
                event.occurredAt(),
                event.initiation(),
                null);
    }

    private void enqueue(
            String organizationId, WebhookEventType type, OffsetDateTime at, Map<String, Object> data, String callId) {
        if (!subscribed(organizationId, type.wireName())) {
            return;
        }
        store(
                organizationId,
                type.wireName(),
                json.writeValueAsString(new Payload(
                        type.wireName(), at == null ? OffsetDateTime.now() : at, data == null ? Map.of() : data)),
                callId);
    }

    /** One delivery per active endpoint subscribed to the event; the poller is woken after commit. */
    /** @param callId the call the event is about (the console's call detail lists its deliveries), or null */
    private void store(String organizationId, String event, String payload, String callId) {
        if (deliveries.enqueue(organizationId, event, payload, callId) == 0) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poller.wake();
                }
            });
        } else {
            poller.wake();
        }
    }
}
