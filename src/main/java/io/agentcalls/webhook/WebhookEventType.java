package io.agentcalls.webhook;

import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The events an endpoint can subscribe to, by their wire names. */
enum WebhookEventType {
    CALL_INITIATED("call.initiated"),
    CALL_RINGING("call.ringing"),
    CALL_ANSWERED("call.answered"),
    CALL_COMPLETED("call.completed"),
    CALL_NO_ANSWER("call.no_answer"),
    CALL_FAILED("call.failed"),
    CALL_VOICEMAIL("call.voicemail"),
    CALL_DISPOSITION("call.disposition"),
    INITIATION_COMPLETED("initiation.completed");

    static final String KNOWN = Arrays.stream(values()).map(t -> t.wireName).collect(Collectors.joining(", "));

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /**
     * The event a call status produces, or empty for statuses integrators are not told about
     * ({@code queued}, {@code cancelled}) and statuses this version does not know.
     */
    static Optional<WebhookEventType> forCallStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (status) {
                    case "initiated" -> CALL_INITIATED;
                    case "ringing" -> CALL_RINGING;
                    case "in_progress" -> CALL_ANSWERED;
                    case "completed" -> CALL_COMPLETED;
                    // a busy line is a call the customer did not answer; data.status says "busy"
                    case "no_answer", "busy" -> CALL_NO_ANSWER;
                    case "failed", "failed_to_initiate" -> CALL_FAILED;
                    case "voicemail" -> CALL_VOICEMAIL;
                    default -> null;
                });
    }

    static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** One error per name that is no event type, naming its position in {@code events}. */
    static List<String> errorsIn(List<String> names) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null || fromWireName(names.get(i)).isEmpty()) {
                errors.add("events[" + i + "] must be one of: " + KNOWN);
            }
        }
        return errors;
    }

    /** A subscription as stored: valid names, each once, in the order given. */
    static List<String> parseSubscription(List<String> names) {
        List<String> errors = errorsIn(names);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }
}
