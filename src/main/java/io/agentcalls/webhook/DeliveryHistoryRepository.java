package io.agentcalls.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An endpoint's deliveries and the log of their attempts, as the API shows them. */
@Repository
class DeliveryHistoryRepository {

    private static final String LIST = """
            SELECT id, event_type, status, attempts, last_response_code, last_attempt_at, next_attempt_at, created_at
            FROM webhook_deliveries
            WHERE organization_id = :organizationId AND endpoint_id = :endpointId
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:before AS text) IS NULL OR id < :before)
            ORDER BY id DESC LIMIT :limit
            """;
    private static final String LIST_OF_CALL = """
            SELECT id, endpoint_id, event_type, status, attempts, last_response_code, last_attempt_at, next_attempt_at,
                   created_at
            FROM webhook_deliveries
            WHERE organization_id = :organizationId AND call_id = :callId
            ORDER BY id DESC LIMIT :limit
            """;
    private static final String FIND = """
            SELECT id, event_type, status, attempts, last_response_code, last_attempt_at, next_attempt_at, created_at
            FROM webhook_deliveries
            WHERE organization_id = :organizationId AND endpoint_id = :endpointId AND id = :id
            """;
    private static final String LIST_ATTEMPTS = """
            SELECT id, attempted_at, response_code, response_body, error, duration_ms
            FROM webhook_delivery_attempts
            WHERE organization_id = :organizationId AND delivery_id = :deliveryId
            ORDER BY id
            """;

    private final JdbcClient jdbc;

    DeliveryHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WebhookDelivery> list(String organizationId, String endpointId, String status, String before, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("endpointId", endpointId)
                .param("status", status, Types.VARCHAR)
                .param("before", before, Types.VARCHAR)
                .param("limit", limit)
                .query(DeliveryHistoryRepository::delivery)
                .list();
    }

    /** A call's deliveries, newest first, each with the endpoint it went to. */
    List<WebhookService.CallDelivery> listOfCall(String organizationId, String callId, int limit) {
        return jdbc.sql(LIST_OF_CALL)
                .param("organizationId", organizationId)
                .param("callId", callId)
                .param("limit", limit)
                .query((rs, n) -> new WebhookService.CallDelivery(rs.getString("endpoint_id"), delivery(rs, n)))
                .list();
    }

    Optional<WebhookDelivery> find(String organizationId, String endpointId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("endpointId", endpointId)
                .param("id", id)
                .query(DeliveryHistoryRepository::delivery)
                .optional();
    }

    List<WebhookDelivery.Attempt> attempts(String organizationId, String deliveryId) {
        return jdbc.sql(LIST_ATTEMPTS)
                .param("organizationId", organizationId)
                .param("deliveryId", deliveryId)
                .query((rs, n) -> new WebhookDelivery.Attempt(
                        rs.getString("id"),
                        rs.getObject("attempted_at", OffsetDateTime.class),
                        (Integer) rs.getObject("response_code"),
                        rs.getString("response_body"),
                        rs.getString("error"),
                        rs.getInt("duration_ms")))
                .list();
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                rs.getString("id"),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_response_code"),
                rs.getObject("last_attempt_at", OffsetDateTime.class),
                rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                null);
    }
}
