package io.agentcalls.runner;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.dial.*}: the built-in runner's dialer (docs/CALLS.md, "The dial queue").
 *
 * @param pollInterval AGENTCALLS_DIAL_POLL_INTERVAL: how often every node looks for due calls;
 *     {@link Dialer} is scheduled by this key
 * @param batchSize the most calls one pass claims
 * @param perCampaign the most due calls one pass reads per campaign (the safeguards check them)
 * @param parallelism AGENTCALLS_DIAL_PARALLELISM: provider requests in flight at once on this node
 * @param lease a dial claim not renewed for this long is taken as possibly placed (held, never redialed)
 * @param backoff the first wait after a provider asked to try later without saying how long; doubles
 *     per attempt up to {@code maxBackoff}
 * @param metricsInterval how often the queue depth and calls in progress gauges are read; {@link
 *     DialMetrics} is scheduled by this key
 * @param simulator the simulator connection every agent dials through until it has a voice connection
 */
@ConfigurationProperties("agentcalls.dial")
record DialProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("200") int perCampaign,
        @DefaultValue("16") int parallelism,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration backoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("15s") Duration metricsInterval,
        @DefaultValue Simulator simulator) {

    DialProperties {
        Settings.positive("agentcalls.dial.poll-interval", pollInterval);
        Settings.positive("agentcalls.dial.lease", lease);
        Settings.positive("agentcalls.dial.backoff", backoff);
        Settings.positive("agentcalls.dial.max-backoff", maxBackoff);
        Settings.positive("agentcalls.dial.metrics-interval", metricsInterval);
        requireBetween("agentcalls.dial.batch-size", batchSize, 1, 10_000);
        requireBetween("agentcalls.dial.per-campaign", perCampaign, 1, 10_000);
        requireBetween("agentcalls.dial.parallelism", parallelism, 1, 1_000);
    }

    /**
     * @param maxConcurrentCalls AGENTCALLS_DIAL_SIMULATOR_MAX_CONCURRENT_CALLS: the simulator
     *     connection's limit of calls in progress, per organization
     */
    record Simulator(@DefaultValue("100") int maxConcurrentCalls) {

        Simulator {
            requireBetween("agentcalls.dial.simulator.max-concurrent-calls", maxConcurrentCalls, 1, 100_000);
        }
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
