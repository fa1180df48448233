package io.agentcalls.webhook;

import io.agentcalls.common.Settings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.webhooks.*}.
 *
 * @param allowHttp AGENTCALLS_WEBHOOKS_ALLOW_HTTP: allow http to loopback and private addresses
 *     (tests, demos); never in production
 * @param pollInterval how often each node looks for due deliveries when it was not woken earlier
 * @param backoffScale multiplies every retry delay; 1 in production, tiny in tests
 * @param timeout of one delivery attempt, connection and response together
 * @param maxConcurrency deliveries in flight at once on this node
 * @param maxInFlightPerOrganization deliveries of one organization in flight at once, across all
 *     nodes: a slow or hanging endpoint holds no more workers than this, the others serve the rest
 * @param maxPerOrganization webhook endpoints an organization may have
 * @param allowedPorts AGENTCALLS_WEBHOOKS_ALLOWED_PORTS: ports and ranges ({@code 443, 8443,
 *     9000-9099}) webhook URLs may use; empty: 443, and 80 too with allowHttp
 */
@ConfigurationProperties("agentcalls.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1.0") double backoffScale,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("16") int maxConcurrency,
        @DefaultValue("4") int maxInFlightPerOrganization,
        @DefaultValue("20") int maxPerOrganization,
        @DefaultValue List<PortRange> allowedPorts) {

    WebhookProperties {
        Settings.atLeast("agentcalls.webhooks.max-concurrency", maxConcurrency, 1);
        Settings.atLeast("agentcalls.webhooks.max-in-flight-per-organization", maxInFlightPerOrganization, 1);
    }
}
