package io.agentcalls.console;

import io.agentcalls.agent.AgentService;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.PageRequest;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.customer.PaymentStatus;
import io.agentcalls.disposition.DispositionService;
import io.agentcalls.initiation.LaunchService;
import io.agentcalls.ratelimit.RateLimit;
import io.agentcalls.ratelimit.RateLimiter;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Launch: the filter builder with a live dry-run preview (htmx posts the form as it changes), then
 * the launch itself, sent with the Idempotency-Key the page was rendered with, so a double click or
 * a resent form launches once.
 */
@Controller
class LaunchController implements ConsolePage {

    private static final PageRequest CHOICES = new PageRequest(PageRequest.MAX_LIMIT, null);

    private final CampaignMonitor monitor;
    private final LaunchService launches;
    private final LaunchAnswers answers;
    private final AgentService agents;
    private final DispositionService dispositions;
    private final CustomerService customers;
    private final RateLimiter rateLimiter;

    LaunchController(
            CampaignMonitor monitor,
            LaunchService launches,
            LaunchAnswers answers,
            AgentService agents,
            DispositionService dispositions,
            CustomerService customers,
            RateLimiter rateLimiter) {
        this.monitor = monitor;
        this.launches = launches;
        this.answers = answers;
        this.agents = agents;
        this.dispositions = dispositions;
        this.customers = customers;
        this.rateLimiter = rateLimiter;
    }

    /** Launching starts from a campaign: the list shows a launch link beside each. */
    @GetMapping("/console/launch")
    String choose() {
        return "redirect:/console/campaigns";
    }

    @GetMapping("/console/campaigns/{campaignId}/launch")
    String form(ConsoleUser user, @PathVariable String campaignId, Model model) {
        user.requireOperator();
        Campaign campaign = monitor.campaign(user.organizationId(), campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", LaunchForm.empty(Ids.randomToken(24)));
        model.addAttribute("agents", agents.list(user.organizationId(), CHOICES).items());
        model.addAttribute(
                "dispositionSets",
                dispositions.list(user.organizationId(), CHOICES).items());
        model.addAttribute("customFields", customers.customFieldNames(user.organizationId(), campaignId));
        model.addAttribute("paymentStatuses", PaymentStatus.VALUES);
        return "console/launch";
    }

    @PostMapping("/console/campaigns/{campaignId}/launch/preview")
    String preview(ConsoleUser user, @PathVariable String campaignId, @ModelAttribute LaunchForm form, Model model) {
        user.requireOperator();
        monitor.campaign(user.organizationId(), campaignId);
        rateLimiter.check(user.organizationId(), RateLimit.DRY_RUNS);
        model.addAttribute("preview", answers.preview(user.organizationId(), campaignId, form));
        return "console/launch :: preview";
    }

    @PostMapping("/console/campaigns/{campaignId}/launch")
    String launch(
            ConsoleUser user,
            @PathVariable String campaignId,
            @ModelAttribute LaunchForm form,
            RedirectAttributes flash) {
        user.requireOperator();
        monitor.campaign(user.organizationId(), campaignId);
        rateLimiter.check(user.organizationId(), RateLimit.INITIATIONS);
        LaunchAnswers.Launched launched = answers.launch(user.organizationId(), campaignId, form);
        if (!launched.done()) {
            // the API's refusal, with its status, as the console's error page (ConsoleErrors)
            throw new ApiException(
                    HttpStatus.valueOf(launched.status()), launched.message(), launched.errors(), Map.of());
        }
        flash.addFlashAttribute("notice", launched.message());
        return "redirect:/console/campaigns/" + campaignId;
    }
}
