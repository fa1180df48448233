package io.agentcalls.runner;

import io.agentcalls.voice.ProviderConnection;
import io.agentcalls.voice.VoiceProvider;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Which provider and connection dial an agent's calls: the one place the dialer asks. Until
 * organizations have voice connections, every agent dials through the simulator connection, with the
 * limit of {@code agentcalls.dial.simulator.*}.
 */
@Component
class DialRouting {

    static final String SIMULATOR_CONNECTION = "simulator";
    private static final URI SIMULATOR_URI = URI.create("simulator:local");

    private final VoiceProvider simulator;
    private final DialProperties properties;

    DialRouting(SimulatorVoiceProvider simulator, DialProperties properties) {
        this.simulator = simulator;
        this.properties = properties;
    }

    /**
     * @param providerAgentId the provider's assistant or agent id for our agent
     */
    record Route(ProviderConnection connection, VoiceProvider provider, String providerAgentId) {}

    Route routeFor(String organizationId, String agentId) {
        ProviderConnection connection = new ProviderConnection(
                SIMULATOR_CONNECTION,
                organizationId,
                SimulatorVoiceProvider.NAME,
                SIMULATOR_URI,
                null,
                null,
                properties.simulator().maxConcurrentCalls(),
                null);
        return new Route(connection, simulator, agentId);
    }

    /** The connection the claim counts calls in progress against, and its limit. */
    String connectionId() {
        return SIMULATOR_CONNECTION;
    }

    int connectionLimit() {
        return properties.simulator().maxConcurrentCalls();
    }
}
