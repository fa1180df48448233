package io.agentcalls.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agentcalls.AgentcallsApplication;
import io.agentcalls.common.StartupRefusal;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

/**
 * The service refuses to start with a weak shared secret, before its database or port: each case is
 * a real start of the application that fails at once.
 */
class ConfiguredSecretsCheckTest {

    private static final String RUNNER = "--agentcalls.runner.url=http://127.0.0.1:9/runner";
    private static final String STRONG = "0123456789abcdef0123456789abcdef";

    @Test
    void anAdminTokenShorterThan32CharactersIsRefused() {
        String shortToken = "--agentcalls.security.admin-token=" + STRONG.substring(1);
        refused(shortToken)
                .hasMessageContaining("AGENTCALLS_ADMIN_TOKEN must be at least 32 characters")
                .message()
                .doesNotContain(STRONG.substring(1));
    }

    @Test
    void anHttpRunnerWithoutASecretIsRefused() {
        refused(RUNNER, "--agentcalls.runner.secret=")
                .hasMessageContaining("AGENTCALLS_RUNNER_URL is set, so AGENTCALLS_RUNNER_SECRET must be set");
    }

    @Test
    void anHttpRunnerWithAShortSecretIsRefused() {
        refused(RUNNER, "--agentcalls.runner.secret=" + STRONG.substring(1))
                .hasMessageContaining("AGENTCALLS_RUNNER_SECRET must be at least 32 characters");
    }

    @Test
    void thirtyTwoCharactersPass() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("agentcalls.security.admin-token", STRONG)
                .withProperty("agentcalls.runner.url", "http://127.0.0.1:9/runner")
                .withProperty("agentcalls.runner.secret", STRONG);
        ConfiguredSecretsCheck.refuseWeakSecrets(environment);
        assertThat(STRONG).hasSize(ConfiguredSecretsCheck.MIN_LENGTH);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(AgentcallsApplication.class)
                .profiles("test")
                .run(all));
        return assertThat(NestedExceptionUtils.getMostSpecificCause(thrown)).isInstanceOf(StartupRefusal.class);
    }
}
