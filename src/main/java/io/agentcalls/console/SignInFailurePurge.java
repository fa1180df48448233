package io.agentcalls.console;

import io.agentcalls.common.Purge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins older than the throttling window no longer count: deleted oldest first, so the
 * rows of an email or address that never failed again do not stay.
 */
@Component
class SignInFailurePurge implements Purge {

    private static final String DELETE_OLD = """
            DELETE FROM console_sign_in_failures f
            USING (SELECT ctid FROM console_sign_in_failures
                   WHERE failed_at < now() - make_interval(secs => :seconds)
                   ORDER BY failed_at
                   LIMIT :limit) old
            WHERE f.ctid = old.ctid
            """;

    private final JdbcClient jdbc;
    private final ConsoleProperties properties;

    SignInFailurePurge(JdbcClient jdbc, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "console_sign_in_failures";
    }

    @Override
    public int purgeBatch(int limit) {
        return jdbc.sql(DELETE_OLD)
                .param("seconds", properties.failureWindow().toSeconds())
                .param("limit", limit)
                .update();
    }
}
