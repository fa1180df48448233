package io.agentcalls.console.webhooks;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Cursor;
import io.agentcalls.common.PageRequest;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import io.agentcalls.webhook.WebhookService;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Screen 8, webhooks: the organization's endpoints, one endpoint's deliveries newest first (with a
 * delivery's attempts: what the endpoint answered), and redelivery, which the webhook module does as
 * its API does (same webhook-id, the retry schedule from the start). Redelivery is an admin's.
 */
@Controller
class WebhooksPageController implements ConsolePage {

    static final int PAGE_SIZE = 50;
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "exhausted");

    private final WebhookService webhooks;

    WebhooksPageController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/console/webhooks")
    String endpoints(ConsoleUser user, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute(
                "endpoints", webhooks.list(user.organizationId(), new PageRequest(PAGE_SIZE, Cursor.decode(cursor))));
        return "console/webhooks/list";
    }

    @GetMapping("/console/webhooks/{webhookId}")
    String deliveries(
            ConsoleUser user,
            @PathVariable String webhookId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String delivery,
            Model model) {
        String only = status == null || status.isBlank() ? null : status.strip();
        if (only != null && !STATUSES.contains(only)) {
            throw ApiException.validation("status must be one of pending, delivered, failed, exhausted");
        }
        String org = user.organizationId();
        model.addAttribute("webhook", webhooks.get(org, webhookId));
        model.addAttribute("status", only);
        model.addAttribute(
                "deliveries",
                webhooks.listDeliveries(org, webhookId, only, new PageRequest(PAGE_SIZE, Cursor.decode(cursor))));
        if (delivery != null && !delivery.isBlank()) {
            model.addAttribute("opened", webhooks.getDelivery(org, webhookId, delivery.strip()));
        }
        return "console/webhooks/deliveries";
    }

    @PostMapping("/console/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver")
    String redeliver(
            ConsoleUser user,
            @PathVariable String webhookId,
            @PathVariable String deliveryId,
            RedirectAttributes flash) {
        user.requireAdmin();
        webhooks.redeliver(user.organizationId(), webhookId, deliveryId);
        flash.addFlashAttribute("notice", "Delivery " + deliveryId + " is being sent again.");
        return "redirect:/console/webhooks/" + webhookId + "?delivery=" + deliveryId;
    }
}
