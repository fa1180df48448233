package io.agentcalls.console;

import io.agentcalls.common.ApiException;
import io.agentcalls.initiation.LaunchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Runs the launch page's requests through the launch service and reads its answers for the page. */
@Component
class LaunchAnswers {

    static final int SAMPLES = 3;
    /** The skip reasons of the API's {@code skipped} object, as the page names them. */
    private static final Map<String, String> SKIP_REASONS = Map.of(
            "activeCall", "Already in an active call",
            "doNotCall", "On the do-not-call list",
            "attemptLimit", "Attempt limit reached",
            "outsideCallingWindow", "Outside the calling window");

    private final LaunchService launches;
    private final ObjectMapper objectMapper;

    LaunchAnswers(LaunchService launches, ObjectMapper objectMapper) {
        this.launches = launches;
        this.objectMapper = objectMapper;
    }

    /**
     * A dry run's figures, or why there are none.
     *
     * @param skipped by reason, every reason listed
     */
    record Preview(
            boolean ok,
            Long matched,
            Long wouldCall,
            Map<String, Long> skipped,
            String message,
            List<String> errors,
            List<LaunchService.Sample> samples,
            List<String> variables) {}

    /** A launch's outcome: done (redirect to the monitor) or refused with its status. */
    record Launched(boolean done, int status, String message, List<String> errors) {}

    Preview preview(String organizationId, String campaignId, LaunchForm form) {
        LaunchForm.Built built = form.body(true);
        if (!built.errors().isEmpty()) {
            return refused(null, "Some filters are not valid", built.errors());
        }
        LaunchService.Answer answer;
        try {
            answer = launches.initiate(organizationId, campaignId, null, built.body());
        } catch (ApiException e) {
            return refused(null, e.getMessage(), e.errors());
        }
        JsonNode body = objectMapper.readTree(answer.body());
        JsonNode results = body.path("results").isObject() ? body.path("results") : body;
        Long matched =
                results.has("totalMatched") ? results.path("totalMatched").asLong() : null;
        Long selected = results.has("customersSelected")
                ? results.path("customersSelected").asLong()
                : null;
        List<LaunchService.Sample> samples = List.of();
        if (matched != null && matched > 0) {
            try {
                samples = launches.samples(organizationId, campaignId, built.body(), SAMPLES);
            } catch (ApiException e) {
                samples = List.of(); // the dry run's answer already says what is wrong
            }
        }
        List<String> variables = samples.isEmpty()
                ? List.of()
                : List.copyOf(samples.get(0).variables().keySet());
        return new Preview(
                answer.status() < 300,
                matched,
                selected,
                skipped(results.path("skipped")),
                body.path("message").asString(""),
                errors(body),
                samples,
                variables);
    }

    Launched launch(String organizationId, String campaignId, LaunchForm form) {
        LaunchForm.Built built = form.body(false);
        if (!built.errors().isEmpty()) {
            return new Launched(false, 400, "Some filters are not valid", built.errors());
        }
        LaunchService.Answer answer;
        try {
            answer = launches.initiate(organizationId, campaignId, form.idempotencyKey(), built.body());
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                // the same form sent twice (a double click) while the first launch runs: it runs once
                return new Launched(true, 409, "This launch is already under way; it runs once.", List.of());
            }
            return new Launched(false, e.status().value(), e.getMessage(), e.errors());
        }
        JsonNode body = objectMapper.readTree(answer.body());
        String message = body.path("message").asString("");
        if (answer.status() >= 300) {
            return new Launched(false, answer.status(), message, errors(body));
        }
        return new Launched(
                true,
                answer.status(),
                answer.replayed() ? message + " (launched once: this form was sent before)" : message,
                List.of());
    }

    private static Preview refused(Long matched, String message, List<String> errors) {
        return new Preview(false, matched, null, Map.of(), message, errors, List.of(), List.of());
    }

    private static Map<String, Long> skipped(JsonNode skipped) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (String reason : List.of("activeCall", "doNotCall", "attemptLimit", "outsideCallingWindow")) {
            byReason.put(SKIP_REASONS.get(reason), skipped.path(reason).asLong(0));
        }
        return byReason;
    }

    private static List<String> errors(JsonNode body) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.asString("")));
        return errors;
    }
}
