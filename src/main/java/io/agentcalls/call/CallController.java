package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import io.agentcalls.common.PageRequest;
import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Calls")
@RestController
class CallController {

    private final CallService calls;

    CallController(CallService calls) {
        this.calls = calls;
    }

    @Operation(
            operationId = "listCalls",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "A page of calls",
                        content = @Content(schema = @Schema(implementation = CallDocs.Page.class)))
            },
            summary = "List calls",
            description =
                    "Newest first, a page at a time; filtered by campaign, customer, initiation, `status` (comma-separated) and `since`.")
    @GetMapping("/api/v1/calls")
    ApiResponse<List<Map<String, Object>>> list(
            Caller caller,
            @RequestParam(required = false) String campaignId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String initiationId,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        List<String> errors = new ArrayList<>();
        List<CallStatus> statuses = statuses(status, errors);
        OffsetDateTime sinceTime = since(since, errors);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        CallFilter filter = new CallFilter(
                blankToNull(campaignId), statuses, blankToNull(customerId), blankToNull(initiationId), sinceTime);
        return ApiResponse.page(calls.listCalls(caller.organizationId(), filter, PageRequest.of(limit, cursor)));
    }

    @Operation(
            operationId = "getCall",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The call",
                        content = @Content(schema = @Schema(implementation = CallDocs.One.class)))
            },
            summary = "Get a call",
            description = "One call with its status times and outcome.")
    @GetMapping("/api/v1/calls/{callId}")
    ApiResponse<Map<String, Object>> get(Caller caller, @PathVariable String callId) {
        return ApiResponse.of(calls.getCall(caller.organizationId(), callId));
    }

    @Operation(
            operationId = "cancelCall",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The call, cancelled",
                        content = @Content(schema = @Schema(implementation = CallDocs.One.class))),
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "409",
                        description = "The call is answered or over: it cannot be cancelled",
                        content = @Content(schema = @Schema(implementation = io.agentcalls.common.ErrorResponse.class)))
            },
            summary = "Cancel a call",
            description =
                    "Cancels a call not answered yet (`queued`, `initiated`, `ringing`); an already cancelled call is answered unchanged; any other is `409`.")
    @PostMapping("/api/v1/calls/{callId}/cancel")
    ApiResponse<Map<String, Object>> cancel(Caller caller, @PathVariable String callId) {
        return ApiResponse.of(calls.cancelCall(caller.organizationId(), callId));
    }

    @Operation(
            operationId = "cancelInitiationCalls",
            summary = "Cancel an initiation's calls",
            description =
                    "Cancels every call of the initiation that is not answered yet; says how many were and were not cancellable.")
    @PostMapping("/api/v1/initiations/{initiationId}/cancel")
    ApiResponse<CallService.CancelledCalls> cancelInitiation(Caller caller, @PathVariable String initiationId) {
        return ApiResponse.of(calls.cancelInitiation(caller.organizationId(), initiationId));
    }

    /** {@code status=completed} or several, comma-separated: {@code status=no_answer,busy}. */
    private static List<CallStatus> statuses(String status, List<String> errors) {
        if (status == null || status.isBlank()) {
            return List.of();
        }
        List<CallStatus> statuses = new ArrayList<>();
        for (String value : status.split(",")) {
            CallStatus.parse(value.trim()).ifPresentOrElse(statuses::add, () -> {
                if (!errors.contains(STATUS_ERROR)) {
                    errors.add(STATUS_ERROR);
                }
            });
        }
        return statuses;
    }

    private static final String STATUS_ERROR = "status must be one of " + CallStatus.VALUES;

    /** An unencoded '+' of the offset arrives as a space; read it as the '+' it was. */
    private static OffsetDateTime since(String since, List<String> errors) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            errors.add("since must be an ISO-8601 time with offset, e.g. 2026-11-01T00:00:00+05:30");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
