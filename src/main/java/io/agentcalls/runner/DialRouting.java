package io.agentcalls.runner;

import io.agentcalls.call.DialClaim;
import io.agentcalls.voice.ProviderConnection;
import io.agentcalls.voice.VoiceConnections;
import io.agentcalls.voice.VoiceProvider;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which provider and connection dial a claimed call: the agent's voice connection (Vapi, Retell, or a
 * simulator connection of the organization's own), or, for an agent that names none, the built-in
 * simulator with the limit of {@code agentcalls.dial.simulator.*}. The claim has already counted the
 * call against that connection's limit.
 */
@Component
class DialRouting {

    static final String SIMULATOR_CONNECTION = "simulator";
    private static final URI SIMULATOR_URI = URI.create("simulator:local");

    private final VoiceProvider simulator;
    private final DialProperties properties;
    private final VoiceConnections connections;

    DialRouting(SimulatorVoiceProvider simulator, DialProperties properties, VoiceConnections connections) {
        this.simulator = simulator;
        this.properties = properties;
        this.connections = connections;
    }

    /**
     * @param providerAgentId the provider's assistant or agent id for our agent
     */
    record Route(ProviderConnection connection, VoiceProvider provider, String providerAgentId) {}

    /**
     * The route of a claimed call; empty when its connection is gone, its provider does not run on this
     * node, or its agent now names another connection (the call was counted against the one it claimed).
     */
    Optional<Route> routeFor(DialClaim claim) {
        if (SIMULATOR_CONNECTION.equals(claim.connectionId())) {
            return Optional.of(new Route(simulatorConnection(claim.organizationId()), simulator, claim.agentId()));
        }
        return connections
                .routeFor(claim.organizationId(), claim.agentId())
                .filter(route -> route.connection().id().equals(claim.connectionId()))
                .map(route -> new Route(route.connection(), route.provider(), route.providerAgentId()));
    }

    /** A call cancelled after a provider placed it: its connection, to hang it up with. */
    Optional<Route> routeOfPlaced(String organizationId, String connectionId) {
        if (connectionId == null || SIMULATOR_CONNECTION.equals(connectionId)) {
            return Optional.empty();
        }
        return connections
                .connection(organizationId, connectionId)
                .flatMap(connection -> connections
                        .provider(connection.provider())
                        .map(provider -> new Route(connection, provider, null)));
    }

    private ProviderConnection simulatorConnection(String organizationId) {
        return new ProviderConnection(
                SIMULATOR_CONNECTION,
                organizationId,
                SimulatorVoiceProvider.NAME,
                SIMULATOR_URI,
                null,
                null,
                properties.simulator().maxConcurrentCalls(),
                null);
    }

    /** The connection the claim counts calls against when the agent names none, and its limit. */
    String connectionId() {
        return SIMULATOR_CONNECTION;
    }

    int connectionLimit() {
        return properties.simulator().maxConcurrentCalls();
    }
}
