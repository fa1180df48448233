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
 * @param batchesInFlight runner batches of one initiation in flight at once
 */
@ConfigurationProperties("agentcalls.initiation")
public record InitiationProperties(
        @DefaultValue("5m") Duration duplicateWait,
        @DefaultValue("4") int batchesInFlight) {

    public InitiationProperties {
        Settings.positive("agentcalls.initiation.duplicate-wait", duplicateWait);
        Settings.atLeast("agentcalls.initiation.batches-in-flight", batchesInFlight, 1);
    }
}
