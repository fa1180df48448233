package io.agentcalls.campaign;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(
            operationId = "createCampaign",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CampaignRequests.Fields.class))),
            summary = "Create a campaign",
            description =
                    "Creates a campaign; only `name` is required (defaults: timezone Asia/Kolkata, calling window 08:00-19:00, 3 attempts a day, 7 a week).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<CampaignView> create(Caller caller, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.create(caller.organizationId(), CampaignChanges.read(body)));
    }

    @Operation(
            operationId = "getCampaign",
            summary = "Get a campaign",
            description = "The campaign with its settings and customer count (`rowsLen`).")
    @GetMapping("/{campaignId}")
    ApiResponse<CampaignView> get(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.get(caller.organizationId(), campaignId));
    }

    @Operation(
            operationId = "updateCampaign",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CampaignRequests.Fields.class))),
            summary = "Update a campaign",
            description = "Changes only the fields given; `null` for any field is refused.")
    @PatchMapping("/{campaignId}")
    ApiResponse<CampaignView> update(Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.update(caller.organizationId(), campaignId, CampaignChanges.read(body)));
    }

    /** Nothing of a paused campaign is dialed; its queued calls wait (the TimePay pause, by POST). */
    @Operation(
            operationId = "pauseCampaignCalls",
            summary = "Pause a campaign",
            description =
                    "Nothing of a paused campaign is dialed: its calls waiting in the built-in runner's queue stay there until it is resumed. Repeating it is fine.")
    @PostMapping("/{campaignId}/pause")
    ApiResponse<CampaignView> pause(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.pause(caller.organizationId(), campaignId));
    }

    @Operation(
            operationId = "resumeCampaignCalls",
            summary = "Resume a campaign",
            description = "Dialing of the campaign's waiting calls starts again. Repeating it is fine.")
    @PostMapping("/{campaignId}/resume")
    ApiResponse<CampaignView> resume(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.resume(caller.organizationId(), campaignId));
    }

    @Operation(
            operationId = "deleteCampaign",
            summary = "Delete (archive) a campaign",
            description =
                    "Archives the campaign: it stays readable, takes no new customers and places no calls. Repeating it is fine.")
    @DeleteMapping("/{campaignId}")
    CampaignResponses.Answer archive(Caller caller, @PathVariable String campaignId) {
        return new CampaignResponses.Answer(
                true, "Campaign deleted successfully", campaigns.archive(caller.organizationId(), campaignId));
    }
}
