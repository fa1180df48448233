package io.agentcalls.secrets;

import io.agentcalls.common.StartupRefusal;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses to start with a guessable shared secret: an admin token, or the secret an HTTP runner signs
 * its events with, of fewer than 32 characters, or an HTTP runner with no secret at all. Runs as soon
 * as the configuration is read (registered in META-INF/spring.factories), before the database starts
 * or a port opens. The message names the variable, never the value.
 */
class ConfiguredSecretsCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final int MIN_LENGTH = 32;
    private static final String GENERATE = " (generate one with: openssl rand -base64 32)";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        refuseWeakSecrets(event.getEnvironment());
    }

    static void refuseWeakSecrets(Environment environment) {
        String adminToken = environment.getProperty("agentcalls.security.admin-token", "");
        String runnerUrl = environment.getProperty("agentcalls.runner.url", "");
        String runnerSecret = environment.getProperty("agentcalls.runner.secret", "");
        if (!adminToken.isBlank() && adminToken.length() < MIN_LENGTH) {
            throw StartupRefusal.because(
                    "AGENTCALLS_ADMIN_TOKEN must be at least " + MIN_LENGTH + " characters" + GENERATE);
        }
        if (!runnerUrl.isBlank() && runnerSecret.isBlank()) {
            throw StartupRefusal.because("AGENTCALLS_RUNNER_URL is set, so AGENTCALLS_RUNNER_SECRET must be set too, "
                    + "to at least " + MIN_LENGTH + " characters: it signs the runner's events" + GENERATE);
        }
        if (!runnerSecret.isBlank() && runnerSecret.length() < MIN_LENGTH) {
            throw StartupRefusal.because(
                    "AGENTCALLS_RUNNER_SECRET must be at least " + MIN_LENGTH + " characters" + GENERATE);
        }
    }
}
