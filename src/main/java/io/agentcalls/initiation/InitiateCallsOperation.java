package io.agentcalls.initiation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Initiate Call(s) in the OpenAPI document: its body with the contract's usage examples, and its six
 * answers with the contract's examples ({@link InitiateCallsDocs}). A meta-annotation, so the
 * controller method stays readable.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
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
@interface InitiateCallsOperation {}
