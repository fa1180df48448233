package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The campaign pages of the TimePay Agents API at their documented paths: Create, List, Update and
 * Pause Campaign. List Campaigns with {@code ?cursor=} (empty for the first page) is our cursor page.
 */
@Tag(name = "Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns")
class TimepayCampaignController {

    private final CampaignService campaigns;

    TimepayCampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(
            operationId = "createCampaignWithCustomers",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(schema = @Schema(implementation = CampaignRequests.WithCustomers.class))),
            summary = "Create a campaign with its customers (TimePay)",
            description =
                    "The TimePay Agents API's Create Campaign: the campaign fields and, in `jsonData`, its first customers.")
    @PostMapping("/create")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignResponses.Answer create(Caller caller, @RequestBody JsonNode body) {
        CampaignChanges changes = CampaignChanges.read(body, Set.of("jsonData"));
        CampaignView created = campaigns.createDocumented(
                caller.organizationId(), changes, CampaignRecords.read(body.get("jsonData")));
        return new CampaignResponses.Answer(true, "Campaign created successfully", created);
    }

    @Operation(
            operationId = "listCampaigns",
            summary = "List campaigns",
            description =
                    "Without `cursor`: the TimePay list, numbered pages (`page`, `limit`), newest first, filtered by `status`, `campaign_type` and `search`. With `cursor` (empty for the first page): our cursor pages in id order, archived campaigns included, filtered by `status` only.")
    @GetMapping
    CampaignResponses.Listed list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(name = "campaign_type", required = false) String campaignType,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String rowsLen,
            @RequestParam(required = false) String cursor) {
        if (cursor != null) {
            if (Stream.of(campaignType, search, page, rowsLen).anyMatch(p -> p != null)) {
                throw ApiException.validation("a cursor page takes only status, limit and cursor");
            }
            Page<CampaignView> listed = campaigns.list(caller.organizationId(), status, PageRequest.of(limit, cursor));
            return new CampaignResponses.Listed(true, listed.items(), null, listed.nextCursor());
        }
        CampaignService.NumberedPage listed = campaigns.page(
                caller.organizationId(), CampaignListQuery.of(status, campaignType, search, page, limit, rowsLen));
        return new CampaignResponses.Listed(true, listed.campaigns(), listed.pagination(), null);
    }

    @Operation(
            operationId = "replaceCampaignFields",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CampaignRequests.Fields.class))),
            summary = "Update a campaign (TimePay)",
            description =
                    "The TimePay Agents API's Update Campaign: changes the fields given and lists them in `updatedFields`.")
    @PutMapping("/update/{campaignId}")
    CampaignResponses.Updated update(Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        CampaignChanges changes = CampaignChanges.read(body);
        CampaignView updated = campaigns.updateDocumented(caller.organizationId(), campaignId, changes);
        return new CampaignResponses.Updated(true, "Campaign updated successfully", changes.given(), updated);
    }

    @Operation(
            operationId = "pauseCampaign",
            summary = "Pause a campaign",
            description = "Stops calling the campaign's customers until it is active again.")
    @PatchMapping("/pause/{campaignId}")
    CampaignResponses.Answer pause(Caller caller, @PathVariable String campaignId) {
        return new CampaignResponses.Answer(
                true, "Campaign paused successfully", campaigns.pause(caller.organizationId(), campaignId));
    }
}
