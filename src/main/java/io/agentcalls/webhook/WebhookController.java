package io.agentcalls.webhook;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    /** More than every event type, so a client sending duplicates is not refused, yet bounded. */
    private static final int MAX_EVENTS = 50;

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** {@code format} and {@code secret} are optional: see {@link WebhookService.NewWebhook}. */
    record CreateWebhookRequest(
            @NotNull @Size(max = WebhookUrlPolicy.MAX_LENGTH)
            String url,

            @Size(min = 1, max = MAX_EVENTS) List<String> events,
            String format,
            String secret) {}

    record UpdateWebhookRequest(
            @Size(min = 1, max = MAX_EVENTS) List<String> events, Boolean active) {}

    @Operation(
            operationId = "createWebhook",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "409",
                            description = "The organization has its most webhooks already",
                            ref = "#/components/responses/Conflict"),
            summary = "Create a webhook",
            description =
                    "Subscribes an https URL to event types; deliveries are signed with the webhook's secret (shown in this answer).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<Webhook> create(Caller caller, @Valid @RequestBody CreateWebhookRequest request) {
        return ApiResponse.of(webhooks.create(
                caller.organizationId(),
                new WebhookService.NewWebhook(request.url(), request.events(), request.format(), request.secret())));
    }

    @Operation(operationId = "listWebhooks", summary = "List webhooks", description = "A page at a time.")
    @GetMapping
    ApiResponse<List<Webhook>> list(
            Caller caller,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(webhooks.list(caller.organizationId(), PageRequest.of(limit, cursor)));
    }

    @Operation(operationId = "getWebhook", summary = "Get a webhook", description = "One webhook by id.")
    @GetMapping("/{webhookId}")
    ApiResponse<Webhook> get(Caller caller, @PathVariable String webhookId) {
        return ApiResponse.of(webhooks.get(caller.organizationId(), webhookId));
    }

    @Operation(
            operationId = "updateWebhook",
            summary = "Update a webhook",
            description = "Changes its events or turns it on or off.")
    @PatchMapping("/{webhookId}")
    ApiResponse<Webhook> update(
            Caller caller, @PathVariable String webhookId, @Valid @RequestBody UpdateWebhookRequest request) {
        return ApiResponse.of(webhooks.update(caller.organizationId(), webhookId, request.events(), request.active()));
    }

    @Operation(
            operationId = "deleteWebhook",
            summary = "Delete a webhook",
            description = "No more deliveries are made to it.")
    @DeleteMapping("/{webhookId}")
    ApiResponse<Void> delete(Caller caller, @PathVariable String webhookId) {
        webhooks.delete(caller.organizationId(), webhookId);
        return new ApiResponse<>(true, null, null);
    }

    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate a webhook's secret",
            description = "A new signing secret, shown in this answer.")
    @PostMapping("/{webhookId}/rotate-secret")
    ApiResponse<Webhook> rotateSecret(Caller caller, @PathVariable String webhookId) {
        return ApiResponse.of(webhooks.rotateSecret(caller.organizationId(), webhookId));
    }

    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "List a webhook's deliveries",
            description = "Newest first, filtered by `status`.")
    @GetMapping("/{webhookId}/deliveries")
    ApiResponse<List<WebhookDelivery>> deliveries(
            Caller caller,
            @PathVariable String webhookId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(
                webhooks.listDeliveries(caller.organizationId(), webhookId, status, PageRequest.of(limit, cursor)));
    }

    @Operation(
            operationId = "getWebhookDelivery",
            summary = "Get a delivery",
            description = "One delivery with its attempts.")
    @GetMapping("/{webhookId}/deliveries/{deliveryId}")
    ApiResponse<WebhookDelivery> delivery(
            Caller caller, @PathVariable String webhookId, @PathVariable String deliveryId) {
        return ApiResponse.of(webhooks.getDelivery(caller.organizationId(), webhookId, deliveryId));
    }

    @Operation(
            operationId = "redeliverWebhookDelivery",
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "409",
                            description = "The webhook is disabled, or the delivery is being attempted now",
                            ref = "#/components/responses/Conflict"),
            summary = "Redeliver",
            description = "Queues the delivery to be sent again.")
    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ApiResponse<WebhookDelivery> redeliver(
            Caller caller, @PathVariable String webhookId, @PathVariable String deliveryId) {
        return ApiResponse.of(webhooks.redeliver(caller.organizationId(), webhookId, deliveryId));
    }
}
