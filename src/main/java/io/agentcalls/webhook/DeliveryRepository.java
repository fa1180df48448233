package io.agentcalls.webhook;

import io.agentcalls.secrets.SecretCipher;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook_deliveries queue: events enqueued, claimed, attempted (each attempt logged in
 * webhook_delivery_attempts), redelivered, paused with their endpoint. What the API reads of it is
 * {@link DeliveryHistoryRepository}.
 */
@Repository
class DeliveryRepository {

    // One delivery per active endpoint of the organization that subscribes to the event.
    private static final String ENQUEUE = """
            INSERT INTO webhook_deliveries
                (organization_id, id, endpoint_id, event_type, payload, status, next_attempt_at, call_id)
            SELECT e.organization_id, new_id('msg'), e.id, :eventType, :payload, 'pending', now(), :callId
            FROM webhook_endpoints e
            WHERE e.organization_id = :organizationId AND e.active AND :eventType = ANY (e.events)
            """;
    private static final String HAS_SUBSCRIBERS = """
            SELECT EXISTS (SELECT 1 FROM webhook_endpoints e
                           WHERE e.organization_id = :organizationId AND e.active AND :eventType = ANY (e.events))
            """;
    // Conductor-style claim: lock due rows no other node holds, stamp this node's heartbeat lease,
    // commit; the HTTP call happens after. A node that dies stops renewing, its lease runs out and the
    // row is due again. Fair between organizations: each offers its earliest due deliveries, no more
    // than its cap on deliveries in flight (across all nodes) leaves, and the claim takes them turn by
    // turn (every organization's first, then every second...), so a hanging endpoint or a huge backlog
    // of one organization holds at most its cap of workers. Claims run one at a time across nodes
    // (CLAIM_LOCK, held until the claim commits; a claim takes milliseconds), so every node's claims
    // are counted and the cap is exact.
    private static final String CLAIM_LOCK = "SELECT pg_advisory_xact_lock(:key)";
    private static final long CLAIM_LOCK_KEY = 0x5745_4248_4f4f_4b53L; // "WEBHOOKS"
    private static final String CLAIM = """
            WITH busy AS (
                SELECT organization_id, count(*) AS in_flight FROM webhook_deliveries
                WHERE claimed_until > now()
                GROUP BY organization_id
            ),
            offered AS (
                SELECT c.organization_id, c.id, c.next_attempt_at,
                       row_number() OVER (PARTITION BY c.organization_id ORDER BY c.next_attempt_at, c.id) AS turn
                FROM organizations o
                LEFT JOIN busy b ON b.organization_id = o.id
                CROSS JOIN LATERAL (
                    SELECT d.organization_id, d.id, d.next_attempt_at
                    FROM webhook_deliveries d
                    JOIN webhook_endpoints e ON e.organization_id = d.organization_id AND e.id = d.endpoint_id
                    WHERE d.organization_id = o.id
                      AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
                      AND (d.claimed_until IS NULL OR d.claimed_until < now())
                      AND e.active
                    ORDER BY d.next_attempt_at
                    LIMIT GREATEST(0, :perOrganization - coalesce(b.in_flight, 0))
                ) c
            ),
            due AS (
                SELECT d.organization_id, d.id, d.claimed_by AS previous_holder, d.claimed_until AS expired_at
                FROM webhook_deliveries d
                WHERE (d.organization_id, d.id) IN (
                        SELECT organization_id, id FROM offered ORDER BY turn, next_attempt_at LIMIT :limit)
                  AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
                  AND (d.claimed_until IS NULL OR d.claimed_until < now())
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE webhook_deliveries d
            SET claimed_until = now() + CAST(:lease AS interval), claimed_by = :holder, claim_token = :token
            FROM due, webhook_endpoints e
            WHERE d.organization_id = due.organization_id AND d.id = due.id
              AND e.organization_id = d.organization_id AND e.id = d.endpoint_id
            RETURNING d.organization_id, d.id, d.endpoint_id, d.payload, d.schedule_position, e.url, e.format, e.secret,
                      CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret,
                      due.previous_holder, due.expired_at
            """;
    private static final String INSERT_ATTEMPT = """
            INSERT INTO webhook_delivery_attempts
                (organization_id, delivery_id, id, attempted_at, response_code, response_body, error, duration_ms)
            SELECT organization_id, id, new_id('att'), :attemptedAt, :responseCode, :responseBody, :error, :durationMs
            FROM webhook_deliveries WHERE organization_id = :organizationId AND id = :id
            """;
    // Only the holder of the lease records the outcome; a node whose lease ran out changes nothing.
    // An endpoint disabled during the attempt gets its retry parked, like its other deliveries.
    private static final String FINISH_ATTEMPT = """
            UPDATE webhook_deliveries d
            SET status = :status, attempts = attempts + 1, schedule_position = schedule_position + 1,
                last_response_code = :responseCode, last_attempt_at = :attemptedAt,
                next_attempt_at = CASE
                    WHEN CAST(:delayMillis AS bigint) IS NULL THEN NULL
                    WHEN NOT EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.organization_id = d.organization_id
                                     AND e.id = d.endpoint_id AND e.active) THEN NULL
                    ELSE now() + :delayMillis * interval '1 millisecond' END,
                claimed_until = NULL, claimed_by = NULL, claim_token = NULL
            WHERE organization_id = :organizationId AND id = :id AND claim_token = :token
            """;
    // A delivery being attempted right now (unexpired lease) is left alone: no second concurrent send.
    private static final String REDELIVER = """
            UPDATE webhook_deliveries
            SET status = 'pending', schedule_position = 0, next_attempt_at = now()
            WHERE organization_id = :organizationId AND endpoint_id = :endpointId AND id = :id
              AND (claimed_until IS NULL OR claimed_until < now())
            """;
    private static final String PAUSE_ENDPOINT = """
            UPDATE webhook_deliveries SET next_attempt_at = NULL
            WHERE organization_id = :organizationId AND endpoint_id = :endpointId
              AND status IN ('pending', 'failed') AND next_attempt_at IS NOT NULL
            """;
    private static final String RESUME_ENDPOINT = """
            UPDATE webhook_deliveries SET next_attempt_at = now()
            WHERE organization_id = :organizationId AND endpoint_id = :endpointId
              AND status IN ('pending', 'failed') AND next_attempt_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;

    DeliveryRepository(JdbcClient jdbc, SecretCipher cipher, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    /** Queues the event for every subscribed endpoint; runs in the caller's transaction. */
    /** @param callId the call the event is about, or null */
    int enqueue(String organizationId, String eventType, String payload, String callId) {
        return jdbc.sql(ENQUEUE)
                .param("organizationId", organizationId)
                .param("eventType", eventType)
                .param("payload", payload)
                .param("callId", callId, java.sql.Types.VARCHAR)
                .update();
    }

    boolean hasSubscribers(String organizationId, String eventType) {
        return jdbc.sql(HAS_SUBSCRIBERS)
                .param("organizationId", organizationId)
                .param("eventType", eventType)
                .query(Boolean.class)
                .single();
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code holder}, at most {@code perOrganization}
     * of one organization in flight, under a lease of {@code lease} (a PostgreSQL interval).
     */
    List<ClaimedDelivery> claim(int limit, int perOrganization, String holder, String lease, String token) {
        return transactions.execute(tx -> {
            jdbc.sql(CLAIM_LOCK).param("key", CLAIM_LOCK_KEY).query().singleRow();
            return claimLocked(limit, perOrganization, holder, lease, token);
        });
    }

    private List<ClaimedDelivery> claimLocked(
            int limit, int perOrganization, String holder, String lease, String token) {
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("perOrganization", perOrganization)
                .param("holder", holder)
                .param("lease", lease)
                .param("token", token)
                .query((rs, n) -> {
                    // stored encrypted; decrypted only here, for the signature of this attempt
                    List<String> secrets = new ArrayList<>(2);
                    secrets.add(cipher.decrypt(rs.getString("secret")));
                    if (rs.getString("previous_secret") != null) {
                        secrets.add(cipher.decrypt(rs.getString("previous_secret")));
                    }
                    return new ClaimedDelivery(
                            rs.getString("organization_id"),
                            rs.getString("id"),
                            rs.getString("endpoint_id"),
                            rs.getString("payload"),
                            rs.getInt("schedule_position"),
                            rs.getString("url"),
                            WebhookFormat.of(rs.getString("format")),
                            List.copyOf(secrets),
                            token,
                            rs.getString("previous_holder"),
                            rs.getObject("expired_at", OffsetDateTime.class));
                })
                .list();
    }

    void insertAttempt(ClaimedDelivery delivery, OffsetDateTime attemptedAt, SendResult result) {
        jdbc.sql(INSERT_ATTEMPT)
                .param("organizationId", delivery.organizationId())
                .param("id", delivery.id())
                .param("attemptedAt", attemptedAt)
                .param("responseCode", result.responseCode(), Types.INTEGER)
                .param("responseBody", result.responseBody(), Types.VARCHAR)
                .param("error", result.error(), Types.VARCHAR)
                .param("durationMs", result.durationMs())
                .update();
    }

    /** False when this node no longer holds the lease (it expired and another node took over). */
    boolean finishAttempt(
            ClaimedDelivery delivery, OffsetDateTime attemptedAt, SendResult result, AttemptOutcome outcome) {
        return jdbc.sql(FINISH_ATTEMPT)
                        .param("organizationId", delivery.organizationId())
                        .param("id", delivery.id())
                        .param("token", delivery.claimToken())
                        .param("status", outcome.status())
                        .param("responseCode", result.responseCode(), Types.INTEGER)
                        .param("attemptedAt", attemptedAt)
                        .param(
                                "delayMillis",
                                outcome.retryIn() == null
                                        ? null
                                        : outcome.retryIn().toMillis(),
                                Types.BIGINT)
                        .update()
                == 1;
    }

    boolean redeliver(String organizationId, String endpointId, String id) {
        return jdbc.sql(REDELIVER)
                        .param("organizationId", organizationId)
                        .param("endpointId", endpointId)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Keeps a disabled endpoint's unfinished deliveries out of the queue until it is enabled again. */
    void pauseEndpoint(String organizationId, String endpointId) {
        jdbc.sql(PAUSE_ENDPOINT)
                .param("organizationId", organizationId)
                .param("endpointId", endpointId)
                .update();
    }

    void resumeEndpoint(String organizationId, String endpointId) {
        jdbc.sql(RESUME_ENDPOINT)
                .param("organizationId", organizationId)
                .param("endpointId", endpointId)
                .update();
    }
}
