package io.agentcalls.initiation;

import io.agentcalls.common.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.initiation.*}.
 *
 * @param batchesInFlight runner batches of one initiation in flight at once
 * @param maxRunningPerOrganization initiations of one organization, requested through the API, being
 *     selected and dispatched at once across every node; one more is answered 429 with Retry-After, so
 *     one organization's burst cannot take every runner batch and connection from the others
 */
@ConfigurationProperties("agentcalls.initiation")
public record InitiationProperties(
        @DefaultValue("4") int batchesInFlight,
        @DefaultValue("16") int maxRunningPerOrganization) {

    public InitiationProperties {
        Settings.atLeast("agentcalls.initiation.batches-in-flight", batchesInFlight, 1);
        Settings.atLeast("agentcalls.initiation.max-running-per-organization", maxRunningPerOrganization, 1);
    }
}
