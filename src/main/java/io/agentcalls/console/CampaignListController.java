package io.agentcalls.console;

import io.agentcalls.campaign.CampaignService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's first screen: the organization's campaigns, each leading to its monitor. */
@Controller
class CampaignListController implements ConsolePage {

    private final CampaignService campaigns;

    CampaignListController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/console/campaigns")
    String list(ConsoleUser user, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", campaigns.listCampaigns(user.organizationId(), ConsolePaging.of(cursor)));
        return "console/campaigns";
    }
}
