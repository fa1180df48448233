package io.agentcalls.voice;

/**
 * One voice-AI provider, written from its published contract. Adding a provider is one new class
 * implementing this interface (a Spring bean) and its tests; nothing else names providers.
 *
 * <p>Implementations make one HTTP request per method and keep no state: every node runs them, and
 * what must survive a crash lives in the database of whoever calls them.
 */
public interface VoiceProvider {

    /** The name used in connections, settings and webhook paths: {@code vapi}, {@code retell}, … */
    String name();

    /**
     * Asks the provider to place one call. Our call id travels in the provider's metadata so the
     * provider's webhooks name it, and it is the provider's idempotency key where the provider has one.
     */
    DialOutcome place(ProviderConnection connection, Dial dial);

    /** Ends or withdraws a call the provider placed; an id the provider no longer knows is not an error. */
    void hangUp(ProviderConnection connection, String providerCallId);

    /**
     * Verifies a webhook as this provider signs it and translates it into our call events (none for
     * messages that change nothing).
     *
     * @throws WebhookRejected when the signature is missing, wrong or replayed, or the body is not
     *     the provider's
     */
    ProviderEvents receive(ProviderConnection connection, ProviderWebhook webhook);

    /** Checks the connection's credentials with a read-only request. */
    ConnectionCheck check(ProviderConnection connection);
}
