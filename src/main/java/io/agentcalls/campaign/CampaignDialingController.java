package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /api/v1/campaigns/{id}/dialing}: the campaign's pacing cap and {@code expireAfter},
 * both always given on PUT ({@code maxConcurrentCalls} may be null: no cap of the campaign's own).
 */
@Tag(name = "Campaigns")
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/dialing")
class CampaignDialingController {

    private static final Set<String> FIELDS = Set.of("maxConcurrentCalls", "expireAfter");

    private final CampaignService campaigns;

    CampaignDialingController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Operation(
            operationId = "getCampaignDialing",
            summary = "Get a campaign's dialing settings",
            description =
                    "The built-in runner's pacing for the campaign: `maxConcurrentCalls` (null: only the numbers' and connections' caps apply) and `expireAfter`, how long a call may wait in the queue before it expires.")
    @GetMapping
    ApiResponse<CampaignDialing.View> get(Caller caller, @PathVariable String campaignId) {
        return ApiResponse.of(
                campaigns.dialing(caller.organizationId(), campaignId).view());
    }

    @Operation(
            operationId = "replaceCampaignDialing",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = CampaignDialing.View.class))),
            summary = "Replace a campaign's dialing settings",
            description =
                    "Both fields are required: `maxConcurrentCalls` from 1 (or null for no cap of the campaign's own) and `expireAfter` an ISO-8601 duration from PT1M to P30D. Calls already waiting take the new settings at their next pass.")
    @PutMapping
    ApiResponse<CampaignDialing.View> replace(
            Caller caller, @PathVariable String campaignId, @RequestBody JsonNode body) {
        CampaignDialing dialing = read(body);
        return ApiResponse.of(campaigns
                .replaceDialing(caller.organizationId(), campaignId, dialing)
                .view());
    }

    private static CampaignDialing read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body must be a JSON object");
        }
        List<String> errors = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                errors.add("unknown field '" + io.agentcalls.common.BodyValues.printable(name) + "'");
            }
        }
        Integer max = null;
        JsonNode maxNode = body.get("maxConcurrentCalls");
        if (maxNode == null) {
            errors.add("maxConcurrentCalls is required (null for no cap of the campaign's own)");
        } else if (!maxNode.isNull()) {
            max = CampaignFields.integer(
                    maxNode, "maxConcurrentCalls", 1, CampaignDialing.MAX_CONCURRENT_CALLS, errors);
        }
        Duration expireAfter = expireAfter(body.get("expireAfter"), errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new CampaignDialing(max, expireAfter);
    }

    private static Duration expireAfter(JsonNode node, List<String> errors) {
        String problem = "expireAfter must be an ISO-8601 duration from PT1M to P30D (PT24H)";
        if (node == null || !node.isString() || node.asString().length() > 40) {
            errors.add(problem);
            return null;
        }
        try {
            Duration duration = Duration.parse(node.asString());
            if (duration.compareTo(CampaignDialing.MIN_EXPIRE_AFTER) < 0
                    || duration.compareTo(CampaignDialing.MAX_EXPIRE_AFTER) > 0) {
                errors.add(problem);
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            errors.add(problem);
            return null;
        }
    }
}
