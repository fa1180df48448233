package io.agentcalls.webhook;

import io.agentcalls.common.LeasedWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The heartbeat leases of the deliveries a node is attempting ({@code webhook_deliveries.claimed_by},
 * {@code claimed_until}): renewed while the attempt runs, handed back when the node stops. A handed-back
 * delivery is due at once; if its attempt was still on the wire, the receiver may see it twice and
 * drops the repeat by its webhook-id.
 */
@Repository
class DeliveryLeases implements LeasedWork {

    private static final String RENEW = """
            UPDATE webhook_deliveries SET claimed_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE claimed_until IS NOT NULL AND claimed_by = :holder
            """;
    // expired at once, held by no one: the next claim takes it over as handed back
    private static final String HAND_BACK = """
            UPDATE webhook_deliveries SET claimed_until = now(), claimed_by = NULL, claim_token = NULL
            WHERE claimed_until IS NOT NULL AND claimed_by = :holder
            """;

    private final JdbcClient jdbc;

    DeliveryLeases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String work() {
        return "webhook deliveries";
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
