package io.agentcalls.campaign;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Our campaign endpoints, and the two paths we share with the TimePay Agents API (Get Campaign and
 * Delete Campaign), which answer in its shape. Its other paths are {@link TimepayCampaignController}'s.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<CampaignView> create(Caller caller, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.create(caller.organizationId(), CampaignChanges.read(body)));
    }

    @GetMapping("/{campaignId}")
    ApiResponse<CampaignView> get(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.get(caller.organizationId(), campaignId));
    }

    @PatchMapping("/{campaignId}")
    ApiResponse<CampaignView> update(Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.update(caller.organizationId(), campaignId, CampaignChanges.read(body)));
    }

    /** Nothing of a paused campaign is dialed; its queued calls wait (the TimePay pause, by POST). */
    @PostMapping("/{campaignId}/pause")
    ApiResponse<CampaignView> pause(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.pause(caller.organizationId(), campaignId));
    }

    @PostMapping("/{campaignId}/resume")
    ApiResponse<CampaignView> resume(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.resume(caller.organizationId(), campaignId));
    }

    @DeleteMapping("/{campaignId}")
    CampaignResponses.Answer archive(Caller caller, @PathVariable String campaignId) {
        return new CampaignResponses.Answer(
                true, "Campaign deleted successfully", campaigns.archive(caller.organizationId(), campaignId));
    }
}
