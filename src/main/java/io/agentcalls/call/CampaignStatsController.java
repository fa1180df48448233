package io.agentcalls.call;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Stats")
@RestController
class CampaignStatsController {

    private final CallService calls;

    CampaignStatsController(CallService calls) {
        this.calls = calls;
    }

    @Operation(
            operationId = "getCampaignStats",
            summary = "Get a campaign's stats",
            description =
                    "Customers by payment status, calls by status, outcomes by disposition code, contact rate and promised amount (docs/CALLS.md).")
    @GetMapping("/api/v1/campaigns/{campaignId}/stats")
    ApiResponse<CampaignStats> stats(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(calls.campaignStats(caller.organizationId(), campaignId));
    }
}
