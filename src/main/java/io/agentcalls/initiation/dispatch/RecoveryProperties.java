package io.agentcalls.initiation.dispatch;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.recovery.*}.
 *
 * @param interval how often every node looks for initiations whose dispatch lease ran out (and at
 *     start); {@link QueuedCallRecovery} is scheduled by this key. Short beside the lease's expiry, as
 *     a dead node's work waits for the expiry plus up to one interval
 */
@ConfigurationProperties("agentcalls.recovery")
public record RecoveryProperties(@DefaultValue("2s") Duration interval) {

    public RecoveryProperties {
        Settings.positive("agentcalls.recovery.interval", interval);
    }
}
