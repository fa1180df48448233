package io.agentcalls.webhook;

import java.time.Duration;

/**
 * What one HTTP attempt came to: a response (its code, up to 1 KB of its body, and a Retry-After
 * if it gave one) or, with no response, the category of the failure (timeout, connection refused,
 * address not allowed, …) as the delivery log shows it.
 */
record SendResult(Integer responseCode, String responseBody, String error, Duration retryAfter, int durationMs) {

    static SendResult response(int code, String body, Duration retryAfter, int durationMs) {
        return new SendResult(code, body, null, retryAfter, durationMs);
    }

    static SendResult failure(FailureCategory category, int durationMs) {
        return new SendResult(null, null, category.label(), null, durationMs);
    }

    boolean isSuccess() {
        return responseCode != null && responseCode >= 200 && responseCode <= 299;
    }

    boolean isGone() {
        return responseCode != null && responseCode == 410;
    }
}
