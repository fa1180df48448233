package io.agentcalls.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.leases.*}: the heartbeat leases of work a node holds (initiations it dispatches,
 * webhook deliveries it attempts). A living node renews its leases every {@code heartbeat}; a dead
 * one's run out {@code expiry} after its last renewal, and any node takes the work over.
 *
 * @param heartbeat how often a node renews the leases it holds
 * @param expiry how long a lease holds without renewal: at least twice the heartbeat, so one late
 *     renewal (a pause, a slow database) does not hand living work to another node
 */
@ConfigurationProperties("agentcalls.leases")
public record LeaseProperties(
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("30s") Duration expiry) {

    public LeaseProperties {
        Settings.positive("agentcalls.leases.heartbeat", heartbeat);
        Settings.positive("agentcalls.leases.expiry", expiry);
        if (expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("agentcalls.leases.expiry must be at least twice "
                    + "agentcalls.leases.heartbeat, not " + expiry + " against " + heartbeat);
        }
    }

    /** The expiry as a PostgreSQL interval parameter. */
    public String expiryInterval() {
        return expiry.toMillis() + " milliseconds";
    }
}
