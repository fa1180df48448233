package io.agentcalls.voice;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's voice connections, and what the dialing side asks of them: which connection and
 * provider place an agent's calls ({@link #routeFor}). Providers are the {@link VoiceProvider} beans,
 * found by {@link VoiceProvider#name()}; {@code simulator} is served by the built-in runner's bean.
 */
@Service
public class VoiceConnections {

    static final String PREFIX = "vcn";
    static final String SIMULATOR = "simulator";
    private static final String NOT_FOUND = "Voice connection not found";

    /** A new connection; {@code apiKey} is required for every provider but the simulator. */
    public record NewConnection(
            String provider,
            String name,
            String apiKey,
            String webhookSecret,
            Integer maxConcurrentCalls,
            Double callsPerSecond) {}

    /** A change: null fields stay as they are. */
    public record ConnectionChanges(
            String name, String apiKey, String webhookSecret, Integer maxConcurrentCalls, Double callsPerSecond) {}

    private final VoiceConnectionRepository repository;
    private final Map<String, VoiceProvider> providers;
    private final ProviderProperties properties;
    private final AgentService agents;

    VoiceConnections(
            VoiceConnectionRepository repository,
            List<VoiceProvider> providers,
            ProviderProperties properties,
            AgentService agents) {
        this.repository = repository;
        this.providers = providers.stream().collect(Collectors.toMap(VoiceProvider::name, Function.identity()));
        this.properties = properties;
        this.agents = agents;
    }

    /** The providers a connection may name: every provider bean, and the simulator. */
    public List<String> providerNames() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(providers.keySet());
        names.add(SIMULATOR);
        return List.copyOf(names);
    }

    @Transactional
    public VoiceConnection create(String organizationId, NewConnection connection) {
        if (connection.provider() == null || !providerNames().contains(connection.provider())) {
            throw ApiException.validation("provider must be one of " + String.join(", ", providerNames()));
        }
        if (!SIMULATOR.equals(connection.provider()) && connection.apiKey() == null) {
            throw ApiException.validation("apiKey must not be null for provider " + connection.provider());
        }
        VoiceConnectionRepository.Values values = new VoiceConnectionRepository.Values(
                connection.name().strip(),
                connection.apiKey(),
                connection.webhookSecret(),
                connection.maxConcurrentCalls() == null ? 10 : connection.maxConcurrentCalls(),
                connection.callsPerSecond());
        return repository
                .insert(organizationId, Ids.newId(PREFIX), connection.provider(), values)
                .orElseThrow(() -> nameTaken(values.name()));
    }

    public Page<VoiceConnection> list(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.list(organizationId, page.after(), page.fetchSize()), page.limit(), VoiceConnection::id);
    }

    /** The connection, unless it does not exist or is another organization's. */
    public Optional<VoiceConnection> find(String organizationId, String connectionId) {
        return Ids.looksLike(PREFIX, connectionId)
                ? repository.find(organizationId, connectionId, false)
                : Optional.empty();
    }

    VoiceConnection get(String organizationId, String connectionId) {
        return find(organizationId, connectionId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    @Transactional
    public VoiceConnection update(String organizationId, String connectionId, ConnectionChanges changes) {
        lock(organizationId, connectionId);
        String name = changes.name() == null ? null : changes.name().strip();
        if (name != null && repository.nameTaken(organizationId, connectionId, name)) {
            throw nameTaken(name);
        }
        return repository
                .update(
                        organizationId,
                        connectionId,
                        new VoiceConnectionRepository.Values(
                                name,
                                changes.apiKey(),
                                changes.webhookSecret(),
                                changes.maxConcurrentCalls(),
                                changes.callsPerSecond()))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /**
     * Deletes a connection no live agent names. The row is locked first, so an agent naming it
     * concurrently (its foreign key locks the row too) is either seen here or waits and then fails.
     */
    @Transactional
    public void delete(String organizationId, String connectionId) {
        lock(organizationId, connectionId);
        if (agents.anyUsesVoiceConnection(organizationId, connectionId)) {
            throw ApiException.conflict("Voice connection is used by agents; point them elsewhere first");
        }
        repository.delete(organizationId, connectionId);
    }

    /** {@code POST …/{id}/test}: the provider's read-only check of the stored credentials. */
    public ConnectionCheck test(String organizationId, String connectionId) {
        ProviderConnection connection =
                connection(organizationId, connectionId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        return provider(connection.provider())
                .map(p -> p.check(connection))
                .orElseGet(() -> ConnectionCheck.failed("No provider '" + connection.provider() + "' runs here"));
    }

    /**
     * How the agent's calls are placed: empty when the agent is unknown, names no connection, or its
     * connection's provider does not run on this node.
     */
    public Optional<VoiceRoute> routeFor(String organizationId, String agentId) {
        Optional<Agent> agent = agents.find(organizationId, agentId);
        if (agent.isEmpty() || agent.get().voiceConnectionId() == null) {
            return Optional.empty();
        }
        return connection(organizationId, agent.get().voiceConnectionId())
                .flatMap(connection -> provider(connection.provider())
                        .map(provider ->
                                new VoiceRoute(connection, provider, agent.get().providerAgentId())));
    }

    /** A connection with its credentials decrypted, for the dialing side (hang-ups, limits). */
    public Optional<ProviderConnection> connection(String organizationId, String connectionId) {
        if (!Ids.looksLike(PREFIX, connectionId)) {
            return Optional.empty();
        }
        return repository.credentials(organizationId, connectionId).map(this::toProvider);
    }

    /** The provider bean of that name. */
    public Optional<VoiceProvider> provider(String name) {
        return Optional.ofNullable(name == null ? null : providers.get(name));
    }

    /** For the provider webhook: the URL names the connection alone. */
    Optional<ProviderConnection> connectionById(String connectionId) {
        if (!Ids.looksLike(PREFIX, connectionId)) {
            return Optional.empty();
        }
        return repository.credentialsById(connectionId).map(this::toProvider);
    }

    private ProviderConnection toProvider(VoiceConnectionRepository.Credentials c) {
        URI baseUrl = properties
                .endpoint(c.provider())
                .map(ProviderProperties.Endpoint::baseUrl)
                .orElse(URI.create("urn:agentcalls:provider:" + c.provider()));
        return new ProviderConnection(
                c.id(),
                c.organizationId(),
                c.provider(),
                baseUrl,
                c.apiKey(),
                c.webhookSecret(),
                c.maxConcurrentCalls(),
                c.callsPerSecond());
    }

    private void lock(String organizationId, String connectionId) {
        if (!Ids.looksLike(PREFIX, connectionId)
                || repository.find(organizationId, connectionId, true).isEmpty()) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("A voice connection named '" + name + "' exists already");
    }
}
