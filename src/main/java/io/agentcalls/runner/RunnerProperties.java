package io.agentcalls.runner;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.runner.*}: which workflow runner places the calls.
 *
 * @param url AGENTCALLS_RUNNER_URL: the HTTP runner's base URL; blank, the simulated runner
 * @param secret AGENTCALLS_RUNNER_SECRET: the shared secret of runner event signatures; blank, a random
 *     one per start (checked before the start, {@code ConfiguredSecretsCheck})
 * @param timeout AGENTCALLS_RUNNER_TIMEOUT: per batch sent to the HTTP runner
 */
@ConfigurationProperties("agentcalls.runner")
record RunnerProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String secret,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Simulated simulated) {

    RunnerProperties {
        url = url == null ? "" : url;
        secret = secret == null ? "" : secret;
        Settings.positive("agentcalls.runner.timeout", timeout);
    }

    boolean simulatedRunner() {
        return url.isBlank();
    }

    /**
     * {@code agentcalls.runner.simulated.*}: the built-in runner, when no URL is set.
     *
     * @param playCalls AGENTCALLS_RUNNER_SIMULATED_PLAY_CALLS: play accepted calls to an outcome
     * @param speed AGENTCALLS_RUNNER_SIMULATED_SPEED: time compression (60 plays a four-minute call in
     *     four seconds)
     * @param seed AGENTCALLS_RUNNER_SIMULATED_SEED: the same seed plays the same calls the same way
     * @param pollInterval how often the player looks for calls due to move on; {@link
     *     SimulatedCallPlayer} is scheduled by this key
     * @param rejectCallShare share (0 to 1) of calls the runner rejects on purpose (tests, demos)
     * @param failBatchShare share of batches it fails on purpose
     * @param timeoutBatchShare share of batches it lets time out on purpose
     */
    record Simulated(
            @DefaultValue("true") boolean playCalls,
            @DefaultValue("1") double speed,
            @DefaultValue("1") long seed,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("0") double rejectCallShare,
            @DefaultValue("0") double failBatchShare,
            @DefaultValue("0") double timeoutBatchShare) {

        Simulated {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("agentcalls.runner.simulated.speed must be positive");
            }
            Settings.positive("agentcalls.runner.simulated.poll-interval", pollInterval);
        }

        /** How it misbehaves on purpose; the shares are checked there (0 to 1). */
        SimulatedRunnerSettings misbehaviour() {
            return new SimulatedRunnerSettings(rejectCallShare, failBatchShare, timeoutBatchShare, Duration.ZERO);
        }
    }

    @Override
    public String toString() {
        return "RunnerProperties[url=" + url + ", secret=" + (secret.isBlank() ? "unset" : "set") + ", timeout="
                + timeout + ", simulated=" + simulated + "]";
    }
}
