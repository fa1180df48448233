package io.agentcalls.voice;

import java.net.URI;
import java.util.Objects;

/**
 * A voice connection as a provider needs it: decrypted credentials, never logged or returned.
 *
 * @param baseUrl {@code agentcalls.providers.<name>.base-url}, so tests and proxies can point elsewhere
 * @param webhookSecret what the provider signs its webhooks with (Vapi: the server secret; Retell:
 *     the API key itself), or {@code null} when the provider's signature uses the API key
 * @param maxConcurrentCalls the account's limit on calls in progress at once
 * @param callsPerSecond the most new calls a second, or {@code null} for no limit of ours
 */
public record ProviderConnection(
        String id,
        String organizationId,
        String provider,
        URI baseUrl,
        String apiKey,
        String webhookSecret,
        int maxConcurrentCalls,
        Double callsPerSecond) {

    public ProviderConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + id + ", " + provider + "]";
    }
}
