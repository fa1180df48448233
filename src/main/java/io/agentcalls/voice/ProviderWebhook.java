package io.agentcalls.voice;

import java.util.Map;
import java.util.Objects;

/**
 * A webhook exactly as it arrived: the signature covers the raw bytes, so nothing is parsed before
 * it is verified.
 *
 * @param headers lower-cased header names
 */
public record ProviderWebhook(Map<String, String> headers, byte[] body) {

    public ProviderWebhook {
        Objects.requireNonNull(body, "body");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
