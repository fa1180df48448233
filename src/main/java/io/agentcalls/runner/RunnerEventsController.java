package io.agentcalls.runner;

import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.call.RunnerEventsResult;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    static final int MAX_EVENTS = 1_000;
    static final int MAX_DURATION_SECONDS = 86_400;

    private final CallService calls;

    RunnerEventsController(CallService calls) {
        this.calls = calls;
    }

    record EventsRequest(
            @NotNull @Size(max = MAX_EVENTS, message = "must not have more than " + MAX_EVENTS + " events")
            List<@NotNull @Valid EventBody> events) {}

    record EventBody(
            @NotBlank @Size(max = 100) String callId,
            @NotBlank String status,
            @NotBlank String at,
            // read as a node: the shared mapper would truncate 74.5 to 74 for an Integer
            JsonNode durationSeconds,
            @Valid DispositionBody disposition,
            @Size(max = 2_048) String recordingUrl,
            @Size(max = 1_000_000) String transcript) {}

    record DispositionBody(@NotBlank @Size(max = 100) String code, Map<String, Object> data) {}

    @PostMapping("/api/v1/runner/events")
    ApiResponse<RunnerEventsResult> events(@Valid @RequestBody EventsRequest request) {
        return ApiResponse.of(calls.applyRunnerEvents(toEvents(request.events())));
    }

    private static List<RunnerEvent> toEvents(List<EventBody> bodies) {
        List<String> errors = new ArrayList<>();
        List<RunnerEvent> events = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            EventBody body = bodies.get(i);
            CallStatus status = CallStatus.parse(body.status()).orElse(null);
            if (status == null) {
                errors.add("events[" + i + "].status must be one of " + CallStatus.VALUES);
            }
            OffsetDateTime at = time(body.at());
            if (at == null) {
                errors.add("events[" + i + "].at must be an ISO-8601 time with offset, e.g. 2026-11-01T10:15:30+05:30");
            }
            Integer duration = duration(body.durationSeconds());
            if (duration != null && duration < 0) {
                errors.add("events[" + i + "].durationSeconds must be an integer from 0 to " + MAX_DURATION_SECONDS);
            }
            if (status != null && at != null && (duration == null || duration >= 0)) {
                events.add(new RunnerEvent(
                        body.callId(),
                        status,
                        at,
                        duration,
                        body.disposition() == null
                                ? null
                                : new RunnerEvent.Disposition(
                                        body.disposition().code(),
                                        body.disposition().data()),
                        body.recordingUrl(),
                        body.transcript()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return events;
    }

    /** Null when absent; -1 for anything but a whole number of seconds in range. */
    private static Integer duration(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            return -1;
        }
        int seconds = node.intValue();
        return seconds >= 0 && seconds <= MAX_DURATION_SECONDS ? seconds : -1;
    }

    private static OffsetDateTime time(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
