package io.agentcalls.initiation;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.ApiExceptionHandler;
import io.agentcalls.common.ErrorTypes;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.InitiationResult.Failed;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.selection.SkipCounts;
import io.agentcalls.initiation.selection.SkipReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Says what an initiation came to in HTTP: the status codes and messages of the Initiate Call(s)
 * contract ({@code shared/SEED-initiate-calls.md}), to the letter, as the answer that is sent and
 * stored for idempotent replay.
 */
@Component
class InitiationResponses {

    static final String FORBIDDEN = "Campaign ID invalid or mismatch for your organization.";
    static final String CAMPAIGN_NOT_FOUND = "Campaign not found";
    static final String CAMPAIGN_NOT_ACTIVE =
            "Cannot initiate calls: the campaign is not active (paused, completed or draft)";

    private final ObjectMapper objectMapper;

    InitiationResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    InitiationOutcome of(InitiationResult result) {
        if (result instanceof Completed completed) {
            return completed(completed.results());
        }
        if (result instanceof Rejected rejected) {
            return error(rejection(rejected));
        }
        if (result instanceof Failed) {
            return internalError();
        }
        throw new IllegalArgumentException("Unknown result " + result);
    }

    /** An error thrown on the way (a filter naming no field of the campaign), in the envelope. */
    InitiationOutcome error(ApiException e) {
        return outcome(e.status(), ApiExceptionHandler.bodyOf(e));
    }

    InitiationOutcome internalError() {
        return outcome(HttpStatus.INTERNAL_SERVER_ERROR, ApiExceptionHandler.internalErrorBody());
    }

    private InitiationOutcome completed(InitiationResults results) {
        long selected = results.customersSelected();
        if (Boolean.TRUE.equals(results.dryRun())) {
            return completed(
                    HttpStatus.OK, true, "Dry run: calls would be initiated for " + selected + " customers", results);
        }
        if (results.initiated() == selected) {
            return completed(HttpStatus.OK, true, "Calls initiated for " + selected + " customers", results);
        }
        String message = "Calls initiated for " + results.initiated() + " of " + selected + " customers";
        HttpStatus status = results.initiated() == 0 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.MULTI_STATUS;
        return completed(status, false, message, results);
    }

    private InitiationOutcome completed(HttpStatus status, boolean success, String message, InitiationResults results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        if (status.is5xxServerError()) { // the contract's 500 word, like every error envelope's
            body.put("error", ErrorTypes.INITIATE_CALLS_INTERNAL_ERROR);
        }
        body.put("message", message);
        body.put("results", results);
        return outcome(status, body);
    }

    /** The contract's refusal for a rejected initiation, as the error it answers. */
    static ApiException rejection(Rejected rejected) {
        return switch (rejected.reason()) {
            case CAMPAIGN_FORBIDDEN -> new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
            case CAMPAIGN_NOT_FOUND -> ApiException.notFound(CAMPAIGN_NOT_FOUND);
            case CAMPAIGN_NOT_ACTIVE -> ApiException.badRequest(CAMPAIGN_NOT_ACTIVE);
            case AGENT_NOT_FOUND -> ApiException.notFound("Agent not found");
            case DISPOSITION_NOT_FOUND -> ApiException.notFound("Disposition not found");
            case NO_ACTIVE_NUMBERS -> ApiException.badRequest("No active numbers available for this organization");
            case NO_MATCHING_CUSTOMERS -> ApiException.notFound("No customers found matching the given filters");
            case ALL_SKIPPED -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("totalMatched", rejected.totalMatched());
                counts.put("customersSelected", 0);
                counts.put("skipped", rejected.skipped());
                yield new ApiException(
                        HttpStatus.BAD_REQUEST,
                        allSkipped(rejected.totalMatched(), rejected.skipped()),
                        List.of(),
                        counts);
            }
            case MISSING_VARIABLES -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("totalMatched", rejected.totalMatched());
                counts.put("customersSelected", rejected.customersSelected());
                yield new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "Cannot initiate calls: Missing variables: " + String.join(", ", rejected.missingVariables()),
                        List.of(),
                        counts);
            }
        };
    }

    private static String allSkipped(long matched, SkipCounts skipped) {
        StringBuilder why = new StringBuilder();
        for (SkipReason reason : SkipReason.values()) {
            long count = skipped.of(reason);
            if (count > 0) {
                why.append(why.length() == 0 ? "" : ", ")
                        .append(describe(reason))
                        .append(": ")
                        .append(count);
            }
        }
        return "Cannot initiate calls: all " + matched + " matching customers were skipped by safeguards (" + why + ")";
    }

    private static String describe(SkipReason reason) {
        return switch (reason) {
            case ACTIVE_CALL -> "an active call";
            case DO_NOT_CALL -> "on the do-not-call list";
            case ATTEMPT_LIMIT -> "attempt limit reached";
            case OUTSIDE_CALLING_WINDOW -> "outside the calling window";
            case CONTACT_POLICY -> "the organization's contact policy";
        };
    }

    private InitiationOutcome outcome(HttpStatus status, Map<String, Object> body) {
        return new InitiationOutcome(status.value(), objectMapper.writeValueAsString(body), false);
    }
}
