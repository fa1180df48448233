package io.agentcalls.initiation.dispatch;

import io.agentcalls.common.LeasedWork;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatch lease of an initiation: its calls are written leased to the node dispatching them, so
 * crash recovery on another node does not send them at the same time, and takes them over once the
 * node stops renewing the lease (it died).
 */
@Repository
class DispatchLeaseRepository implements LeasedWork {

    /**
     * The heartbeat: every lease this node holds, in one statement (through the partial index on
     * dispatch_until). A lease that ran out and was not taken over yet is this node's to renew.
     */
    private static final String RENEW_ALL = """
            UPDATE initiations SET dispatch_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE dispatch_until IS NOT NULL AND dispatch_by = :holder
            """;

    /** A stopping node: everything it holds is due to recovery on any node at once. */
    private static final String HAND_BACK_ALL = """
            UPDATE initiations SET dispatch_by = NULL, dispatch_until = now()
            WHERE dispatch_until IS NOT NULL AND dispatch_by = :holder
            """;

    /** Every call of the initiation has left 'queued': nothing is left to recover. */
    private static final String RELEASE = """
            UPDATE initiations SET dispatch_by = NULL, dispatch_until = NULL
            WHERE organization_id = :organizationId AND id = :initiationId AND dispatch_by = :holder
            """;

    /** The same, after making sure, for a holder that does not know how its calls ended. */
    private static final String RELEASE_IF_NONE_QUEUED = """
            UPDATE initiations SET dispatch_by = NULL, dispatch_until = NULL
            WHERE organization_id = :organizationId AND id = :initiationId AND dispatch_by = :holder
              AND NOT EXISTS (SELECT 1 FROM calls k
                              WHERE k.organization_id = :organizationId AND k.initiation_id = :initiationId
                                AND k.status = 'queued')
            """;

    /**
     * Calls are left queued (a batch could not be read or sent): held by no node, so the heartbeat no
     * longer renews it, and due to recovery after {@code :after}, not at once, so a failure that
     * persists is retried at that pace rather than in a loop.
     */
    private static final String HAND_BACK = """
            UPDATE initiations SET dispatch_by = NULL, dispatch_until = now() + CAST(:after AS interval)
            WHERE organization_id = :organizationId AND id = :initiationId AND dispatch_by = :holder
            """;

    /**
     * An initiation whose dispatch lease ran out (its node died, or handed back calls it could not
     * send), taken over by a recovery run across organizations, SKIP LOCKED so every node can recover
     * at once. Fair between organizations: the one dispatching the fewest initiations right now comes
     * first (oldest expiry among equals), and one already dispatching {@code :perOrganization} waits,
     * so a huge or failing organization never holds every node's recovery. Returns whose lease it was
     * and when it ran out, for the operator.
     */
    private static final String CLAIM_STALE = """
            WITH held AS (
                SELECT organization_id, count(*) AS dispatching FROM initiations
                WHERE dispatch_until >= now() AND dispatch_by IS NOT NULL
                GROUP BY organization_id
            ),
            due AS (
                SELECT i.organization_id, i.id, i.dispatch_by, i.dispatch_until FROM initiations i
                LEFT JOIN held h ON h.organization_id = i.organization_id
                WHERE i.dispatch_until < now() AND coalesce(h.dispatching, 0) < :perOrganization
                ORDER BY coalesce(h.dispatching, 0), i.dispatch_until
                LIMIT 1
                FOR UPDATE OF i SKIP LOCKED
            )
            UPDATE initiations i SET dispatch_by = :claimant, dispatch_until = now() + CAST(:lease AS interval)
            FROM due
            WHERE i.organization_id = due.organization_id AND i.id = due.id
            RETURNING i.organization_id, i.id, i.campaign_id, due.dispatch_by AS previous_holder,
                      due.dispatch_until AS expired_at
            """;

    private final JdbcClient jdbc;

    DispatchLeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An initiation recovery took over, and the node that now holds its lease.
     *
     * @param previousHolder the node whose lease ran out; null when it was handed back
     */
    record StaleInitiation(
            String organizationId,
            String initiationId,
            String campaignId,
            String holder,
            String previousHolder,
            OffsetDateTime expiredAt) {}

    @Override
    public String work() {
        return "initiations being dispatched";
    }

    @Override
    public int renew(String holder, String lease) {
        return jdbc.sql(RENEW_ALL).param("holder", holder).param("lease", lease).update();
    }

    @Override
    public int handBack(String holder) {
        return jdbc.sql(HAND_BACK_ALL).param("holder", holder).update();
    }

    void release(String organizationId, String initiationId, String holder) {
        update(RELEASE, organizationId, initiationId, holder);
    }

    void releaseIfNoneQueued(String organizationId, String initiationId, String holder) {
        update(RELEASE_IF_NONE_QUEUED, organizationId, initiationId, holder);
    }

    void handBack(String organizationId, String initiationId, String holder, String after) {
        jdbc.sql(HAND_BACK)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("holder", holder)
                .param("after", after)
                .update();
    }

    Optional<StaleInitiation> claimStale(String claimant, String lease, int perOrganization) {
        return jdbc.sql(CLAIM_STALE)
                .param("claimant", claimant)
                .param("perOrganization", perOrganization)
                .param("lease", lease)
                .query((rs, row) -> new StaleInitiation(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("campaign_id"),
                        claimant,
                        rs.getString("previous_holder"),
                        rs.getObject("expired_at", OffsetDateTime.class)))
                .optional();
    }

    private void update(String sql, String organizationId, String initiationId, String holder) {
        jdbc.sql(sql)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("holder", holder)
                .update();
    }
}
