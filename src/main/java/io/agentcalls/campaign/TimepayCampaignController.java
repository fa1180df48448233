package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
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
@RestController
@RequestMapping("/api/v1/campaigns")
class TimepayCampaignController {

    private final CampaignService campaigns;

    TimepayCampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping("/create")
    @ResponseStatus(HttpStatus.CREATED)
    CampaignResponses.Answer create(Caller caller, @RequestBody JsonNode body) {
        CampaignChanges changes = CampaignChanges.read(body, Set.of("jsonData"));
        CampaignView created = campaigns.createDocumented(
                caller.organizationId(), changes, CampaignRecords.read(body.get("jsonData")));
        return new CampaignResponses.Answer(true, "Campaign created successfully", created);
    }

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

    @PutMapping("/update/{campaignId}")
    CampaignResponses.Updated update(Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        CampaignChanges changes = CampaignChanges.read(body);
        CampaignView updated = campaigns.updateDocumented(caller.organizationId(), campaignId, changes);
        return new CampaignResponses.Updated(true, "Campaign updated successfully", changes.given(), updated);
    }

    @PatchMapping("/pause/{campaignId}")
    CampaignResponses.Answer pause(Caller caller, @PathVariable String campaignId) {
        return new CampaignResponses.Answer(
                true, "Campaign paused successfully", campaigns.pause(caller.organizationId(), campaignId));
    }
}
