package io.agentcalls.call;

import io.agentcalls.common.LeasedWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The heartbeat leases of the due calls a node is making retries of ({@code calls.retry_claimed_by},
 * {@code retry_claimed_until}): renewed while it works, handed back when it stops, so a dead node's
 * claims hold the retries up for one lease expiry, not minutes.
 */
@Repository
class RetryLeases implements LeasedWork {

    // through the partial index calls_retry_claimed: only calls claimed right now are in it
    private static final String RENEW = """
            UPDATE calls SET retry_claimed_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE retry_claimed_until IS NOT NULL AND retry_claimed_by = :holder
            """;
    private static final String HAND_BACK = """
            UPDATE calls SET retry_claimed_until = now(), retry_claimed_by = NULL
            WHERE retry_claimed_until IS NOT NULL AND retry_claimed_by = :holder
            """;

    private final JdbcClient jdbc;

    RetryLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String work() {
        return "due calls being retried";
    }

    @Override
    public int renew(String holder, String lease) {
        return jdbc.sql(RENEW).param("holder", holder).param("lease", lease).update();
    }

    @Override
    public int handBack(String holder) {
        return jdbc.sql(HAND_BACK).param("holder", holder).update();
    }
}
