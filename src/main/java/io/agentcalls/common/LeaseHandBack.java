package io.agentcalls.common;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A stopping node hands every lease it holds back at once, so a rolling restart delays nothing by a
 * lease expiry: any node (this one restarted, or another) takes the work over at its next poll. It
 * stops after the web server's graceful shutdown, the dispatch executor and the webhook poller (lower
 * phase, later stop), so work in flight has had {@code spring.lifecycle.timeout-per-shutdown-phase}
 * to finish first; from then on the node claims nothing ({@link #claiming()}).
 */
@Component
public class LeaseHandBack implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LeaseHandBack.class);

    private final List<LeasedWork> work;
    private final NodeIdentity node;
    private volatile boolean running;

    LeaseHandBack(List<LeasedWork> work, NodeIdentity node) {
        this.work = work;
        this.node = node;
    }

    /** Whether this node may still take leases: false once it is stopping. */
    public boolean claiming() {
        return running;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        for (LeasedWork leased : work) {
            try {
                int handedBack = leased.handBack(node.id());
                log.info(
                        "Stopping {}: handed back the leases of {} {}, for any node to take over at once",
                        node.id(),
                        handedBack,
                        leased.work());
            } catch (RuntimeException e) {
                log.warn(
                        "Stopping {}: could not hand back {}; their leases run out instead",
                        node.id(),
                        leased.work(),
                        e);
            }
        }
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
