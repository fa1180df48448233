package io.agentcalls.voice;

import java.time.OffsetDateTime;

/**
 * A voice connection as the API shows it: credentials never, only the API key's last four characters
 * and whether a webhook secret is set.
 *
 * @param webhookPath where the provider must send its webhooks, on this service's public address
 */
public record VoiceConnection(
        String id,
        String provider,
        String name,
        String apiKeyLast4,
        boolean webhookSecretSet,
        int maxConcurrentCalls,
        Double callsPerSecond,
        String webhookPath,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static String webhookPath(String provider, String id) {
        return "/api/v1/providers/" + provider + "/events/" + id;
    }
}
