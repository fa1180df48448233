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
 * @param maxDispatchingPerOrganization initiations of one organization being dispatched at once
 *     (its requests and recovery, across all nodes) past which recovery takes other organizations'
 *     work first; the organization's own is taken over as its dispatches finish
 */
@ConfigurationProperties("agentcalls.recovery")
public record RecoveryProperties(
        @DefaultValue("2s") Duration interval,
        @DefaultValue("8") int maxDispatchingPerOrganization) {

    public RecoveryProperties {
        Settings.positive("agentcalls.recovery.interval", interval);
        Settings.atLeast("agentcalls.recovery.max-dispatching-per-organization", maxDispatchingPerOrganization, 1);
    }
}
