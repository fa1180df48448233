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
    // Serializes, per organization and across nodes, counting its running requests and recording one.
    private static final String LOCK_ORGANIZATION = """
            SELECT pg_advisory_xact_lock(hashtext('initiations running'), hashtext(:organizationId))
            """;
    // An API request still being answered by a live node; a dead node's is recovery's, not counted.
    // Through initiations_answer_due: only running initiations have an answer_until.
    private static final String RUNNING_REQUESTS = """
            SELECT count(*) FROM initiations
            WHERE answer_until > now() AND organization_id = :organizationId AND api_key_id IS NOT NULL
            """;
    // Leased to the node that answers it, from now until its answer is stored (V142).
    private static final String INSERT = """
            INSERT INTO initiations (organization_id, id, campaign_id, api_key_id, idempotency_key, request,
                                     request_hash, answer_by, answer_until)
            VALUES (:organizationId, :id, :campaignId, :apiKeyId, :key, CAST(:request AS jsonb), %s,
                    :holder, now() + CAST(:lease AS interval))
            ON CONFLICT (organization_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """.formatted(RequestHash.OF_REQUEST);
    private static final String SAME_REQUEST = """
            SELECT coalesce(request_hash = %s, false) FROM initiations
            WHERE organization_id = :organizationId AND id = :id
            """.formatted(RequestHash.OF_REQUEST);
    private static final String FIND_BY_KEY = """
            SELECT * FROM initiations WHERE organization_id = :organizationId AND idempotency_key = :key
            """;
    private static final String FIND = """
            SELECT * FROM initiations WHERE organization_id = :organizationId AND id = :id
            """;
    // Whoever stores the answer first (the request, or recovery after its node died) is the answer.
    private static final String COMPLETE = """
            UPDATE initiations
            SET state = 'completed', response_status = :status, response = :response, completed_at = now(),
                answer_by = NULL, answer_until = NULL
            WHERE organization_id = :organizationId AND id = :id AND state = 'running'
            """;
    /**
     * An initiation whose answering node died (its answer lease ran out) and none of whose calls is
     * still queued (crash recovery of queued calls comes first), taken over for this node; across
     * organizations, oldest first, SKIP LOCKED so every node can do it.
     */
    private static final String CLAIM_ORPHAN = """
            WITH due AS (
                SELECT i.organization_id, i.id, i.answer_by, i.answer_until FROM initiations i
                WHERE i.answer_until < now() AND i.state = 'running'
                  AND NOT EXISTS (SELECT 1 FROM calls k
                                  WHERE k.organization_id = i.organization_id AND k.initiation_id = i.id
                                    AND k.status = 'queued')
                ORDER BY i.answer_until
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE initiations i SET answer_by = :holder, answer_until = now() + CAST(:lease AS interval)
            FROM due
            WHERE i.organization_id = due.organization_id AND i.id = due.id
            RETURNING i.organization_id, i.id, i.campaign_id, due.answer_by AS previous_holder,
                      due.answer_until AS expired_at
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
    boolean insert(
            String organizationId,
            String id,
            String campaignId,
            String apiKeyId,
            String key,
            String request,
            String holder,
            String lease) {
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
                        .param("holder", holder)
                        .param("lease", lease)
                        .update()
                == 1;
    }

    /**
     * Takes the organization's lock for this transaction and counts its API requests being answered
     * by live nodes. The caller must be in a transaction: the lock holds until it ends, so a count
     * and the insert that follows it are one step for every node.
     */
    long lockAndCountRunning(String organizationId) {
        jdbc.sql(LOCK_ORGANIZATION)
                .param("organizationId", organizationId)
                .query()
                .singleRow();
        return jdbc.sql(RUNNING_REQUESTS)
                .param("organizationId", organizationId)
                .query(Long.class)
                .single();
    }

    void releaseExpiredKey(String organizationId, String key) {
        jdbc.sql(RELEASE_EXPIRED_KEY)
                .param("organizationId", organizationId)
                .param("key", key)
                .update();
    }

    boolean sameRequest(String organizationId, String id, String request) {
        return jdbc.sql(SAME_REQUEST)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("request", request)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    Optional<OrphanedInitiation> claimOrphan(String holder, String lease) {
        return jdbc.sql(CLAIM_ORPHAN)
                .param("holder", holder)
                .param("lease", lease)
                .query((rs, n) -> new OrphanedInitiation(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("campaign_id"),
                        rs.getString("previous_holder"),
                        rs.getObject("expired_at", OffsetDateTime.class)))
                .optional();
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

    /** False when the initiation was completed already (by recovery, or by its request). */
    boolean complete(String organizationId, String id, int status, String response) {
        return jdbc.sql(COMPLETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("status", status)
                        .param("response", response)
                        .update()
                == 1;
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
                rs.getString("organization_id"),
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
