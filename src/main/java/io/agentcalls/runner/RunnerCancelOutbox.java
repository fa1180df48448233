package io.agentcalls.runner;

import io.agentcalls.common.LeasedWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code runner_cancels} outbox: a cancel is written in the transaction that decided it, claimed
 * by any node with a heartbeat lease (SKIP LOCKED), sent, and deleted once the runner acknowledged
 * it; a failed send waits longer each time, and is never given up.
 */
@Repository
class RunnerCancelOutbox implements LeasedWork {

    private static final String ENQUEUE = """
            INSERT INTO runner_cancels (organization_id, id, call_ids, reason)
            VALUES (:organizationId, new_id('rcn'), CAST(:callIds AS text[]), :reason)
            RETURNING id
            """;
    // The one just written, sent at once after its transaction committed, unless a node holds it.
    private static final String CLAIM_ONE = """
            WITH due AS (
                SELECT organization_id, id, claimed_by, claimed_until FROM runner_cancels
                WHERE organization_id = :organizationId AND id = :id
                  AND (claimed_until IS NULL OR claimed_until < now())
                FOR UPDATE SKIP LOCKED
            )
            UPDATE runner_cancels r
            SET claimed_by = :holder, claimed_until = now() + CAST(:lease AS interval), attempts = r.attempts + 1
            FROM due
            WHERE r.organization_id = due.organization_id AND r.id = due.id
            RETURNING r.organization_id, r.id, r.call_ids, r.reason, r.attempts,
                      due.claimed_by AS previous_holder, due.claimed_until AS expired_at
            """;
    // Oldest due first across organizations; a lease that ran out (its node died) is due again.
    private static final String CLAIM = """
            WITH due AS (
                SELECT organization_id, id, claimed_by, claimed_until FROM runner_cancels
                WHERE next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE runner_cancels r
            SET claimed_by = :holder, claimed_until = now() + CAST(:lease AS interval), attempts = r.attempts + 1
            FROM due
            WHERE r.organization_id = due.organization_id AND r.id = due.id
            RETURNING r.organization_id, r.id, r.call_ids, r.reason, r.attempts,
                      due.claimed_by AS previous_holder, due.claimed_until AS expired_at
            """;
    private static final String ACKNOWLEDGED = """
            DELETE FROM runner_cancels WHERE organization_id = :organizationId AND id = :id AND claimed_by = :holder
            """;
    private static final String RETRY_LATER = """
            UPDATE runner_cancels
            SET claimed_by = NULL, claimed_until = NULL, last_error = :error,
                next_attempt_at = now() + CAST(:after AS interval)
            WHERE organization_id = :organizationId AND id = :id AND claimed_by = :holder
            """;
    private static final String RENEW = """
            UPDATE runner_cancels SET claimed_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE claimed_until IS NOT NULL AND claimed_by = :holder
            """;
    private static final String HAND_BACK = """
            UPDATE runner_cancels SET claimed_until = now(), claimed_by = NULL
            WHERE claimed_until IS NOT NULL AND claimed_by = :holder
            """;

    /** A claimed cancel; {@code expiredAt} is set when it was taken over from another node's lease. */
    record ClaimedCancel(
            String organizationId,
            String id,
            List<String> callIds,
            String reason,
            int attempts,
            String previousHolder,
            OffsetDateTime expiredAt) {}

    private final JdbcClient jdbc;

    RunnerCancelOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: the cancel is written with the change that decided it, or not at all. */
    /** @return the cancel's id */
    String enqueue(String organizationId, List<String> callIds, String reason) {
        return jdbc.sql(ENQUEUE)
                .param("organizationId", organizationId)
                .param("callIds", callIds.toArray(String[]::new))
                .param("reason", reason)
                .query(String.class)
                .single();
    }

    List<ClaimedCancel> claim(int limit, String holder, String lease) {
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("holder", holder)
                .param("lease", lease)
                .query(RunnerCancelOutbox::claimed)
                .list();
    }

    Optional<ClaimedCancel> claimOne(String organizationId, String id, String holder, String lease) {
        return jdbc.sql(CLAIM_ONE)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("holder", holder)
                .param("lease", lease)
                .query(RunnerCancelOutbox::claimed)
                .optional();
    }

    private static ClaimedCancel claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedCancel(
                rs.getString("organization_id"),
                rs.getString("id"),
                Arrays.asList((String[]) rs.getArray("call_ids").getArray()),
                rs.getString("reason"),
                rs.getInt("attempts"),
                rs.getString("previous_holder"),
                rs.getObject("expired_at", OffsetDateTime.class));
    }

    /** False when this node no longer held it (its lease ran out and another node took it). */
    boolean acknowledged(ClaimedCancel cancel, String holder) {
        return jdbc.sql(ACKNOWLEDGED)
                        .param("organizationId", cancel.organizationId())
                        .param("id", cancel.id())
                        .param("holder", holder)
                        .update()
                == 1;
    }

    void retryLater(ClaimedCancel cancel, String holder, String error, Duration after) {
        jdbc.sql(RETRY_LATER)
                .param("organizationId", cancel.organizationId())
                .param("id", cancel.id())
                .param("holder", holder)
                .param("error", error)
                .param("after", after.toMillis() + " milliseconds")
                .update();
    }

    @Override
    public String work() {
        return "runner cancels";
    }

    @Override
    public int renew(String holder, String lease) {
        return jdbc.sql(RENEW).param("holder", holder).param("lease", lease).update();
    }

    @Override
    public int handBack(String holder) {
        return jdbc.sql(HAND_BACK).param("holder", holder).update();
    }
}
