package io.agentcalls.initiation.dispatch;

import io.agentcalls.common.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A stopping node hands its dispatch leases back at once, so a rolling restart delays nothing by a
 * lease expiry: any node (this one restarted, or another) takes the initiations over at its next
 * recovery poll. It stops after the web server's graceful shutdown and the dispatch executor (lower
 * phase, later stop), so requests in flight have had {@code spring.lifecycle.timeout-per-shutdown-phase}
 * to finish first; from then on the node claims nothing ({@link #claiming()}).
 */
@Component
class LeaseHandBack implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseHandBack.class);

    private final DispatchLeaseRepository leases;
    private final NodeIdentity node;
    private volatile boolean running;

    LeaseHandBack(DispatchLeaseRepository leases, NodeIdentity node) {
        this.leases = leases;
        this.node = node;
    }

    /** Whether this node may still take leases: false once it is stopping. */
    boolean claiming() {
        return running;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int handedBack = leases.handBackAll(node.id());
        log.info(
                "Stopping {}: handed back the dispatch leases of {} initiations, for any node to take over at once",
                node.id(),
                handedBack);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // below the dispatch executor's (START_STOP - 1): stopped after it, and after the web server
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 2;
    }
}
