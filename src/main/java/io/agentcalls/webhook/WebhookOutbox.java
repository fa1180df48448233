package io.agentcalls.webhook;

import io.agentcalls.call.CallDispositionRecorded;
import io.agentcalls.call.CallStatusChanged;
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

    WebhookOutbox(DeliveryRepository deliveries, DeliveryPoller poller, ObjectMapper json) {
        this.deliveries = deliveries;
        this.poller = poller;
        this.json = json;
    }

    /**
     * Whether any active endpoint of the organization takes this event type, asked once per
     * transaction: an initiation records 500 calls in one transaction, and most organizations
     * subscribe to few types, so this spares a serialization and an insert per call.
     */
    private boolean subscribed(String organizationId, WebhookEventType type) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return deliveries.hasSubscribers(organizationId, type.wireName());
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
                organizationId + ' ' + type.wireName(),
                k -> deliveries.hasSubscribers(organizationId, type.wireName()));
    }

    @EventListener
    void on(CallStatusChanged event) {
        WebhookEventType.forCallStatus(event.status())
                .ifPresent(type -> enqueue(event.organizationId(), type, event.occurredAt(), event.call()));
    }

    @EventListener
    void on(CallDispositionRecorded event) {
        enqueue(event.organizationId(), WebhookEventType.CALL_DISPOSITION, event.occurredAt(), event.call());
    }

    @EventListener
    void on(InitiationCompleted event) {
        enqueue(event.organizationId(), WebhookEventType.INITIATION_COMPLETED, event.occurredAt(), event.initiation());
    }

    private void enqueue(String organizationId, WebhookEventType type, OffsetDateTime at, Map<String, Object> data) {
        if (!subscribed(organizationId, type)) {
            return;
        }
        String payload = json.writeValueAsString(
                new Payload(type.wireName(), at == null ? OffsetDateTime.now() : at, data == null ? Map.of() : data));
        if (deliveries.enqueue(organizationId, type.wireName(), payload) == 0) {
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
