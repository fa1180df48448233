package io.agentcalls.initiation.dispatch;

import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Renews the dispatch leases of every initiation this node holds (dispatching or recovering), on a
 * heartbeat: while the node lives its work stays its own however long the runner takes; once it
 * dies, its leases run out within {@code agentcalls.leases.expiry} and recovery takes them over.
 */
@Component
class LeaseHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final DispatchLeaseRepository leases;
    private final NodeIdentity node;
    private final LeaseProperties properties;

    LeaseHeartbeat(DispatchLeaseRepository leases, NodeIdentity node, LeaseProperties properties) {
        this.leases = leases;
        this.node = node;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${agentcalls.leases.heartbeat}")
    void beat() {
        try {
            leases.renewAll(node.id(), properties.expiryInterval());
        } catch (RuntimeException e) {
            // a missed beat is harmless if the next one comes before expiry; say so, loudly, if not
            log.warn(
                    "Could not renew the dispatch leases of {}; they run out unless the next beat succeeds",
                    node.id(),
                    e);
        }
    }
}
