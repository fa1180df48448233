package io.agentcalls.initiation.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dispatch lease of an initiation: its calls are written leased to it, so crash recovery on
 * another node does not send them at the same time, and takes them over when the node holding the
 * lease died.
 */
@Repository
class DispatchLeaseRepository {

    /** The heartbeat of a long dispatch: the initiation stays its holder's. */
    private static final String EXTEND_LEASE = """
            UPDATE initiations SET dispatch_until = now() + CAST(:lease AS interval)
            WHERE organization_id = :organizationId AND id = :initiationId
              AND dispatch_by = :holder AND dispatch_until > now()
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
     * An initiation whose dispatch lease ran out (its node died, or left calls queued), taken over by
     * a recovery run across organizations, oldest first, SKIP LOCKED so every node can recover at once.
     */
    private static final String CLAIM_STALE = """
            WITH due AS (
                SELECT organization_id, id FROM initiations
                WHERE dispatch_until < now()
                ORDER BY dispatch_until
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE initiations i SET dispatch_by = :claimant, dispatch_until = now() + CAST(:lease AS interval)
            FROM due
            WHERE i.organization_id = due.organization_id AND i.id = due.id
            RETURNING i.organization_id, i.id, i.campaign_id
            """;

    private final JdbcClient jdbc;

    DispatchLeaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An initiation recovery took over, and the token that now holds its lease. */
    record StaleInitiation(String organizationId, String initiationId, String campaignId, String holder) {}

    void extendLease(String organizationId, String initiationId, String holder, Duration lease) {
        jdbc.sql(EXTEND_LEASE)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("holder", holder)
                .param("lease", lease.toSeconds() + " seconds")
                .update();
    }

    void release(String organizationId, String initiationId, String holder) {
        jdbc.sql(RELEASE)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("holder", holder)
                .update();
    }

    void releaseIfNoneQueued(String organizationId, String initiationId, String holder) {
        jdbc.sql(RELEASE_IF_NONE_QUEUED)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("holder", holder)
                .update();
    }

    Optional<StaleInitiation> claimStale(Duration lease) {
        String claimant = "recovery_" + UUID.randomUUID();
        return jdbc.sql(CLAIM_STALE)
                .param("claimant", claimant)
                .param("lease", lease.toSeconds() + " seconds")
                .query((rs, row) -> new StaleInitiation(
                        rs.getString("organization_id"), rs.getString("id"), rs.getString("campaign_id"), claimant))
                .optional();
    }
}
