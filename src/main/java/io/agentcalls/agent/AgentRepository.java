package io.agentcalls.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class AgentRepository {

    private static final String INSERT = """
            INSERT INTO agents (organization_id, id, name, language, voice, prompt, variables, required_variables,
                                voice_connection_id, provider_agent_id, outcome_mapping)
            VALUES (:organizationId, :id, :name, :language, :voice, :prompt,
                    CAST(:variables AS text[]), CAST(:requiredVariables AS text[]),
                    :voiceConnectionId, :providerAgentId, CAST(:outcomeMapping AS jsonb))
            RETURNING id, name, language, voice, prompt, variables, required_variables, voice_connection_id,
                   provider_agent_id, outcome_mapping, created_at, updated_at
            """;
    private static final String FIND = """
            SELECT id, name, language, voice, prompt, variables, required_variables, voice_connection_id,
                   provider_agent_id, outcome_mapping, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String FIND_FOR_UPDATE = """
            SELECT id, name, language, voice, prompt, variables, required_variables, voice_connection_id,
                   provider_agent_id, outcome_mapping, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            FOR UPDATE
            """;
    private static final String LIST = """
            SELECT id, name, language, voice, prompt, variables, required_variables, voice_connection_id,
                   provider_agent_id, outcome_mapping, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String UPDATE = """
            UPDATE agents
            SET name = :name, language = :language, voice = :voice, prompt = :prompt,
                variables = CAST(:variables AS text[]), required_variables = CAST(:requiredVariables AS text[]),
                voice_connection_id = :voiceConnectionId, provider_agent_id = :providerAgentId,
                outcome_mapping = CAST(:outcomeMapping AS jsonb), updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            RETURNING id, name, language, voice, prompt, variables, required_variables, voice_connection_id,
                   provider_agent_id, outcome_mapping, created_at, updated_at
            """;
    private static final String USES_VOICE_CONNECTION = """
            SELECT EXISTS (SELECT 1 FROM agents
                           WHERE organization_id = :organizationId AND voice_connection_id = :connectionId
                             AND deleted_at IS NULL)
            """;
    private static final String SOFT_DELETE = """
            UPDATE agents SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AgentRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean anyUsesVoiceConnection(String organizationId, String connectionId) {
        return jdbc.sql(USES_VOICE_CONNECTION)
                .param("organizationId", organizationId)
                .param("connectionId", connectionId)
                .query(Boolean.class)
                .single();
    }

    Agent insert(String organizationId, Agent agent) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("id", agent.id())
                .params(contentOf(agent))
                .query(this::agent)
                .single();
    }

    Optional<Agent> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(this::agent)
                .optional();
    }

    /** Locks the agent's row so concurrent PATCHes merge one after the other. */
    Optional<Agent> findForUpdate(String organizationId, String id) {
        return jdbc.sql(FIND_FOR_UPDATE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(this::agent)
                .optional();
    }

    List<Agent> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(this::agent)
                .list();
    }

    Agent update(String organizationId, Agent agent) {
        return jdbc.sql(UPDATE)
                .param("organizationId", organizationId)
                .param("id", agent.id())
                .params(contentOf(agent))
                .query(this::agent)
                .single();
    }

    boolean softDelete(String organizationId, String id) {
        return jdbc.sql(SOFT_DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private Map<String, Object> contentOf(Agent agent) {
        var params = new HashMap<String, Object>();
        params.put("name", agent.name());
        params.put("language", agent.language());
        params.put("voice", agent.voice());
        params.put("prompt", agent.prompt());
        params.put("variables", agent.variables().toArray(String[]::new));
        params.put("requiredVariables", agent.requiredVariables().toArray(String[]::new));
        params.put("voiceConnectionId", agent.voiceConnectionId());
        params.put("providerAgentId", agent.providerAgentId());
        params.put(
                "outcomeMapping",
                agent.outcomeMapping() == null ? null : json.writeValueAsString(agent.outcomeMapping()));
        return params;
    }

    private Agent agent(ResultSet rs, int row) throws SQLException {
        String mapping = rs.getString("outcome_mapping");
        return new Agent(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("language"),
                rs.getString("voice"),
                rs.getString("prompt"),
                textArray(rs, "variables"),
                textArray(rs, "required_variables"),
                rs.getString("voice_connection_id"),
                rs.getString("provider_agent_id"),
                mapping == null ? null : json.readValue(mapping, OutcomeMapping.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> textArray(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
