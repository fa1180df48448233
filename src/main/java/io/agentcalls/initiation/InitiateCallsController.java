package io.agentcalls.initiation;

import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.initiation.record.InitiationRecords;
import io.agentcalls.organization.Caller;
import io.agentcalls.ratelimit.RateLimit;
import io.agentcalls.ratelimit.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@Tag(name = "Initiate calls")
@RestController
class InitiateCallsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final InitiationLedger ledger;
    private final InitiationRecords records;
    private final RateLimiter rateLimiter;

    InitiateCallsController(InitiationLedger ledger, InitiationRecords records, RateLimiter rateLimiter) {
        this.ledger = ledger;
        this.records = records;
        this.rateLimiter = rateLimiter;
    }

    @InitiateCallsOperation
    @PostMapping(path = "/api/v1/initiate/{campaignId}/calls", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> initiate(
            Caller caller,
            @PathVariable String campaignId,
            @Parameter(description = "Any unique text; a retried request with the same key answers the first answer")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            @RequestBody(required = false) JsonNode body) {
        // every request counts against its limit, a malformed one too; the body is read by hand, not
        // bound to a record, so each problem is named in the Initiate Call(s) contract's own words
        boolean dryRun = body != null && body.path("dryRun").asBoolean(false);
        rateLimiter.check(caller.organizationId(), dryRun ? RateLimit.DRY_RUNS : RateLimit.INITIATIONS);
        InitiateCallsRequest request = InitiateCallsRequestParser.parse(body);
        InitiationOutcome outcome = ledger.initiate(caller, campaignId, idempotencyKey, request, body);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(outcome.body());
    }

    @Operation(
            operationId = "getInitiation",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The initiation",
                        content = @Content(schema = @Schema(implementation = InitiateCallsDocs.One.class)))
            },
            summary = "Get an initiation",
            description = "One Initiate Call(s) request as recorded, with its answer.")
    @GetMapping("/api/v1/initiations/{initiationId}")
    ApiResponse<Map<String, Object>> get(Caller caller, @PathVariable String initiationId) {
        return ApiResponse.of(records.get(caller, initiationId));
    }

    @Operation(
            operationId = "listInitiations",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "A page of initiations",
                        content = @Content(schema = @Schema(implementation = InitiateCallsDocs.Page.class)))
            },
            summary = "List a campaign's initiations",
            description = "Newest first, a page at a time.")
    @GetMapping("/api/v1/campaigns/{campaignId}/initiations")
    ApiResponse<List<Map<String, Object>>> list(
            Caller caller,
            @PathVariable String campaignId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return ApiResponse.page(records.listByCampaign(caller, campaignId, PageRequest.of(limit, cursor)));
    }
}
