package io.agentcalls.call;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CampaignStatsController {

    private final CallService calls;

    CampaignStatsController(CallService calls) {
        this.calls = calls;
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/stats")
    ApiResponse<CampaignStats> stats(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(calls.campaignStats(caller.organizationId(), campaignId));
    }
}
