package io.agentcalls.console;

import io.agentcalls.call.CallService;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.number.PhoneNumber;
import io.agentcalls.number.PhoneNumberService;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Reads a campaign's monitor figures from the services that own them; controls it for operators. */
@Component
class CampaignMonitor {

    private static final DateTimeFormatter READ_AT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");

    private final CampaignService campaigns;
    private final CallService calls;
    private final PhoneNumberService numbers;
    private final Clock clock = Clock.systemUTC();

    CampaignMonitor(CampaignService campaigns, CallService calls, PhoneNumberService numbers) {
        this.campaigns = campaigns;
        this.calls = calls;
        this.numbers = numbers;
    }

    /** The campaign of this organization; another organization's, or none, is a 404 page. */
    Campaign campaign(String organizationId, String campaignId) {
        return campaigns.find(organizationId, campaignId).orElseThrow(() -> ConsoleException.notFound("Campaign"));
    }

    MonitorFigures figures(String organizationId, String campaignId) {
        Campaign campaign = campaign(organizationId, campaignId);
        long capacity = numbers.activeNumbers(organizationId).stream()
                .mapToLong(PhoneNumber::maxConcurrentCalls)
                .sum();
        ZonedDateTime now = ZonedDateTime.now(clock);
        return MonitorFigures.of(
                campaign,
                calls.campaignCallStats(organizationId, campaignId),
                capacity,
                CallingHours.of(campaign, now),
                now.format(READ_AT));
    }

    void pause(ConsoleUser user, String campaignId) {
        user.requireOperator();
        campaign(user.organizationId(), campaignId);
        campaigns.pauseCampaign(user.organizationId(), campaignId);
    }

    void resume(ConsoleUser user, String campaignId) {
        user.requireOperator();
        campaign(user.organizationId(), campaignId);
        campaigns.resumeCampaign(user.organizationId(), campaignId);
    }

    /** Pauses the campaign, so nothing new starts, then cancels its calls not yet answered. */
    long cancel(ConsoleUser user, String campaignId) {
        user.requireOperator();
        campaign(user.organizationId(), campaignId);
        campaigns.pauseCampaign(user.organizationId(), campaignId);
        return calls.cancelCampaignCalls(user.organizationId(), campaignId);
    }
}
