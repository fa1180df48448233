package io.agentcalls.runner;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.runner.cancels.*}: the outbox of cancels the workflow runner must acknowledge.
 *
 * @param pollInterval how often every node sends the due cancels; {@link RunnerCancelSender} is
 *     scheduled by this key
 * @param firstRetry the wait after the first failed send; each further failure doubles it
 * @param maxRetry the longest wait between two sends: a cancel is never given up, only slowed down
 */
@ConfigurationProperties("agentcalls.runner.cancels")
record RunnerCancelProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("5m") Duration maxRetry) {

    RunnerCancelProperties {
        Settings.positive("agentcalls.runner.cancels.poll-interval", pollInterval);
        Settings.positive("agentcalls.runner.cancels.first-retry", firstRetry);
        Settings.positive("agentcalls.runner.cancels.max-retry", maxRetry);
    }

    /** The wait after the {@code attempts}-th failed send. */
    Duration retryAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
