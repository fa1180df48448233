package io.agentcalls.initiation.retry;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.retries.*}.
 *
 * @param interval how often every node makes the due retries of every campaign; {@link RetryScheduler}
 *     is scheduled by this key
 * @param lease how long a node's claim on due calls holds while it retries them
 */
@ConfigurationProperties("agentcalls.retries")
public record RetryProperties(
        @DefaultValue("60s") Duration interval,
        @DefaultValue("5m") Duration lease) {

    public RetryProperties {
        Settings.positive("agentcalls.retries.interval", interval);
        Settings.positive("agentcalls.retries.lease", lease);
    }
}
