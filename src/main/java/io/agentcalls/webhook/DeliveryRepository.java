package io.agentcalls.webhook;

import io.agentcalls.secrets.SecretCipher;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
    // Conductor-style claim: lock due rows no other node holds, stamp a lease, commit; the HTTP call
    // happens after. A node that dies leaves a lease that expires and the row is due again.
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.organization_id, d.id
                FROM webhook_deliveries d
                JOIN webhook_endpoints e ON e.organization_id = d.organization_id AND e.id = d.endpoint_id
                WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
                  AND (d.claimed_until IS NULL OR d.claimed_until < now())
                  AND e.active
                ORDER BY d.next_attempt_at
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE webhook_deliveries d
            SET claimed_until = now() + :leaseMillis * interval '1 millisecond', claim_token = :token
            FROM due, webhook_endpoints e
            WHERE d.organization_id = due.organization_id AND d.id = due.id
              AND e.organization_id = d.organization_id AND e.id = d.endpoint_id
            RETURNING d.organization_id, d.id, d.endpoint_id, d.payload, d.schedule_position, e.url, e.format, e.secret,
                      CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END AS previous_secret
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
                claimed_until = NULL, claim_token = NULL
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

    DeliveryRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
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

    List<ClaimedDelivery> claim(int limit, Duration lease, String token) {
        return jdbc.sql(CLAIM)
                .param("limit", limit)
                .param("leaseMillis", lease.toMillis())
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
                            token);
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
