package io.agentcalls.call;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Changes to calls. Statements that change many calls return them, so events need no re-read. */
@Repository
class CallRepository {

    private static final String MARK_INITIATED = """
            WITH c AS (
                UPDATE calls k SET status = 'initiated', initiated_at = now(), updated_at = now()
                WHERE k.organization_id = :organizationId AND k.id = ANY(:ids) AND k.status = 'queued'
                RETURNING k.*)
            SELECT %s, CAST(NULL AS text) AS disposition_label FROM c
            """.formatted(CallRowMapper.COLUMNS);
    private static final String MARK_FAILED_TO_INITIATE = """
            WITH c AS (
                UPDATE calls k
                SET status = 'failed_to_initiate', failure_reason = f.reason, ended_at = now(), updated_at = now()
                FROM unnest(CAST(:ids AS text[]), CAST(:reasons AS text[])) AS f(id, reason)
                WHERE k.organization_id = :organizationId AND k.id = f.id AND k.status = 'queued'
                RETURNING k.*)
            SELECT %s, CAST(NULL AS text) AS disposition_label FROM c
            """.formatted(CallRowMapper.COLUMNS);
    private static final String CANCEL_ONE = """
            WITH c AS (
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now()
                WHERE k.organization_id = :organizationId AND k.id = :id
                  AND k.status IN ('queued', 'initiated', 'ringing')
                RETURNING k.*)
            SELECT %s, d.label AS disposition_label FROM c
            %s
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    // Row locks re-check the status, so a call answered meanwhile is left alone.
    private static final String CANCEL_INITIATION_CHUNK =
            """
            WITH target AS (
                SELECT organization_id, id FROM calls
                WHERE organization_id = :organizationId AND initiation_id = :initiationId
                  AND status IN ('queued', 'initiated', 'ringing')
                ORDER BY id LIMIT :limit
                FOR UPDATE),
            c AS (
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now()
                FROM target t
                WHERE k.organization_id = t.organization_id AND k.id = t.id
                RETURNING k.*)
            SELECT %s, d.label AS disposition_label FROM c
            %s
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    // the console's "cancel campaign": every call of the campaign not yet answered, a chunk at a time
    private static final String CANCEL_CAMPAIGN_CHUNK = """
            WITH target AS (
                SELECT organization_id, id FROM calls
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                  AND status IN ('queued', 'initiated', 'ringing')
                ORDER BY id LIMIT :limit
                FOR UPDATE),
            c AS (
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now()
                FROM target t
                WHERE k.organization_id = t.organization_id AND k.id = t.id
                RETURNING k.*)
            SELECT %s, d.label AS disposition_label FROM c
            %s
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    private static final String INITIATION_EXISTS = """
            SELECT count(*) FROM initiations WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String COUNT_INITIATION_CALLS = """
            SELECT count(*) FROM calls WHERE organization_id = :organizationId AND initiation_id = :initiationId
            """;
    // Every node runs this; SKIP LOCKED lets them share the work instead of waiting on each other.
    private static final String FAIL_STUCK = """
            WITH stuck AS (
                SELECT organization_id, id FROM calls
                -- a call not updated for that long was queued at least that long ago: calls_active_by_age
                -- narrows the walk to old active calls without an index on status or updated_at, which
                -- every status change would have to write (docs/PERFORMANCE.md, HOT updates)
                WHERE active AND queued_at < now() - CAST(:after AS interval)
                  AND status IN ('initiated', 'ringing') AND updated_at < now() - CAST(:after AS interval)
                ORDER BY queued_at LIMIT :limit
                FOR UPDATE SKIP LOCKED),
            c AS (
                UPDATE calls k SET status = 'failed', failure_reason = :reason, ended_at = now(), updated_at = now()
                FROM stuck s
                WHERE k.organization_id = s.organization_id AND k.id = s.id
                RETURNING k.*)
            SELECT %s, d.label AS disposition_label FROM c
            %s
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);

    private final JdbcClient jdbc;
    private final CallRowMapper mapper;

    CallRepository(JdbcClient jdbc, CallRowMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    List<CallRow> markInitiated(String organizationId, List<String> ids) {
        return jdbc.sql(MARK_INITIATED)
                .param("organizationId", organizationId)
                .param("ids", ids.toArray(String[]::new))
                .query(mapper)
                .list();
    }

    List<CallRow> markFailedToInitiate(String organizationId, List<CallService.FailedCall> failed) {
        return jdbc.sql(MARK_FAILED_TO_INITIATE)
                .param("organizationId", organizationId)
                .param(
                        "ids",
                        failed.stream().map(CallService.FailedCall::callId).toArray(String[]::new))
                .param(
                        "reasons",
                        failed.stream().map(CallService.FailedCall::reason).toArray(String[]::new))
                .query(mapper)
                .list();
    }

    List<CallRow> cancel(String organizationId, String callId) {
        return jdbc.sql(CANCEL_ONE)
                .param("organizationId", organizationId)
                .param("id", callId)
                .query(mapper)
                .list();
    }

    List<CallRow> cancelInitiationChunk(String organizationId, String initiationId, int limit) {
        return jdbc.sql(CANCEL_INITIATION_CHUNK)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    List<CallRow> cancelCampaignChunk(String organizationId, String campaignId, int limit) {
        return jdbc.sql(CANCEL_CAMPAIGN_CHUNK)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("limit", limit)
                .query(mapper)
                .list();
    }

    boolean initiationExists(String organizationId, String initiationId) {
        return jdbc.sql(INITIATION_EXISTS)
                        .param("organizationId", organizationId)
                        .param("id", initiationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long countInitiationCalls(String organizationId, String initiationId) {
        return jdbc.sql(COUNT_INITIATION_CALLS)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .query(Long.class)
                .single();
    }

    List<CallRow> failStuck(Duration after, String reason, int limit) {
        return jdbc.sql(FAIL_STUCK)
                .param("after", after.toMillis() + " milliseconds")
                .param("reason", reason)
                .param("limit", limit)
                .query(mapper)
                .list();
    }
}
