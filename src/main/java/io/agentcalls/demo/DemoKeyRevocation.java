package io.agentcalls.demo;

import io.agentcalls.console.ConsoleUserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With demo mode off, the demo organization cannot be reached: every one of its API keys is revoked
 * at start, before the server listens, and its console users (the demo password is public) disabled. That is the public key of the README and any key created with
 * it while the demo ran. Idempotent; nothing happens where there never was a demo organization. A
 * later demo start brings back the public key only ({@link DemoData}).
 */
@Component
@ConditionalOnBooleanProperty(name = "agentcalls.demo", havingValue = false, matchIfMissing = true)
@DependsOnDatabaseInitialization
class DemoKeyRevocation implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoKeyRevocation.class);
    private static final String REVOKE = """
            UPDATE api_keys SET revoked_at = now()
            WHERE organization_id = :organizationId AND revoked_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final ConsoleUserService consoleUsers;

    DemoKeyRevocation(JdbcClient jdbc, ConsoleUserService consoleUsers) {
        this.jdbc = jdbc;
        this.consoleUsers = consoleUsers;
    }

    @Override
    public void afterPropertiesSet() {
        int revoked = jdbc.sql(REVOKE)
                .param("organizationId", DemoData.ORGANIZATION_ID)
                .update();
        if (revoked > 0) {
            log.warn("Demo mode is off: revoked {} API key(s) of the demo organization", revoked);
        }
        // the demo console password is published too
        int disabled = consoleUsers.disableUsers(DemoData.ORGANIZATION_ID);
        if (disabled > 0) {
            log.warn("Demo mode is off: disabled {} console user(s) of the demo organization", disabled);
        }
    }
}
