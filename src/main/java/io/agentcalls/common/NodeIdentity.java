package io.agentcalls.common;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This process among the nodes that share the database: the holder named in every lease it takes.
 * Random per start, never reused, so a restarted node does not mistake a lease of its former self
 * (whose work may be half done) for one it holds; that lease expires and is taken over like any other.
 */
@Component
public class NodeIdentity {

    private static final Logger log = LoggerFactory.getLogger(NodeIdentity.class);

    private final String id = "node-" + UUID.randomUUID().toString().substring(0, 13);

    NodeIdentity() {
        log.info("This node is {}: the holder named in the leases it takes", id);
    }

    public String id() {
        return id;
    }
}
