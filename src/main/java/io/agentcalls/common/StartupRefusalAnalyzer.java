package io.agentcalls.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refusal as Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusal cause) {
        return new FailureAnalysis(
                cause.getMessage(), "Change the setting named above and start again (README, Configuration).", cause);
    }
}
