package io.agentcalls.console;

import io.agentcalls.call.CallOutcomes;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.PageRequest;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Outcomes: what a campaign's calls came to over a chosen range of days, in the campaign's zone. */
@Controller
class OutcomesController implements ConsolePage {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final PageRequest CHOICES = new PageRequest(PageRequest.MAX_LIMIT, null);

    private final CampaignService campaigns;
    private final CampaignMonitor monitor;
    private final CallOutcomes calls;

    OutcomesController(CampaignService campaigns, CampaignMonitor monitor, CallOutcomes calls) {
        this.campaigns = campaigns;
        this.monitor = monitor;
        this.calls = calls;
    }

    @GetMapping("/console/outcomes")
    String outcomes(
            ConsoleUser user,
            @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        List<Campaign> choices =
                campaigns.listCampaigns(user.organizationId(), CHOICES).items();
        model.addAttribute("campaigns", choices);
        if ((campaignId == null || campaignId.isBlank()) && choices.isEmpty()) {
            return "console/outcomes";
        }
        Campaign campaign = monitor.campaign(
                user.organizationId(),
                campaignId == null || campaignId.isBlank() ? choices.get(0).id() : campaignId);
        ZoneId zone = zone(campaign);
        LocalDate last = date(to, LocalDate.now(zone), "to");
        LocalDate first = date(from, last.minusDays(DEFAULT_DAYS - 1L), "from");
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ConsoleException.badRequest("The range must run forwards and span at most " + MAX_DAYS + " days");
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        model.addAttribute("columns", OutcomesView.COLUMNS);
        model.addAttribute("view", OutcomesView.of(calls.outcomes(user.organizationId(), campaign.id(), first, last)));
        return "console/outcomes";
    }

    private static ZoneId zone(Campaign campaign) {
        try {
            return ZoneId.of(campaign.timezone());
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static LocalDate date(String value, LocalDate fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ConsoleException.badRequest(name + " must be a date (YYYY-MM-DD)");
        }
    }
}
