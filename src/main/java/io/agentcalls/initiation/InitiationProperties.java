package io.agentcalls.initiation;

import io.agentcalls.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.initiation.*}.
 *
 * @param batchesInFlight runner batches of one initiation in flight at once
 */
@ConfigurationProperties("agentcalls.initiation")
public record InitiationProperties(@DefaultValue("4") int batchesInFlight) {

    public InitiationProperties {
        Settings.atLeast("agentcalls.initiation.batches-in-flight", batchesInFlight, 1);
    }
}
