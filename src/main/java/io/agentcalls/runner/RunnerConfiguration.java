package io.agentcalls.runner;

import io.agentcalls.common.Ids;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.ObjectMapper;

/**
 * The HTTP runner when AGENTCALLS_RUNNER_URL is set, else the built-in runner (the dial queue, dialed
 * through the voice providers; the simulator plays calls on a schedule).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({RunnerProperties.class, DialProperties.class})
class RunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RunnerConfiguration.class);

    @Bean
    RunnerSignature runnerSignature(RunnerProperties properties) {
        String secret = properties.secret();
        if (secret.isBlank()) {
            log.info("AGENTCALLS_RUNNER_SECRET is unset: runner events are signed with a random secret for this run");
            return new RunnerSignature(Ids.randomToken(32));
        }
        return new RunnerSignature(secret);
    }

    @Bean
    WorkflowRunner workflowRunner(
            RunnerProperties properties,
            RunnerSignature signature,
            ObjectMapper objectMapper,
            SimulatedCallPlayer player,
            io.agentcalls.call.DialQueue dialQueue,
            DialRouting routing,
            Clock clock) {
        if (properties.simulatedRunner()) {
            log.info(
                    "AGENTCALLS_RUNNER_URL is unset: using the built-in runner (the simulator {})",
                    player.enabled() ? "plays calls" : "does not play calls");
            return new BuiltInWorkflowRunner(properties.simulated().misbehaviour(), dialQueue, clock, player, routing);
        }
        log.info("Using the HTTP workflow runner at {} (timeout {})", properties.url(), properties.timeout());
        return new HttpWorkflowRunner(properties.url(), properties.timeout(), signature, objectMapper);
    }
}
