package io.agentcalls.call;

import java.time.Duration;
import java.time.ZoneOffset;
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
    // Accepted by the built-in runner: initiated and into its dial queue in one write of each row, so
    // the row's indexes are updated once (the dial columns are indexed: the acceptance is never HOT).
    // Each call waits until :from or its scheduledFor, whichever is later (greatest skips a NULL), and
    // expires after the campaign's expireAfter from then. A call an older node already put in the
    // queue keeps its dial times.
    private static final String MARK_INITIATED_INTO_DIAL_QUEUE = """
            WITH c AS (
                UPDATE calls k SET status = 'initiated', initiated_at = now(), updated_at = now(),
                    dial_state = coalesce(k.dial_state, 'waiting'),
                    dial_after = CASE WHEN k.dial_state IS NULL
                                      THEN greatest(CAST(:from AS timestamptz), k.scheduled_for) ELSE k.dial_after END,
                    expires_at = CASE WHEN k.dial_state IS NULL
                                      THEN greatest(CAST(:from AS timestamptz), k.scheduled_for)
                                           + cp.expire_after_seconds * interval '1 second'
                                      ELSE k.expires_at END
                FROM campaigns cp
                WHERE k.organization_id = :organizationId AND k.id = ANY(:ids) AND k.status = 'queued'
                  AND cp.organization_id = k.organization_id AND cp.id = k.campaign_id
                RETURNING k.*)
            SELECT %s, CAST(NULL AS text) AS disposition_label FROM c
            """.formatted(CallRowMapper.COLUMNS);
    private static final String MARK_FAILED_TO_INITIATE = """
            WITH c AS (
                UPDATE calls k
                SET status = 'failed_to_initiate', failure_reason = f.reason, ended_at = now(), updated_at = now(),
                    runner_cancel = CASE WHEN :ambiguous THEN 'pending' END
                FROM unnest(CAST(:ids AS text[]), CAST(:reasons AS text[])) AS f(id, reason)
                WHERE k.organization_id = :organizationId AND k.id = f.id AND k.status = 'queued'
                RETURNING k.*)
            SELECT %s, CAST(NULL AS text) AS disposition_label FROM c
            """.formatted(CallRowMapper.COLUMNS);
    // The runner confirmed a cancel: an ambiguous call no longer holds its customer (active changes).
    private static final String ACKNOWLEDGE_CANCEL = """
            UPDATE calls SET runner_cancel = 'acknowledged'
            WHERE organization_id = :organizationId AND id = ANY (CAST(:ids AS text[])) AND runner_cancel = 'pending'
            """;
    private static final String CANCEL_ONE = """
            WITH c AS (
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now(), runner_cancel = 'pending',
                    -- a cancelled call leaves the built-in runner's queue
                    dial_state = CASE WHEN k.dial_state = 'waiting' THEN NULL ELSE k.dial_state END
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
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now(), runner_cancel = 'pending',
                    -- a cancelled call leaves the built-in runner's queue
                    dial_state = CASE WHEN k.dial_state = 'waiting' THEN NULL ELSE k.dial_state END
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
                UPDATE calls k SET status = 'cancelled', ended_at = now(), updated_at = now(),
                    dial_state = CASE WHEN k.dial_state = 'waiting' THEN NULL ELSE k.dial_state END
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
                  -- a call waiting in the built-in runner's queue (a closed window, pacing) is not stuck
                  AND dial_state IS DISTINCT FROM 'waiting'
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

    List<CallRow> markInitiated(String organizationId, AcceptedCalls accepted) {
        if (accepted.intoDialQueue()) {
            return jdbc.sql(MARK_INITIATED_INTO_DIAL_QUEUE)
                    .param("organizationId", organizationId)
                    .param("ids", accepted.ids().toArray(String[]::new))
                    .param("from", accepted.dialQueueFrom().atOffset(ZoneOffset.UTC))
                    .query(mapper)
                    .list();
        }
        return jdbc.sql(MARK_INITIATED)
                .param("organizationId", organizationId)
                .param("ids", accepted.ids().toArray(String[]::new))
                .query(mapper)
                .list();
    }

    /** @param ambiguous the runner may hold them (timeout, reset): its cancel is pending */
    List<CallRow> markFailedToInitiate(String organizationId, List<CallService.FailedCall> failed, boolean ambiguous) {
        return jdbc.sql(MARK_FAILED_TO_INITIATE)
                .param("organizationId", organizationId)
                .param("ambiguous", ambiguous)
                .param(
                        "ids",
                        failed.stream().map(CallService.FailedCall::callId).toArray(String[]::new))
                .param(
                        "reasons",
                        failed.stream().map(CallService.FailedCall::reason).toArray(String[]::new))
                .query(mapper)
                .list();
    }

    int acknowledgeCancel(String organizationId, List<String> callIds) {
        return jdbc.sql(ACKNOWLEDGE_CANCEL)
                .param("organizationId", organizationId)
                .param("ids", callIds.toArray(String[]::new))
                .update();
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
