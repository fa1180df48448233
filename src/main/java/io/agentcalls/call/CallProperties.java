package io.agentcalls.call;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.calls.*}.
 *
 * @param stuckAfter AGENTCALLS_CALLS_STUCK_AFTER: an initiated or ringing call with no runner event
 *     for this long is failed
 * @param stuckCheckInterval how often every node looks for such calls; {@link StuckCallReconciler} is
 *     scheduled by this key
 */
@ConfigurationProperties("agentcalls.calls")
record CallProperties(
        @DefaultValue("2h") Duration stuckAfter,
        @DefaultValue("1m") Duration stuckCheckInterval) {

    CallProperties {
        Settings.positive("agentcalls.calls.stuck-after", stuckAfter);
        Settings.positive("agentcalls.calls.stuck-check-interval", stuckCheckInterval);
    }
}
