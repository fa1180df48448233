package io.agentcalls.initiation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Initiate Call(s) and the initiation records as the OpenAPI document describes them. The controller
 * reads the body by hand (each problem named in the contract's words) and answers the stored JSON
 * text, so these records and examples exist for the document only. The examples are the contract's
 * ({@code SEED-initiate-calls.md}), with the {@code error} word every error envelope of ours carries.
 */
final class InitiateCallsDocs {

    private InitiateCallsDocs() {}

    @Schema(name = "InitiateCallsRequest")
    record Request(
            @Schema(
                    description = "The AI agent that handles the calls",
                    example = "agt_000000000000000000000000000de001",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String agentId,

            @Schema(
                    description = "The disposition set the calls' outcomes are classified with",
                    example = "dsp_000000000000000000000000000de001",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String dispositionId,

            @Schema(description = "At most this many customers; all matching ones when absent", minimum = "1")
            Integer limit,

            @Schema(description = "Count what would be called, write nothing (ours)", defaultValue = "false")
            Boolean dryRun,

            @Schema(ref = InitiateCallsSchemas.FILTERS_REF) Object filters) {}

    @Schema(name = "InitiateCallsResponse", description = "200, 207 and a 500 where every call failed")
    record Answer(
            @Schema(description = "true when every selected customer's call was initiated")
            boolean success,

            @Schema(description = "Always \"Internal Server Error\" on a 500; absent otherwise")
            String error,

            @Schema(example = "Calls initiated for 250 customers")
            String message,

            InitiationResults results) {}

    @Schema(
            name = "InitiateCallsRefusal",
            description = "A 400 that selected customers but called none (missing agent variables, every customer"
                    + " skipped by a safeguard): the error envelope with the selection's counts at the top level")
    record Refusal(
            boolean success,
            @Schema(example = "BadRequest") String error,

            @Schema(example = "Cannot initiate calls: Missing variables: emi_due_date, loan_amount")
            String message,

            @Schema(description = "Absent when the request itself was invalid")
            java.util.List<String> errors,

            @Schema(description = "Customers matching the filters")
            Long totalMatched,

            @Schema(description = "Customers selected (limit applied)")
            Long customersSelected,

            @Schema(description = "When every customer was skipped: how many by each safeguard")
            io.agentcalls.initiation.selection.SkipCounts skipped) {}

    @Schema(name = "Initiation", description = "One Initiate Call(s) request as recorded, with its answer")
    record Initiation(
            @Schema(example = "ini_01jc9x3m8f6d2r4t5v7w9y0z1a")
            String id,

            String campaignId,

            @Schema(description = "The API key that sent it")
            String apiKeyId,

            String idempotencyKey,

            @Schema(allowableValues = {"running", "completed"})
            String status,

            OffsetDateTime createdAt,
            OffsetDateTime completedAt,

            @Schema(description = "The request body as sent")
            Map<String, Object> request,

            @Schema(description = "The answer's status code, once completed")
            Integer responseStatus,

            @Schema(description = "The answer's body, once completed")
            Map<String, Object> response) {}

    @Schema(name = "InitiationResponse")
    record One(boolean success, Initiation data) {}

    @Schema(name = "InitiationsPage")
    record Page(
            boolean success,
            java.util.List<Initiation> data,

            @Schema(description = "The next page's cursor; absent on the last page")
            String nextCursor) {}

    static final String CALL_ALL = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001"}""";
    static final String BOUNCED_AND_PENDING = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "filters":{"payment_status":["bounced","pending"]}}""";
    static final String DUE_THIS_MONTH = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "limit":100,"filters":{"emi_due_date":{"from":"2025-08-01","to":"2025-08-31"},"payment_status":"pending"}}""";
    static final String BY_IDS = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "filters":{"ids":["LOAN-2025-00123","LOAN-2025-00456","LOAN-2025-00789"]}}""";
    static final String CUSTOM_FIELDS = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "filters":{"payment_status":["bounced","pending"],"emi_amount":{"min":5000,"max":20000},\
            "language":"hindi","custom":{"branch":"mumbai","product_type":["personal_loan","home_loan"]}}}""";
    static final String EXCLUDE_IDS = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "filters":{"exclude_ids":["LOAN-2025-00789","LOAN-2025-00999"]}}""";
    static final String DRY_RUN_REQUEST = """
            {"agentId":"agt_000000000000000000000000000de001","dispositionId":"dsp_000000000000000000000000000de001",\
            "dryRun":true,"filters":{"payment_status":"bounced"}}""";

    static final String OK = """
            {"success":true,"message":"Calls initiated for 250 customers","results":{"totalMatched":500,\
            "customersSelected":250,"initiated":250,"failed":0,"batchesProcessed":1,"errors":[],\
            "skipped":{"activeCall":0,"doNotCall":0,"attemptLimit":0,"outsideCallingWindow":0},\
            "initiationId":"ini_01jc9x3m8f6d2r4t5v7w9y0z1a"}}""";
    static final String DRY_RUN = """
            {"success":true,"message":"Dry run: calls would be initiated for 250 customers","results":\
            {"totalMatched":500,"customersSelected":250,"initiated":0,"failed":0,"batchesProcessed":0,"errors":[],\
            "skipped":{"activeCall":0,"doNotCall":0,"attemptLimit":0,"outsideCallingWindow":0},"dryRun":true}}""";
    static final String PARTIAL = """
            {"success":false,"message":"Calls initiated for 200 of 250 customers","results":{"totalMatched":500,\
            "customersSelected":250,"initiated":200,"failed":50,"batchesProcessed":1,"errors":[{"batch":1,\
            "error":"Call initiation failed","reason":"Workflow runner timeout","affectedCustomers":50}],\
            "skipped":{"activeCall":0,"doNotCall":0,"attemptLimit":0,"outsideCallingWindow":0},\
            "initiationId":"ini_01jc9x3m8f6d2r4t5v7w9y0z1a"}}""";
    static final String VALIDATION = """
            {"success":false,"error":"BadRequest","message":"Validation failed",\
            "errors":["agentId is required and must be a string"]}""";
    static final String NO_NUMBERS = """
            {"success":false,"error":"BadRequest","message":"No active numbers available for this organization"}""";
    static final String MISSING_VARIABLES = """
            {"success":false,"error":"BadRequest",\
            "message":"Cannot initiate calls: Missing variables: emi_due_date, loan_amount",\
            "totalMatched":250,"customersSelected":250}""";
    static final String FORBIDDEN = """
            {"success":false,"error":"Forbidden","message":"Campaign ID invalid or mismatch for your organization."}""";
    static final String CAMPAIGN_NOT_FOUND = """
            {"success":false,"error":"NotFound","message":"Campaign not found"}""";
    static final String AGENT_NOT_FOUND = """
            {"success":false,"error":"NotFound","message":"Agent not found"}""";
    static final String NO_CUSTOMERS = """
            {"success":false,"error":"NotFound","message":"No customers found matching the given filters"}""";
    static final String SERVER_ERROR = """
            {"success":false,"error":"Internal Server Error","message":"An unexpected error occurred"}""";
    static final String ALL_FAILED = """
            {"success":false,"error":"Internal Server Error","message":"Calls initiated for 0 of 250 customers",\
            "results":{"totalMatched":500,"customersSelected":250,"initiated":0,"failed":250,"batchesProcessed":1,\
            "errors":[{"batch":1,"error":"Call initiation failed","reason":"Workflow runner timeout",\
            "affectedCustomers":250}],"skipped":{"activeCall":0,"doNotCall":0,"attemptLimit":0,\
            "outsideCallingWindow":0},"initiationId":"ini_01jc9x3m8f6d2r4t5v7w9y0z1a"}}""";
}
