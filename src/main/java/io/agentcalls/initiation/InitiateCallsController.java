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
import io.swagger.v3.oas.annotations.media.ExampleObject;
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

    @Operation(
            operationId = "initiateCalls",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema = @Schema(implementation = InitiateCallsDocs.Request.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "all",
                                                        summary = "Call all customers in a campaign",
                                                        value = InitiateCallsDocs.CALL_ALL),
                                                @ExampleObject(
                                                        name = "byPaymentStatus",
                                                        summary = "Call only bounced and pending customers",
                                                        value = InitiateCallsDocs.BOUNCED_AND_PENDING),
                                                @ExampleObject(
                                                        name = "dueThisMonth",
                                                        summary = "EMI due this month, limited to 100",
                                                        value = InitiateCallsDocs.DUE_THIS_MONTH),
                                                @ExampleObject(
                                                        name = "byIds",
                                                        summary = "Call specific customers by id",
                                                        value = InitiateCallsDocs.BY_IDS),
                                                @ExampleObject(
                                                        name = "customFields",
                                                        summary = "Custom field filters and a number range",
                                                        value = InitiateCallsDocs.CUSTOM_FIELDS),
                                                @ExampleObject(
                                                        name = "excludeIds",
                                                        summary = "Call all customers except specific ones",
                                                        value = InitiateCallsDocs.EXCLUDE_IDS),
                                                @ExampleObject(
                                                        name = "dryRun",
                                                        summary = "Count what would be called (ours)",
                                                        value = InitiateCallsDocs.DRY_RUN_REQUEST)
                                            })),
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "All calls initiated (or, with dryRun, what would be)",
                        content =
                                @Content(
                                        schema = @Schema(implementation = InitiateCallsDocs.Answer.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "allInitiated",
                                                    summary = "All Calls Initiated",
                                                    value = InitiateCallsDocs.OK),
                                            @ExampleObject(
                                                    name = "dryRun",
                                                    summary = "Dry run",
                                                    value = InitiateCallsDocs.DRY_RUN)
                                        })),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "207",
                        description = "Partial success: some calls initiated, some failed",
                        content =
                                @Content(
                                        schema = @Schema(implementation = InitiateCallsDocs.Answer.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "partial",
                                                    summary = "Partial Success",
                                                    value = InitiateCallsDocs.PARTIAL)
                                        })),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "400",
                        description = "Validation error, no active numbers, or missing agent variables",
                        content =
                                @Content(
                                        schema = @Schema(implementation = InitiateCallsDocs.Refusal.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "validation",
                                                    summary = "Validation Error",
                                                    value = InitiateCallsDocs.VALIDATION),
                                            @ExampleObject(
                                                    name = "noActiveNumbers",
                                                    summary = "No Active Numbers",
                                                    value = InitiateCallsDocs.NO_NUMBERS),
                                            @ExampleObject(
                                                    name = "missingVariables",
                                                    summary = "Missing Agent Variables",
                                                    value = InitiateCallsDocs.MISSING_VARIABLES)
                                        })),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "403",
                        description = "The campaign is another organization's",
                        content =
                                @Content(
                                        schema = @Schema(implementation = io.agentcalls.common.ErrorResponse.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "forbidden",
                                                    summary = "Forbidden",
                                                    value = InitiateCallsDocs.FORBIDDEN)
                                        })),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "404",
                        description = "Campaign, agent or customers not found",
                        content =
                                @Content(
                                        schema = @Schema(implementation = io.agentcalls.common.ErrorResponse.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "campaignNotFound",
                                                    summary = "Campaign Not Found",
                                                    value = InitiateCallsDocs.CAMPAIGN_NOT_FOUND),
                                            @ExampleObject(
                                                    name = "agentNotFound",
                                                    summary = "Agent Not Found",
                                                    value = InitiateCallsDocs.AGENT_NOT_FOUND),
                                            @ExampleObject(
                                                    name = "noCustomers",
                                                    summary = "No Customers Found",
                                                    value = InitiateCallsDocs.NO_CUSTOMERS)
                                        })),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "500",
                        description = "All calls failed, or an internal error",
                        content =
                                @Content(
                                        schema = @Schema(implementation = InitiateCallsDocs.Answer.class),
                                        examples = {
                                            @ExampleObject(
                                                    name = "serverError",
                                                    summary = "Server Error",
                                                    value = InitiateCallsDocs.SERVER_ERROR),
                                            @ExampleObject(
                                                    name = "allFailed",
                                                    summary = "All calls failed",
                                                    value = InitiateCallsDocs.ALL_FAILED)
                                        }))
            },
            summary = "Initiate calls",
            description =
                    "Selects the campaign's customers matching `filters` (AND), applies the safeguards (calling window, do-not-call, attempt caps, active calls), and places the calls in batches of 500. `dryRun: true` only counts. An `Idempotency-Key` header makes a retried request answer the first answer (`Idempotent-Replayed: true`).")
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
