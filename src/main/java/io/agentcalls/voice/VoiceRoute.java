package io.agentcalls.voice;

import java.util.Objects;

/**
 * How an agent's calls are placed: the connection (credentials decrypted), the provider that speaks
 * to it, and the provider's own id for the agent's assistant.
 */
public record VoiceRoute(ProviderConnection connection, VoiceProvider provider, String providerAgentId) {

    public VoiceRoute {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(provider, "provider");
    }
}
