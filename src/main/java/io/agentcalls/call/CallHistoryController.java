package io.agentcalls.call;

import io.agentcalls.organization.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The TimePay Agents API's call details and logs pages, at their paths. */
@Tag(name = "Call history (TimePay)")
@RestController
class CallHistoryController {

    private final CallService calls;

    CallHistoryController(CallService calls) {
        this.calls = calls;
    }

    /** {@code {success, data}}. */
    record Details(boolean success, Map<String, Object> data) {}

    /** {@code {success, data, pagination}}, the logs' snake_case pagination. */
    record Logs(boolean success, List<Map<String, Object>> data, Pagination pagination) {}

    @Schema(name = "LogsPagination")
    record Pagination(int page, int per_page, long total, long total_pages, boolean has_next, boolean has_prev) {}

    /** {@code count_only=true}: {@code {success, data: {total}}}. */
    record Count(boolean success, Map<String, Long> data) {}

    @Operation(
            operationId = "getCallDetails",
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "The call details",
                        content = @Content(schema = @Schema(implementation = CallDocs.DetailsAnswer.class)))
            },
            summary = "Get call details",
            description = "A call as the TimePay Agents API's call details page shows it.")
    @GetMapping("/api/v1/communication/call/{callId}")
    Details call(Caller caller, @PathVariable String callId) {
        return new Details(true, calls.callDetails(caller.organizationId(), callId));
    }

    @Operation(
            operationId = "listCallLogs",
            parameters = {
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "type",
                        description = "call (whatsapp and sms match nothing)",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "status",
                        description = "A documented word (Contacted, No Contact...) or one of ours",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "disposition",
                        description = "The outcome's name, code or id",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "from_phone",
                        description = "The caller-ID number",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "phone",
                        description = "The customer's number",
                        schema = @Schema(type = "string")),
                @Parameter(in = ParameterIn.QUERY, name = "campaign_id", schema = @Schema(type = "string")),
                @Parameter(in = ParameterIn.QUERY, name = "agent_id", schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "start_time",
                        description = "ISO-8601, UTC unless an offset is given; a date alone is the whole day",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "end_time",
                        description = "ISO-8601, inclusive",
                        schema = @Schema(type = "string")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "page",
                        description = "From 1",
                        schema = @Schema(type = "integer", minimum = "1")),
                @Parameter(
                        in = ParameterIn.QUERY,
                        name = "count_only",
                        description = "true: only data.total",
                        schema = @Schema(type = "boolean"))
            },
            responses = {
                @io.swagger.v3.oas.annotations.responses.ApiResponse(
                        responseCode = "200",
                        description = "A page of call logs, or the total alone with count_only=true",
                        content = @Content(schema = @Schema(implementation = CallDocs.LogsAnswer.class)))
            },
            summary = "List call logs",
            description =
                    "Ten calls a page, newest first, with the TimePay filters; `count_only=true` answers only the total.")
    @GetMapping("/api/v1/logs")
    Object logs(Caller caller, @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        LogQuery.Parsed parsed = LogQuery.parse(query);
        long total = calls.countLogs(caller.organizationId(), parsed.filter());
        if (parsed.countOnly()) {
            return new Count(true, Map.of("total", total));
        }
        int size = LogQuery.PAGE_SIZE;
        long pages = (total + size - 1) / size;
        List<Map<String, Object>> items = calls.logs(caller.organizationId(), parsed.filter(), parsed.page(), size);
        return new Logs(
                true,
                items,
                new Pagination(parsed.page(), size, total, pages, parsed.page() < pages, parsed.page() > 1));
    }
}
