package io.agentcalls.webhook;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints of an organization and their deliveries. */
@Service
public class WebhookService {

    static final Set<String> DELIVERY_STATUSES = Set.of("pending", "delivered", "failed", "exhausted");
    private static final String NOT_FOUND = "Webhook not found";

    private final WebhookRepository endpoints;
    private final DeliveryRepository deliveries;
    private final DeliveryHistoryRepository history;
    private final WebhookUrlPolicy urlPolicy;
    private final WebhookProperties properties;

    WebhookService(
            WebhookRepository endpoints,
            DeliveryRepository deliveries,
            DeliveryHistoryRepository history,
            WebhookUrlPolicy urlPolicy,
            WebhookProperties properties) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.history = history;
        this.urlPolicy = urlPolicy;
        this.properties = properties;
    }

    /** What a create asks for: {@code format} null is standard; {@code secret} only for timepay. */
    public record NewWebhook(String url, List<String> events, String format, String secret) {}

    /**
     * Creates an endpoint; the returned webhook carries its secret, shown this once. Standard
     * endpoints must name their events; timepay ones take every documented event when they name
     * none, and may bring the bearer token their receiver expects. Not one transaction: the URL
     * check resolves DNS, which must not hold a database connection.
     */
    public Webhook create(String organizationId, NewWebhook request) {
        String trimmedUrl = request.url().trim();
        List<String> errors = new ArrayList<>();
        urlPolicy.refusal(trimmedUrl).ifPresent(errors::add);
        WebhookFormat format = WebhookFormat.parse(request.format(), errors);
        List<String> events = request.events();
        if (events == null && format == WebhookFormat.TIMEPAY) {
            events = WebhookFormat.TIMEPAY_EVENTS;
        } else if (events == null) {
            errors.add("events must not be null");
            events = List.of();
        }
        errors.addAll(format.eventErrors(events));
        format.checkChosenSecret(request.secret(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        if (endpoints.count(organizationId) >= properties.maxPerOrganization()) {
            throw ApiException.conflict(
                    "An organization can have at most " + properties.maxPerOrganization() + " webhooks");
        }
        String secret = request.secret() != null ? request.secret() : WebhookSignature.newSecret();
        return endpoints
                .insert(organizationId, Ids.newId("whk"), trimmedUrl, format, format.subscription(events), secret)
                .withSecret(secret);
    }

    public Page<Webhook> list(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                endpoints.list(organizationId, page.after(), page.fetchSize()), page.limit(), Webhook::id);
    }

    public Webhook get(String organizationId, String webhookId) {
        return endpoints.find(organizationId, webhookId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /**
     * Changes the subscribed events and/or turns the endpoint on or off (null: unchanged). Turning it
     * off parks its unfinished deliveries; turning it on sends them again.
     */
    @Transactional
    public Webhook update(String organizationId, String webhookId, List<String> events, Boolean active) {
        if (events == null && active == null) {
            throw ApiException.validation("body must set events or active");
        }
        List<String> subscription = null;
        if (events != null) {
            Webhook current = get(organizationId, webhookId);
            subscription = WebhookFormat.of(current.format()).subscription(events);
        }
        Webhook updated = endpoints
                .update(organizationId, webhookId, subscription, active)
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        if (Boolean.FALSE.equals(active)) {
            deliveries.pauseEndpoint(organizationId, webhookId);
        } else if (Boolean.TRUE.equals(active)) {
            deliveries.resumeEndpoint(organizationId, webhookId);
        }
        return updated;
    }

    /** Deletes the endpoint with its deliveries and their log. */
    public void delete(String organizationId, String webhookId) {
        if (!endpoints.delete(organizationId, webhookId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    /** A new signing secret, shown this once; the old one keeps signing alongside it for 24 h. */
    @Transactional
    public Webhook rotateSecret(String organizationId, String webhookId) {
        String secret = WebhookSignature.newSecret();
        return endpoints
                .rotateSecret(organizationId, webhookId, secret)
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND))
                .withSecret(secret);
    }

    /** The endpoint's deliveries, newest first, optionally of one status. */
    public Page<WebhookDelivery> listDeliveries(
            String organizationId, String webhookId, String status, PageRequest page) {
        if (status != null && !DELIVERY_STATUSES.contains(status)) {
            throw ApiException.validation("status must be one of: pending, delivered, failed, exhausted");
        }
        get(organizationId, webhookId);
        return Page.fromOverfetch(
                history.list(organizationId, webhookId, status, page.after(), page.fetchSize()),
                page.limit(),
                WebhookDelivery::id);
    }

    /** A delivery about a call, and the endpoint it went to. */
    public record CallDelivery(String webhookId, WebhookDelivery delivery) {}

    /** The latest deliveries about one call (the console's call detail), newest first. */
    public List<CallDelivery> deliveriesOfCall(String organizationId, String callId, int limit) {
        return history.listOfCall(organizationId, callId, limit);
    }

    /** One delivery with the log of its attempts. */
    public WebhookDelivery getDelivery(String organizationId, String webhookId, String deliveryId) {
        return history.find(organizationId, webhookId, deliveryId)
                .map(d -> d.withAttemptLog(history.attempts(organizationId, deliveryId)))
                .orElseThrow(() -> ApiException.notFound("Delivery not found"));
    }

    /**
     * Sends a delivery again now, whatever its status, with the same webhook-id; if that fails it
     * follows the retry schedule from the start.
     */
    @Transactional
    public WebhookDelivery redeliver(String organizationId, String webhookId, String deliveryId) {
        Webhook webhook = get(organizationId, webhookId);
        history.find(organizationId, webhookId, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Delivery not found"));
        if (!webhook.active()) {
            throw ApiException.conflict("Webhook is disabled; enable it before redelivering");
        }
        if (!deliveries.redeliver(organizationId, webhookId, deliveryId)) {
            throw ApiException.conflict("Delivery is being attempted right now; try again in a minute");
        }
        return history.find(organizationId, webhookId, deliveryId).orElseThrow();
    }
}
