package io.agentcalls.runner;

import io.agentcalls.common.Ids;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.ObjectMapper;

/** The HTTP runner when AGENTCALLS_RUNNER_URL is set, else the simulated runner (which plays calls on a schedule). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunnerConfiguration.class);

    @Bean
    RunnerSignature runnerSignature(@Value("${agentcalls.runner.secret:}") String secret) {
        if (secret.isBlank()) {
            log.info("AGENTCALLS_RUNNER_SECRET is unset: runner events are signed with a random secret for this run");
            return new RunnerSignature(Ids.randomToken(32));
        }
        return new RunnerSignature(secret);
    }

    @Bean
    WorkflowRunner workflowRunner(
            @Value("${agentcalls.runner.url:}") String url,
            @Value("${agentcalls.runner.timeout:10s}") Duration timeout,
            @Value("${agentcalls.runner.simulated.reject-call-share:0}") double rejectCallShare,
            @Value("${agentcalls.runner.simulated.fail-batch-share:0}") double failBatchShare,
            @Value("${agentcalls.runner.simulated.timeout-batch-share:0}") double timeoutBatchShare,
            RunnerSignature signature,
            ObjectMapper objectMapper,
            SimulatedCallPlayer player) {
        if (url.isBlank()) {
            log.info(
                    "AGENTCALLS_RUNNER_URL is unset: using the simulated workflow runner ({})",
                    player.enabled() ? "plays calls" : "does not play calls");
            return new SimulatedWorkflowRunner(
                    new SimulatedRunnerSettings(rejectCallShare, failBatchShare, timeoutBatchShare, Duration.ZERO),
                    player);
        }
        log.info("Using the HTTP workflow runner at {} (timeout {})", url, timeout);
        return new HttpWorkflowRunner(url, timeout, signature, objectMapper);
    }
}
