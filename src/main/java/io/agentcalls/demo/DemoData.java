package io.agentcalls.demo;

import io.agentcalls.console.ConsoleUserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Seeds a demo organization with fixed ids and a fixed, publicly known API key, so the README's curl
 * works as written. The seed is data, like a migration: plain idempotent SQL, re-run on every start
 * with the flag on. Never turn the flag on for real data: anyone who has read the README knows the key.
 * With the flag off the key is revoked at start ({@link DemoKeyRevocation}); turned on again, the seed
 * brings it back. Demo mode refuses a real runner ({@link DemoModeCheck}).
 */
@Component
@ConditionalOnBooleanProperty("agentcalls.demo")
class DemoData {

    static final String ORGANIZATION_ID = "org_000000000000000000000000000de000";
    static final String API_KEY = "ak_000000000000000000000000000de000_demo-key-anyone-can-read-it";
    static final String CAMPAIGN_ID = "cmp_000000000000000000000000000de001";
    static final String AGENT_ID = "agt_000000000000000000000000000de001";
    static final String DISPOSITION_ID = "dsp_000000000000000000000000000de001";
    static final String CONSOLE_USER_ID = "usr_000000000000000000000000000de001";
    static final String CONSOLE_EMAIL = "demo@agentcalls.local";
    static final String CONSOLE_PASSWORD = "demo-password";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int DEFAULT_PORT = 8080;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ConsoleUserService consoleUsers;
    private final int port;

    @Autowired
    DemoData(DataSource dataSource, JdbcClient jdbc, ConsoleUserService consoleUsers, ServerProperties server) {
        this(dataSource, jdbc, consoleUsers, server.getPort() == null ? DEFAULT_PORT : server.getPort());
    }

    /** @param port the port the printed curl uses */
    DemoData(DataSource dataSource, JdbcClient jdbc, ConsoleUserService consoleUsers, int port) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.consoleUsers = consoleUsers;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        new ResourceDatabasePopulator(new ClassPathResource("demo/seed.sql")).execute(dataSource);
        jdbc.sql("""
                        INSERT INTO api_keys (organization_id, id, name, key_prefix, key_hash)
                        VALUES (:organizationId, 'key_000000000000000000000000000de001', 'demo', :prefix, :hash)
                        ON CONFLICT (organization_id, id) DO UPDATE SET revoked_at = NULL
                        """)
                .param("organizationId", ORGANIZATION_ID)
                .param("prefix", API_KEY.substring(0, 42))
                .param("hash", sha256(API_KEY))
                .update();
        consoleUsers.ensureDemoUser(ORGANIZATION_ID, CONSOLE_USER_ID, CONSOLE_EMAIL, CONSOLE_PASSWORD);
        log.warn(
                """

                Demo data is ready (AGENTCALLS_DEMO=true). The demo API key is public; never use this mode for real data.
                  Console:       http://localhost:{}/  sign in as {} / {}
                  API key:       {}
                  Campaign:      {}
                  Agent:         {}
                  Dispositions:  {}
                Try:
                  curl -s -X POST http://localhost:{}/api/v1/initiate/{}/calls \\
                    -H 'Authorization: Bearer {}' -H 'Content-Type: application/json' \\
                    -d '{{"agentId":"{}","dispositionId":"{}","limit":25,"filters":{{"payment_status":["bounced","pending"]}}}}'
                """.replace("{{", "{").replace("}}", "}"),
                port,
                CONSOLE_EMAIL,
                CONSOLE_PASSWORD,
                API_KEY,
                CAMPAIGN_ID,
                AGENT_ID,
                DISPOSITION_ID,
                port,
                CAMPAIGN_ID,
                API_KEY,
                AGENT_ID,
                DISPOSITION_ID);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
