package io.agentcalls.common;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews every lease this node holds, of every kind of {@link LeasedWork}, on a heartbeat: while the
 * node lives its work stays its own however long it takes; once it dies, its leases run out within
 * {@code agentcalls.leases.expiry} and any node takes the work over.
 */
@Component
public class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final List<LeasedWork> work;
    private final NodeIdentity node;
    private final LeaseProperties properties;

    LeaseHeartbeat(List<LeasedWork> work, NodeIdentity node, LeaseProperties properties) {
        this.work = work;
        this.node = node;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${agentcalls.leases.heartbeat}")
    public void beat() {
        for (LeasedWork leased : work) {
            try {
                leased.renew(node.id(), properties.expiryInterval());
            } catch (RuntimeException e) {
                // a missed beat is harmless if the next one comes before expiry; say so, loudly, if not
                log.warn(
                        "Could not renew the leases of {} held by {}; they run out unless the next beat succeeds",
                        leased.work(),
                        node.id(),
                        e);
            }
        }
    }
}
