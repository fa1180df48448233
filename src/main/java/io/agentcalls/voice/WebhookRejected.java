package io.agentcalls.voice;

/** A provider webhook that is not verifiably the provider's: answered 401, changes nothing. */
public final class WebhookRejected extends RuntimeException {

    private WebhookRejected(String message) {
        super(message);
    }

    public static WebhookRejected because(String message) {
        return new WebhookRejected(message);
    }
}
