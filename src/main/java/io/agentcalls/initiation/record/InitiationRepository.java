package io.agentcalls.initiation.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Initiation records, which double as the idempotency store of Initiate Call(s). */
@Repository
class InitiationRepository {

    private static final String RELEASE_EXPIRED_KEY = """
            UPDATE initiations SET idempotency_key = NULL
            WHERE organization_id = :organizationId AND idempotency_key = :key
              AND created_at < now() - interval '24 hours'
            """;
    private static final String INSERT = """
            INSERT INTO initiations (organization_id, id, campaign_id, api_key_id, idempotency_key, request)
            VALUES (:organizationId, :id, :campaignId, :apiKeyId, :key, CAST(:request AS jsonb))
            ON CONFLICT (organization_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """;
    private static final String FIND_BY_KEY = """
            SELECT * FROM initiations WHERE organization_id = :organizationId AND idempotency_key = :key
            """;
    private static final String FIND = """
            SELECT * FROM initiations WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String COMPLETE = """
            UPDATE initiations
            SET state = 'completed', response_status = :status, response = :response, completed_at = now()
            WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String DELETE = """
            DELETE FROM initiations WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String LIST_BY_CAMPAIGN = """
            SELECT * FROM initiations
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
              AND (CAST(:before AS text) IS NULL OR id < :before)
            ORDER BY id DESC LIMIT :limit
            """;

    private final JdbcClient jdbc;

    InitiationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new initiation; with an idempotency key, only if no live request holds the key.
     *
     * @return true when recorded, false when the key names an earlier request of the last 24 h
     */
    @Transactional
    boolean insert(String organizationId, String id, String campaignId, String apiKeyId, String key, String request) {
        if (key != null) {
            jdbc.sql(RELEASE_EXPIRED_KEY)
                    .param("organizationId", organizationId)
                    .param("key", key)
                    .update();
        }
        return jdbc.sql(INSERT)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("campaignId", campaignId)
                        .param("apiKeyId", apiKeyId)
                        .param("key", key)
                        .param("request", request)
                        .update()
                == 1;
    }

    Optional<StoredInitiation> findByKey(String organizationId, String key) {
        return jdbc.sql(FIND_BY_KEY)
                .param("organizationId", organizationId)
                .param("key", key)
                .query(InitiationRepository::stored)
                .optional();
    }

    Optional<StoredInitiation> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(InitiationRepository::stored)
                .optional();
    }

    void complete(String organizationId, String id, int status, String response) {
        jdbc.sql(COMPLETE)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("status", status)
                .param("response", response)
                .update();
    }

    void delete(String organizationId, String id) {
        jdbc.sql(DELETE).param("organizationId", organizationId).param("id", id).update();
    }

    List<StoredInitiation> listByCampaign(String organizationId, String campaignId, String before, int limit) {
        return jdbc.sql(LIST_BY_CAMPAIGN)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("before", before)
                .param("limit", limit)
                .query(InitiationRepository::stored)
                .list();
    }

    private static StoredInitiation stored(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("response_status");
        return new StoredInitiation(
                rs.getString("id"),
                rs.getString("campaign_id"),
                rs.getString("api_key_id"),
                rs.getString("idempotency_key"),
                rs.getString("request"),
                rs.getString("state"),
                rs.wasNull() ? null : status,
                rs.getString("response"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class));
    }
}
