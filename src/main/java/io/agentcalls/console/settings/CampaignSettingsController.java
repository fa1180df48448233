package io.agentcalls.console.settings;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.campaign.RetryPolicy;
import io.agentcalls.console.ConsoleException;
import io.agentcalls.console.ConsolePage;
import io.agentcalls.console.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's calling window, timezone, attempt caps and retries. The form becomes the body of
 * {@code PATCH /api/v1/campaigns/{id}} ({@link CampaignForm}) and the campaign module reads and checks
 * it as it does the API's, so the console can set nothing the API would refuse.
 */
@Controller
class CampaignSettingsController implements ConsolePage {

    private final CampaignService campaigns;

    CampaignSettingsController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/console/settings/campaigns/{campaignId}")
    String form(ConsoleUser user, @PathVariable String campaignId, Model model) {
        model.addAttribute("campaign", campaign(user, campaignId));
        model.addAttribute("retryStatuses", RetryPolicy.STATUSES);
        return "console/settings/campaign";
    }

    @PostMapping("/console/settings/campaigns/{campaignId}")
    String save(
            ConsoleUser user,
            @PathVariable String campaignId,
            @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes flash) {
        user.requireAdmin();
        campaign(user, campaignId);
        campaigns.changeSettings(user.organizationId(), campaignId, CampaignForm.toChanges(form));
        flash.addFlashAttribute("notice", "The campaign's settings were saved.");
        return "redirect:/console/settings/campaigns/" + campaignId;
    }

    private Campaign campaign(ConsoleUser user, String campaignId) {
        return campaigns
                .find(user.organizationId(), campaignId)
                .orElseThrow(() -> ConsoleException.notFound("Campaign"));
    }
}
