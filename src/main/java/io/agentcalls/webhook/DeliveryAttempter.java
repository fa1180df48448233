package io.agentcalls.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes one attempt of a claimed delivery and records it, with what follows from its outcome. */
@Component
class DeliveryAttempter {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempter.class);
    static final String GONE_REASON = "the endpoint answered 410 Gone";

    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final DeliveryRepository deliveries;
    private final WebhookRepository endpoints;
    private final TransactionTemplate transaction;

    DeliveryAttempter(
            WebhookSender sender,
            RetrySchedule schedule,
            DeliveryRepository deliveries,
            WebhookRepository endpoints,
            TransactionTemplate transaction) {
        this.sender = sender;
        this.schedule = schedule;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.transaction = transaction;
    }

    void attempt(ClaimedDelivery delivery) {
        Instant now = Instant.now();
        long timestamp = now.getEpochSecond();
        SendResult result;
        if (delivery.format() == WebhookFormat.TIMEPAY) {
            // the guide's shared secret as a bearer token; webhook-id still lets a receiver drop repeats
            result = sender.send(
                    delivery.url(),
                    Map.of("Authorization", "Bearer " + delivery.secrets().get(0), "webhook-id", delivery.id()),
                    delivery.payload());
        } else {
            String signature =
                    WebhookSignature.header(delivery.secrets(), delivery.id(), timestamp, delivery.payload());
            result = sender.send(delivery.url(), delivery.id(), timestamp, signature, delivery.payload());
        }
        AttemptOutcome outcome = AttemptOutcome.decide(
                result,
                delivery.schedulePosition(),
                schedule,
                ThreadLocalRandom.current().nextDouble());
        OffsetDateTime attemptedAt = now.atOffset(ZoneOffset.UTC);
        transaction.executeWithoutResult(tx -> {
            deliveries.insertAttempt(delivery, attemptedAt, result);
            if (!deliveries.finishAttempt(delivery, attemptedAt, result, outcome)) {
                log.info(
                        "Webhook delivery {} lost its lease during the attempt; outcome kept in its log only",
                        delivery.id());
                return;
            }
            if (outcome.disableEndpoint()
                    && endpoints.disable(delivery.organizationId(), delivery.endpointId(), GONE_REASON)) {
                deliveries.pauseEndpoint(delivery.organizationId(), delivery.endpointId());
                log.info("Webhook {} disabled: {}", delivery.endpointId(), GONE_REASON);
            }
        });
    }
}
