package io.agentcalls.runner;

import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.common.ApiException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks a batch of runner events field by field and turns it into {@link RunnerEvent}s; every
 * problem is reported at once, named by its path ({@code events[3].at}). Written out rather than
 * annotated: it runs for every event of the hottest endpoint.
 */
final class RunnerEventsValidation {

    static final int MAX_EVENTS = 1_000;
    static final int MAX_DURATION_SECONDS = 86_400;
    private static final int MAX_ID = 100;
    private static final int MAX_URL = 2_048;
    private static final int MAX_TRANSCRIPT = 1_000_000;

    private RunnerEventsValidation() {}

    static List<RunnerEvent> toEvents(RunnerEventsController.EventsRequest request) {
        if (request.events() == null) {
            throw ApiException.validation("events must not be null");
        }
        if (request.events().size() > MAX_EVENTS) {
            throw ApiException.validation("events must not have more than " + MAX_EVENTS + " events");
        }
        List<String> errors = new ArrayList<>();
        List<RunnerEvent> events = new ArrayList<>(request.events().size());
        for (int i = 0; i < request.events().size(); i++) {
            RunnerEvent event = toEvent("events[" + i + "]", request.events().get(i), errors);
            if (event != null) {
                events.add(event);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return events;
    }

    private static RunnerEvent toEvent(String path, RunnerEventsController.EventBody body, List<String> errors) {
        if (body == null) {
            errors.add(path + " must not be null");
            return null;
        }
        int before = errors.size();
        text(path + ".callId", body.callId(), MAX_ID, true, errors);
        CallStatus status = CallStatus.parse(body.status()).orElse(null);
        if (status == null) {
            errors.add(path + ".status must be one of " + CallStatus.VALUES);
        }
        OffsetDateTime at = IsoTimes.parse(body.at());
        if (at == null) {
            errors.add(path + ".at must be an ISO-8601 time with offset, e.g. 2026-11-01T10:15:30+05:30");
        }
        Integer duration = duration(body.durationSeconds());
        if (duration != null && duration < 0) {
            errors.add(path + ".durationSeconds must be an integer from 0 to " + MAX_DURATION_SECONDS);
        }
        RunnerEventsController.DispositionBody disposition = body.disposition();
        if (disposition != null) {
            text(path + ".disposition.code", disposition.code(), MAX_ID, true, errors);
        }
        text(path + ".recordingUrl", body.recordingUrl(), MAX_URL, false, errors);
        text(path + ".transcript", body.transcript(), MAX_TRANSCRIPT, false, errors);
        if (errors.size() > before) {
            return null;
        }
        return new RunnerEvent(
                body.callId(),
                status,
                at,
                duration,
                disposition == null ? null : new RunnerEvent.Disposition(disposition.code(), disposition.data()),
                body.recordingUrl(),
                body.transcript());
    }

    private static void text(String path, String value, int max, boolean required, List<String> errors) {
        if (required && (value == null || value.isBlank())) {
            errors.add(path + " must not be blank");
        } else if (value != null && value.length() > max) {
            errors.add(path + " must not be longer than " + max + " characters");
        }
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
}
