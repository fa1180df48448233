package io.agentcalls.webhook;

import java.time.Duration;

/**
 * What one HTTP attempt came to: a response (its code, up to 1 KB of its body, and a Retry-After
 * if it gave one) or an error (timeout, refused connection, refused URL) with no response.
 */
record SendResult(Integer responseCode, String responseBody, String error, Duration retryAfter, int durationMs) {

    static SendResult response(int code, String body, Duration retryAfter, int durationMs) {
        return new SendResult(code, body, null, retryAfter, durationMs);
    }

    static SendResult failure(String error, int durationMs) {
        return new SendResult(null, null, error, null, durationMs);
    }

    boolean isSuccess() {
        return responseCode != null && responseCode >= 200 && responseCode <= 299;
    }

    boolean isGone() {
        return responseCode != null && responseCode == 410;
    }
}
