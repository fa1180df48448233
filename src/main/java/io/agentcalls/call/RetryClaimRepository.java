package io.agentcalls.call;

import io.agentcalls.call.DueRetries.Cursor;
import io.agentcalls.call.DueRetries.DueRetry;
import io.agentcalls.campaign.RetryPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Goes through one campaign's due unsuccessful calls a page at a time. A call is retried when it is
 * its customer's latest call in the campaign, ended with a status of the policy at least the interval
 * ago, is below the attempt limit, and has no final (positive or negative) disposition — or, when the
 * policy names a call-back group, its outcome was marked to call back (CallBacks) and the time it
 * asked for has come, whatever its status and category; such calls are claimed with this node's
 * heartbeat lease (SKIP LOCKED, so any number of nodes can share a campaign; {@link RetryLeases}
 * renews it). Calls of
 * the page that can never be retried are settled on the way, so they leave the scan for good.
 */
@Repository
class RetryClaimRepository {

    /**
     * Not the customer's latest call in the campaign. A scalar subquery, one index probe per candidate
     * (calls_by_customer), which the planner cannot turn into a join over the whole campaign's calls.
     */
    private static final String SUPERSEDED = """
            k.id <> (SELECT n.id FROM calls n
                     WHERE n.organization_id = k.organization_id AND n.campaign_id = k.campaign_id
                       AND n.customer_id = k.customer_id
                     ORDER BY n.created_at DESC, n.id DESC LIMIT 1)""";

    /** A positive or negative outcome ends the retries, unless the campaign's rule asked to call it back. */
    private static final String FINAL_DISPOSITION = """
            (k.retryable_status <> 'call_back' AND EXISTS (SELECT 1 FROM disposition_codes d
                    WHERE d.organization_id = k.organization_id AND d.disposition_set_id = k.disposition_set_id
                      AND d.code = k.disposition_code AND d.category IN ('positive', 'negative')))""";

    private static final String CUSTOMER_GONE = """
            NOT EXISTS (SELECT 1 FROM customers c
                        WHERE c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id
                          AND c.id = k.customer_id)""";

    /**
     * One page: the next :limit due calls after the (ended_at, id) cursor, read in index order
     * (calls_retry_due) with no per-row check, so a page costs the same however many calls are due;
     * then, among them, the never-retried are settled and the retryable claimed. Answers the page's
     * last position, joined to each claimed call (none: one row of nulls); no row when the page is empty.
     */
    private static final String NEXT_PAGE = """
            WITH page AS MATERIALIZED (
                SELECT k.id, k.ended_at FROM calls k
                WHERE k.organization_id = :organizationId AND k.campaign_id = :campaignId
                  -- spelled out so the planner sees the partial index applies
                  AND k.retryable_status IS NOT NULL AND k.retryable_status = ANY (CAST(:on AS text[]))
                  AND k.ended_at <= now() - make_interval(mins => :intervalMinutes)
                  AND (k.ended_at, k.id) > (:afterEndedAt, :afterId)
                  -- a call back waits for the time its outcome asked for (in the index too: INCLUDE)
                  AND (k.call_back_at IS NULL OR k.call_back_at <= now())
                ORDER BY k.ended_at, k.id
                LIMIT :limit
            ),
            never_retried AS (
                UPDATE calls u SET retry_handled_at = now(), retry_claimed_until = NULL, retry_claimed_by = NULL
                WHERE u.organization_id = :organizationId AND u.id = ANY (ARRAY(
                    SELECT k.id FROM calls k
                    WHERE k.organization_id = :organizationId AND k.id IN (SELECT id FROM page)
                      AND k.retry_handled_at IS NULL
                      AND (k.attempt >= :maxAttempts OR %1$s OR %2$s OR %3$s)
                    FOR UPDATE OF k SKIP LOCKED))
            ),
            -- claims this page takes over: their node died (or handed them back) while retrying them;
            -- read before the UPDATE below, so it answers whose lease it was
            taken AS (
                SELECT k.id, k.retry_claimed_by, k.retry_claimed_until FROM calls k
                WHERE k.organization_id = :organizationId AND k.id IN (SELECT id FROM page)
                  AND k.retry_claimed_until < now()
            ),
            claimed AS (
                UPDATE calls u SET retry_claimed_until = now() + CAST(:lease AS interval), retry_claimed_by = :holder
                WHERE u.organization_id = :organizationId AND u.id = ANY (ARRAY(
                    SELECT k.id FROM calls k
                    WHERE k.organization_id = :organizationId AND k.id IN (SELECT id FROM page)
                      AND k.retry_handled_at IS NULL
                      AND (k.retry_claimed_until IS NULL OR k.retry_claimed_until < now())
                      AND k.attempt < :maxAttempts AND NOT %1$s AND NOT %2$s AND NOT %3$s
                    FOR UPDATE OF k SKIP LOCKED))
                RETURNING u.id, u.customer_id, u.attempt, u.agent_id, u.disposition_set_id, u.retry_claimed_by
            )
            SELECT last.ended_at AS last_ended_at, last.id AS last_id, c.*,
                   t.retry_claimed_by AS previous_holder, t.retry_claimed_until AS expired_at
            FROM (SELECT ended_at, id FROM page ORDER BY ended_at DESC, id DESC LIMIT 1) last
            LEFT JOIN claimed c ON true
            LEFT JOIN taken t ON t.id = c.id
            """.formatted(SUPERSEDED, FINAL_DISPOSITION, CUSTOMER_GONE);

    /**
     * After a page's retries were tried: a claimed call whose retry now exists (or whose customer is
     * gone, or that {@code settleAll} says can never be retried) is settled; the claim on the others
     * is released, so the next run tries them again. A claim that expired and was taken over by
     * another node is left to that node: it names another holder.
     */
    private static final String SETTLE_OR_RELEASE = """
            UPDATE calls k
            SET retry_handled_at = CASE WHEN %s OR %s OR CAST(:settleAll AS boolean) THEN now() END,
                retry_claimed_until = NULL, retry_claimed_by = NULL
            WHERE k.organization_id = :organizationId AND k.id = ANY (CAST(:ids AS text[]))
              AND k.retry_claimed_by = :holder AND k.retry_claimed_until IS NOT NULL
            """.formatted(SUPERSEDED, CUSTOMER_GONE);

    /** retryable_status of a call to call back (V150). */
    static final String CALL_BACK = "call_back";

    private final JdbcClient jdbc;

    RetryClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of a page: the page's last position, and a call claimed in it (null when none was). */
    private record PageRow(Cursor last, DueRetry claimed) {}

    /** The page after {@code after}; empty when the campaign has no due calls left after it. */
    Optional<DueRetries> nextPage(
            String organizationId,
            String campaignId,
            RetryPolicy policy,
            Cursor after,
            String holder,
            String lease,
            int limit) {
        List<PageRow> rows = jdbc.sql(NEXT_PAGE)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("on", retryableStatuses(policy))
                .param("maxAttempts", policy.maxAttempts())
                .param("intervalMinutes", policy.intervalMinutes())
                .param("afterEndedAt", after.endedAt())
                .param("afterId", after.callId())
                .param("holder", holder)
                .param("lease", lease)
                .param("limit", limit)
                .query(RetryClaimRepository::pageRow)
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<DueRetry> claimed =
                rows.stream().map(PageRow::claimed).filter(c -> c != null).toList();
        return Optional.of(new DueRetries(rows.get(0).last(), claimed));
    }

    /** Ends this node's claim on the calls of one page: settled or released, see {@link #SETTLE_OR_RELEASE}. */
    void settleOrRelease(String organizationId, List<DueRetry> calls, boolean settleAll) {
        if (calls.isEmpty()) {
            return;
        }
        jdbc.sql(SETTLE_OR_RELEASE)
                .param("organizationId", organizationId)
                .param("ids", calls.stream().map(DueRetry::callId).toArray(String[]::new))
                .param("holder", calls.get(0).holder())
                .param("settleAll", settleAll)
                .update();
    }

    /**
     * The values of retryable_status the policy retries: its statuses, and {@value #CALL_BACK} (an
     * ended call whose outcome is in the campaign's call-back group) when it names such a group.
     */
    static String[] retryableStatuses(RetryPolicy policy) {
        List<String> statuses = new java.util.ArrayList<>(policy.on());
        if (policy.callBackGroupId() != null) {
            statuses.add(CALL_BACK);
        }
        return statuses.toArray(String[]::new);
    }

    private static PageRow pageRow(ResultSet rs, int row) throws SQLException {
        Cursor last = new Cursor(rs.getObject("last_ended_at", OffsetDateTime.class), rs.getString("last_id"));
        if (rs.getString("id") == null) {
            return new PageRow(last, null);
        }
        return new PageRow(
                last,
                new DueRetry(
                        rs.getString("id"),
                        rs.getString("customer_id"),
                        rs.getInt("attempt"),
                        rs.getString("agent_id"),
                        rs.getString("disposition_set_id"),
                        rs.getString("retry_claimed_by"),
                        rs.getString("previous_holder"),
                        rs.getObject("expired_at", OffsetDateTime.class)));
    }
}
