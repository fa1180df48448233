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
 *     (a node's claim on the due calls it retries is a heartbeat lease, {@code agentcalls.leases.*})
 */
@ConfigurationProperties("agentcalls.retries")
public record RetryProperties(@DefaultValue("60s") Duration interval) {

    public RetryProperties {
        Settings.positive("agentcalls.retries.interval", interval);
    }
}
