package io.agentcalls.demo;

import io.agentcalls.common.StartupRefusal;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Demo mode never meets a real runner: its API key is in the README, so with an HTTP runner anyone
 * could have real phones called. Runs as soon as the configuration is read (META-INF/spring.factories).
 */
class DemoModeCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        refuseDemoWithRealRunner(event.getEnvironment());
    }

    static void refuseDemoWithRealRunner(Environment environment) {
        boolean demo = environment.getProperty("agentcalls.demo", Boolean.class, false);
        if (demo && !environment.getProperty("agentcalls.runner.url", "").isBlank()) {
            throw StartupRefusal.because("AGENTCALLS_DEMO=true cannot run with AGENTCALLS_RUNNER_URL set: the demo "
                    + "API key is public, and a real runner would place real calls for anyone who has read the "
                    + "README. Unset one of the two.");
        }
    }
}
