package io.agentcalls.organization;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private static final String INSERT_ORGANIZATION = """
            INSERT INTO organizations (id, name) VALUES (:id, :name)
            """;
    private static final String EXISTS = """
            SELECT EXISTS (SELECT 1 FROM organizations WHERE id = :id)
            """;
    private static final String INSERT_KEY = """
            INSERT INTO api_keys (organization_id, id, name, key_prefix, key_hash)
            VALUES (:organizationId, :id, :name, :prefix, :hash)
            RETURNING id, name, key_prefix, created_at, last_used_at, revoked_at
            """;
    private static final String FIND_ACTIVE_KEY = """
            SELECT id, last_used_at FROM api_keys
            WHERE organization_id = :organizationId AND key_hash = :hash AND revoked_at IS NULL
            """;
    private static final String TOUCH_KEY = """
            UPDATE api_keys SET last_used_at = now()
            WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String LIST_KEYS = """
            SELECT id, name, key_prefix, created_at, last_used_at, revoked_at FROM api_keys
            WHERE organization_id = :organizationId AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String REVOKE_KEY = """
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
            WHERE organization_id = :organizationId AND id = :id
            """;

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrganization(Organization organization) {
        jdbc.sql(INSERT_ORGANIZATION)
                .param("id", organization.id())
                .param("name", organization.name())
                .update();
    }

    boolean exists(String id) {
        return jdbc.sql(EXISTS).param("id", id).query(Boolean.class).single();
    }

    ApiKeyView insertKey(String organizationId, String id, String name, ApiKeyToken token) {
        return jdbc.sql(INSERT_KEY)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("name", name)
                .param("prefix", token.visiblePrefix())
                .param("hash", token.hash())
                .query(OrganizationRepository::keyView)
                .single();
    }

    record ActiveKey(String id, OffsetDateTime lastUsedAt) {}

    Optional<ActiveKey> findActiveKey(ApiKeyToken token) {
        return jdbc.sql(FIND_ACTIVE_KEY)
                .param("organizationId", token.organizationId())
                .param("hash", token.hash())
                .query((rs, n) -> new ActiveKey(rs.getString("id"), rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
    }

    void touchKey(String organizationId, String id) {
        jdbc.sql(TOUCH_KEY)
                .param("organizationId", organizationId)
                .param("id", id)
                .update();
    }

    List<ApiKeyView> listKeys(String organizationId, String after, int limit) {
        return jdbc.sql(LIST_KEYS)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(OrganizationRepository::keyView)
                .list();
    }

    boolean revokeKey(String organizationId, String id) {
        return jdbc.sql(REVOKE_KEY)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static ApiKeyView keyView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiKeyView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("key_prefix"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class),
                null);
    }
}
