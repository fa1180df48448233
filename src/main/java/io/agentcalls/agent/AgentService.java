package io.agentcalls.agent;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** AI agents of an organization; what other features use to learn an agent's prompt and variables. */
@Service
public class AgentService {

    private static final String NOT_FOUND = "Agent not found";
    private static final String VOICE_CONNECTION_KEY = "agents_voice_connection";

    private final AgentRepository repository;

    AgentService(AgentRepository repository) {
        this.repository = repository;
    }

    /** A new agent; name and prompt are required, the rest may be null. */
    public record NewAgent(
            String name,
            String language,
            String voice,
            String prompt,
            List<String> variables,
            String voiceConnectionId,
            String providerAgentId,
            OutcomeMapping outcomeMapping) {

        public NewAgent(String name, String language, String voice, String prompt, List<String> variables) {
            this(name, language, voice, prompt, variables, null, null, null);
        }
    }

    /** A change to an agent: every field that is null stays as it is. */
    public record AgentChanges(
            String name,
            String language,
            String voice,
            String prompt,
            List<String> variables,
            String voiceConnectionId,
            String providerAgentId,
            OutcomeMapping outcomeMapping) {

        public AgentChanges(String name, String language, String voice, String prompt, List<String> variables) {
            this(name, language, voice, prompt, variables, null, null, null);
        }
    }

    @Transactional
    public Agent create(String organizationId, NewAgent agent) {
        Agent checked = checked(
                Ids.newId("agt"),
                agent.name().strip(),
                language(agent.language()),
                strip(agent.voice()),
                agent.prompt(),
                agent.variables() == null ? List.of() : agent.variables(),
                new ProviderSide(agent.voiceConnectionId(), strip(agent.providerAgentId()), agent.outcomeMapping()));
        return withConnection(() -> repository.insert(organizationId, checked));
    }

    /** Whether a live agent places its calls through this voice connection. */
    public boolean anyUsesVoiceConnection(String organizationId, String connectionId) {
        return repository.anyUsesVoiceConnection(organizationId, connectionId);
    }

    /** The agent, unless it does not exist, belongs to another organization, or was deleted. */
    public Optional<Agent> find(String organizationId, String agentId) {
        if (!Ids.looksLike("agt", agentId)) {
            return Optional.empty();
        }
        return repository.find(organizationId, agentId);
    }

    Agent get(String organizationId, String agentId) {
        return find(organizationId, agentId).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    public Page<Agent> list(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.list(organizationId, page.after(), page.fetchSize()), page.limit(), Agent::id);
    }

    /** Applies the given fields and recomputes the required variables from the merged prompt. */
    @Transactional
    public Agent update(String organizationId, String agentId, AgentChanges changes) {
        Agent current = Optional.of(agentId)
                .filter(id -> Ids.looksLike("agt", id))
                .flatMap(id -> repository.findForUpdate(organizationId, id))
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        Agent checked = checked(
                current.id(),
                changes.name() != null ? changes.name().strip() : current.name(),
                changes.language() != null ? language(changes.language()) : current.language(),
                changes.voice() != null ? strip(changes.voice()) : current.voice(),
                changes.prompt() != null ? changes.prompt() : current.prompt(),
                changes.variables() != null ? changes.variables() : current.variables(),
                new ProviderSide(
                        changes.voiceConnectionId() != null ? changes.voiceConnectionId() : current.voiceConnectionId(),
                        changes.providerAgentId() != null
                                ? strip(changes.providerAgentId())
                                : current.providerAgentId(),
                        changes.outcomeMapping() != null ? changes.outcomeMapping() : current.outcomeMapping()));
        return withConnection(() -> repository.update(organizationId, checked));
    }

    /** Where the agent's calls go at the provider. */
    private record ProviderSide(String voiceConnectionId, String providerAgentId, OutcomeMapping outcomeMapping) {}

    /**
     * The voice connection is checked by the database: the foreign key on (organization, connection)
     * refuses another organization's connection or a missing one, even one deleted a moment ago.
     */
    private static Agent withConnection(java.util.function.Supplier<Agent> write) {
        try {
            return write.get();
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMessage()).contains(VOICE_CONNECTION_KEY)) {
                throw ApiException.validation("voiceConnectionId must be a voice connection of the organization");
            }
            throw e;
        }
    }

    public void delete(String organizationId, String agentId) {
        if (!Ids.looksLike("agt", agentId) || !repository.softDelete(organizationId, agentId)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    /** Validates the prompt and the declared variables; derives the required variables. */
    private static Agent checked(
            String id,
            String name,
            String language,
            String voice,
            String prompt,
            List<String> variables,
            ProviderSide provider) {
        PromptTemplate.Parsed parsed = PromptTemplate.parse(prompt);
        List<String> errors = new ArrayList<>(parsed.errors());
        errors.addAll(PromptTemplate.checkVariableNames(variables));
        if (provider.voiceConnectionId() != null && !Ids.looksLike("vcn", provider.voiceConnectionId())) {
            errors.add("voiceConnectionId must be a voice connection of the organization");
        }
        if (provider.outcomeMapping() != null) {
            errors.addAll(provider.outcomeMapping().errors());
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        List<String> declared = List.copyOf(new LinkedHashSet<>(variables));
        return new Agent(
                id,
                name,
                language,
                voice,
                prompt,
                declared,
                PromptTemplate.requiredVariables(parsed.variables(), declared),
                provider.voiceConnectionId(),
                provider.providerAgentId(),
                provider.outcomeMapping(),
                null,
                null);
    }

    private static String language(String language) {
        return language == null ? null : language.strip().toLowerCase(Locale.ROOT);
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
