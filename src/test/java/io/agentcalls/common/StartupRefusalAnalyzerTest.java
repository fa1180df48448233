package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartupRefusalAnalyzerTest {

    @Test
    void aRefusalDeepInABeanFailureIsReportedByItsMessageAlone() {
        StartupRefusal refusal = StartupRefusal.because("AGENTCALLS_X must be at least 32 characters");
        FailureAnalysis analysis =
                new StartupRefusalAnalyzer().analyze(new BeanCreationException("secretCipher", "failed", refusal));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("AGENTCALLS_X must be at least 32 characters");
        assertThat(analysis.getAction()).contains("Change the setting named above");
    }
}
