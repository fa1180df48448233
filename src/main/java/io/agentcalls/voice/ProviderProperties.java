package io.agentcalls.voice;

import io.agentcalls.common.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.providers.*}: where each provider's API is and how long we wait for it. The base
 * URLs default to the providers' own; tests and egress proxies point them elsewhere.
 *
 * @param vapi AGENTCALLS_PROVIDERS_VAPI_BASE_URL, …_CONNECT_TIMEOUT, …_TIMEOUT
 * @param retell AGENTCALLS_PROVIDERS_RETELL_BASE_URL, …_CONNECT_TIMEOUT, …_TIMEOUT
 * @param webhookReceipts how long an applied provider webhook is remembered, to refuse its replay
 */
@ConfigurationProperties("agentcalls.providers")
record ProviderProperties(
        @DefaultValue Vapi vapi,
        @DefaultValue Retell retell,
        @DefaultValue("30d") Duration webhookReceipts) {

    ProviderProperties {
        Settings.positive("agentcalls.providers.webhook-receipts", webhookReceipts);
    }

    /**
     * One provider's API.
     *
     * @param connectTimeout a connection not made in this time was never a request: the dial is retried
     * @param timeout the whole answer; past it the call may be ringing, so the dial is {@code Unknown}
     */
    record Endpoint(URI baseUrl, Duration connectTimeout, Duration timeout) {

        Endpoint {
            String url = baseUrl.toString();
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("a provider base-url must be http(s): " + url);
            }
            baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
    }

    record Vapi(
            @DefaultValue("https://api.vapi.ai") URI baseUrl,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration timeout) {

        Vapi {
            Settings.positive("agentcalls.providers.vapi.connect-timeout", connectTimeout);
            Settings.positive("agentcalls.providers.vapi.timeout", timeout);
        }
    }

    record Retell(
            @DefaultValue("https://api.retellai.com") URI baseUrl,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration timeout) {

        Retell {
            Settings.positive("agentcalls.providers.retell.connect-timeout", connectTimeout);
            Settings.positive("agentcalls.providers.retell.timeout", timeout);
        }
    }

    Endpoint vapiEndpoint() {
        return new Endpoint(vapi.baseUrl(), vapi.connectTimeout(), vapi.timeout());
    }

    Endpoint retellEndpoint() {
        return new Endpoint(retell.baseUrl(), retell.connectTimeout(), retell.timeout());
    }

    /** The API of a provider with settings here; empty for one that has none (the simulator). */
    Optional<Endpoint> endpoint(String provider) {
        return switch (provider) {
            case VapiProvider.NAME -> Optional.of(vapiEndpoint());
            case RetellProvider.NAME -> Optional.of(retellEndpoint());
            default -> Optional.empty();
        };
    }
}
