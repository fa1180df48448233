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
 * @param tallyInterval how often every node folds the calls' tally deltas into the campaign tallies
 *     ({@link CallTallyCompactor}; one node at a time); readers add what is not folded yet, so this
 *     bounds only how many deltas a reader sums
 * @param tallyBatchSize deltas folded per transaction
 */
@ConfigurationProperties("agentcalls.calls")
record CallProperties(
        @DefaultValue("2h") Duration stuckAfter,
        @DefaultValue("1m") Duration stuckCheckInterval,
        @DefaultValue("1s") Duration tallyInterval,
        @DefaultValue("10000") int tallyBatchSize) {

    CallProperties {
        Settings.positive("agentcalls.calls.stuck-after", stuckAfter);
        Settings.positive("agentcalls.calls.stuck-check-interval", stuckCheckInterval);
        Settings.positive("agentcalls.calls.tally-interval", tallyInterval);
        Settings.atLeast("agentcalls.calls.tally-batch-size", tallyBatchSize, 1);
    }
}
