package io.agentcalls.runner;

import io.agentcalls.call.CallService;
import io.agentcalls.call.RunnerEventsResult;
import io.agentcalls.common.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/runner/events}: the workflow runner reports what happened to its calls. The
 * signature was checked by {@link RunnerSignatureFilter}; here the body is validated as a whole
 * (a malformed event fails the request, naming it) and then applied event by event.
 */
@Tag(name = "Runner events")
@RestController
class RunnerEventsController {

    private final CallService calls;

    RunnerEventsController(CallService calls) {
        this.calls = calls;
    }

    record EventsRequest(List<EventBody> events) {}

    /** @param durationSeconds a node: the shared mapper would truncate 74.5 to 74 for an Integer */
    record EventBody(
            String callId,
            String status,
            String at,

            @Schema(type = "number", description = "Talk time in seconds")
            JsonNode durationSeconds,

            DispositionBody disposition,
            String recordingUrl,
            String transcript) {}

    record DispositionBody(String code, Map<String, Object> data) {}

    @Operation(
            operationId = "reportRunnerEvents",
            summary = "Report call events (runner)",
            description =
                    "For the workflow runner: status events of the calls it places, signed with the runner secret (docs/RUNNER-PROTOCOL.md). Not for API keys.")
    @PostMapping("/api/v1/runner/events")
    ApiResponse<RunnerEventsResult> events(@RequestBody EventsRequest request) {
        return ApiResponse.of(calls.applyRunnerEvents(RunnerEventsValidation.toEvents(request)));
    }
}
