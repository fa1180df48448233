package io.agentcalls.initiation;

import io.agentcalls.common.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.initiation.*}.
 *
 * @param duplicateWait how long a request with an Idempotency-Key already in use waits for the first
 *     request's answer before a {@code 409}
 * @param batchLease the dispatch lease an initiation's calls are written with, renewed while it
 *     dispatches: a node that dies holding it leaves its queued calls to recovery once it runs out
 * @param batchesInFlight runner batches of one initiation in flight at once
 */
@ConfigurationProperties("agentcalls.initiation")
public record InitiationProperties(
        @DefaultValue("5m") Duration duplicateWait,
        @DefaultValue("5m") Duration batchLease,
        @DefaultValue("4") int batchesInFlight) {

    public InitiationProperties {
        Settings.positive("agentcalls.initiation.duplicate-wait", duplicateWait);
        Settings.positive("agentcalls.initiation.batch-lease", batchLease);
        Settings.atLeast("agentcalls.initiation.batches-in-flight", batchesInFlight, 1);
    }
}
