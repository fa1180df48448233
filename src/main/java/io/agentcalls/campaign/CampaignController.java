package io.agentcalls.campaign;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<Campaign> create(Caller caller, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.create(caller.organizationId(), CampaignChanges.read(body)));
    }

    @GetMapping
    ApiResponse<List<Campaign>> list(
            Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(campaigns.list(caller.organizationId(), status, PageRequest.of(limit, cursor)));
    }

    @GetMapping("/{campaignId}")
    ApiResponse<Campaign> get(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.get(caller.organizationId(), campaignId));
    }

    @PatchMapping("/{campaignId}")
    ApiResponse<Campaign> update(Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        return ApiResponse.of(campaigns.update(caller.organizationId(), campaignId, CampaignChanges.read(body)));
    }

    @DeleteMapping("/{campaignId}")
    ApiResponse<Campaign> archive(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(campaigns.archive(caller.organizationId(), campaignId));
    }
}
