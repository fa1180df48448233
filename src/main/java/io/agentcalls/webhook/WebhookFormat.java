package io.agentcalls.webhook;

import io.agentcalls.call.DocumentedCallStatus;
import io.agentcalls.common.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How an endpoint is told of events. {@code standard}: Standard Webhooks (signed headers, our event
 * types, the call as our API shows it), the default. {@code timepay}: the TimePay Agents API's webhook
 * guide ({@code Authorization: Bearer <secret>}, the events Contacted, No Contact and Failed, its
 * payload fields), for integrations written against that API.
 */
enum WebhookFormat {
    STANDARD("standard"),
    TIMEPAY("timepay");

    /** The documented events, every one of them unless an endpoint names fewer. */
    static final List<String> TIMEPAY_EVENTS =
            List.of(DocumentedCallStatus.CONTACTED, DocumentedCallStatus.NO_CONTACT, DocumentedCallStatus.FAILED);

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;

    private final String value;

    WebhookFormat(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** A stored format; an unknown one (a newer version's) is treated as standard. */
    static WebhookFormat of(String value) {
        return TIMEPAY.value.equals(value) ? TIMEPAY : STANDARD;
    }

    /** The format a request names: absent is standard; anything else but the two is an error. */
    static WebhookFormat parse(String value, List<String> errors) {
        if (value == null || value.equals(STANDARD.value)) {
            return STANDARD;
        }
        if (value.equals(TIMEPAY.value)) {
            return TIMEPAY;
        }
        errors.add("format must be standard or timepay");
        return STANDARD;
    }

    /** One error per name this format has no event of, naming its position in {@code events}. */
    List<String> eventErrors(List<String> names) {
        if (this == STANDARD) {
            return WebhookEventType.errorsIn(names);
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!TIMEPAY_EVENTS.contains(names.get(i))) {
                errors.add("events[" + i + "] must be one of: " + String.join(", ", TIMEPAY_EVENTS));
            }
        }
        return errors;
    }

    /** A subscription as stored: valid names, each once, in the order given. */
    List<String> subscription(List<String> names) {
        List<String> errors = eventErrors(names);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /**
     * A secret the client chose (timepay only: the token its receiver expects): 16 to 256 printable
     * ASCII characters without spaces. Standard endpoints are always given a generated signing key.
     */
    void checkChosenSecret(String secret, List<String> errors) {
        if (secret == null) {
            return;
        }
        if (this == STANDARD) {
            errors.add("secret can be chosen only with format timepay; standard endpoints get a signing secret");
        } else if (secret.length() < MIN_SECRET
                || secret.length() > MAX_SECRET
                || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.add("secret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " printable ASCII characters without spaces");
        }
    }
}
