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

@Repository
class AgentRepository {

    private static final String INSERT = """
            INSERT INTO agents (organization_id, id, name, language, voice, prompt, variables, required_variables)
            VALUES (:organizationId, :id, :name, :language, :voice, :prompt,
                    CAST(:variables AS text[]), CAST(:requiredVariables AS text[]))
            RETURNING id, name, language, voice, prompt, variables, required_variables, created_at, updated_at
            """;
    private static final String FIND = """
            SELECT id, name, language, voice, prompt, variables, required_variables, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String FIND_FOR_UPDATE = """
            SELECT id, name, language, voice, prompt, variables, required_variables, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            FOR UPDATE
            """;
    private static final String LIST = """
            SELECT id, name, language, voice, prompt, variables, required_variables, created_at, updated_at
            FROM agents
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String UPDATE = """
            UPDATE agents
            SET name = :name, language = :language, voice = :voice, prompt = :prompt,
                variables = CAST(:variables AS text[]), required_variables = CAST(:requiredVariables AS text[]),
                updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            RETURNING id, name, language, voice, prompt, variables, required_variables, created_at, updated_at
            """;
    private static final String SOFT_DELETE = """
            UPDATE agents SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Agent insert(String organizationId, Agent agent) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("id", agent.id())
                .params(contentOf(agent))
                .query(AgentRepository::agent)
                .single();
    }

    Optional<Agent> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(AgentRepository::agent)
                .optional();
    }

    /** Locks the agent's row so concurrent PATCHes merge one after the other. */
    Optional<Agent> findForUpdate(String organizationId, String id) {
        return jdbc.sql(FIND_FOR_UPDATE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(AgentRepository::agent)
                .optional();
    }

    List<Agent> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(AgentRepository::agent)
                .list();
    }

    Agent update(String organizationId, Agent agent) {
        return jdbc.sql(UPDATE)
                .param("organizationId", organizationId)
                .param("id", agent.id())
                .params(contentOf(agent))
                .query(AgentRepository::agent)
                .single();
    }

    boolean softDelete(String organizationId, String id) {
        return jdbc.sql(SOFT_DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Map<String, Object> contentOf(Agent agent) {
        var params = new HashMap<String, Object>();
        params.put("name", agent.name());
        params.put("language", agent.language());
        params.put("voice", agent.voice());
        params.put("prompt", agent.prompt());
        params.put("variables", agent.variables().toArray(String[]::new));
        params.put("requiredVariables", agent.requiredVariables().toArray(String[]::new));
        return params;
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        return new Agent(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("language"),
                rs.getString("voice"),
                rs.getString("prompt"),
                textArray(rs, "variables"),
                textArray(rs, "required_variables"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> textArray(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
