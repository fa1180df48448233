package io.agentcalls.runner;

import io.agentcalls.call.CallService;
import io.agentcalls.call.RunnerEventsResult;
import io.agentcalls.common.ApiResponse;
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
            JsonNode durationSeconds,
            DispositionBody disposition,
            String recordingUrl,
            String transcript) {}

    record DispositionBody(String code, Map<String, Object> data) {}

    @PostMapping("/api/v1/runner/events")
    ApiResponse<RunnerEventsResult> events(@RequestBody EventsRequest request) {
        return ApiResponse.of(calls.applyRunnerEvents(RunnerEventsValidation.toEvents(request)));
    }
}
