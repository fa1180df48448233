package io.agentcalls.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook_endpoints table. */
@Repository
class WebhookRepository {

    private static final String INSERT = """
            INSERT INTO webhook_endpoints (organization_id, id, url, events, secret)
            VALUES (:organizationId, :id, :url, :events, :secret)
            RETURNING id, url, events, active, disabled_reason, created_at, updated_at
            """;
    private static final String COUNT = """
            SELECT count(*) FROM webhook_endpoints WHERE organization_id = :organizationId
            """;
    private static final String LIST = """
            SELECT id, url, events, active, disabled_reason, created_at, updated_at
            FROM webhook_endpoints
            WHERE organization_id = :organizationId AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String FIND = """
            SELECT id, url, events, active, disabled_reason, created_at, updated_at
            FROM webhook_endpoints
            WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String UPDATE = """
            UPDATE webhook_endpoints
            SET events = coalesce(CAST(:events AS text[]), events),
                active = coalesce(CAST(:active AS boolean), active),
                disabled_reason = CASE
                    WHEN CAST(:active AS boolean) IS NULL THEN disabled_reason
                    WHEN CAST(:active AS boolean) THEN NULL
                    ELSE coalesce(disabled_reason, 'disabled through the API') END,
                updated_at = now()
            WHERE organization_id = :organizationId AND id = :id
            RETURNING id, url, events, active, disabled_reason, created_at, updated_at
            """;
    private static final String DELETE = """
            DELETE FROM webhook_endpoints WHERE organization_id = :organizationId AND id = :id
            """;
    // The replaced secret keeps signing for 24 h, so receivers can switch without losing a delivery.
    private static final String ROTATE_SECRET = """
            UPDATE webhook_endpoints
            SET previous_secret = secret, previous_secret_expires_at = now() + interval '24 hours',
                secret = :secret, updated_at = now()
            WHERE organization_id = :organizationId AND id = :id
            RETURNING id, url, events, active, disabled_reason, created_at, updated_at
            """;
    private static final String DISABLE = """
            UPDATE webhook_endpoints
            SET active = false, disabled_reason = :reason, updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND active
            """;

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Webhook insert(String organizationId, String id, String url, List<String> events, String secret) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("url", url)
                .param("events", events.toArray(String[]::new), Types.ARRAY)
                .param("secret", secret)
                .query(WebhookRepository::webhook)
                .single();
    }

    long count(String organizationId) {
        return jdbc.sql(COUNT)
                .param("organizationId", organizationId)
                .query(Long.class)
                .single();
    }

    List<Webhook> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(WebhookRepository::webhook)
                .list();
    }

    Optional<Webhook> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(WebhookRepository::webhook)
                .optional();
    }

    /** Changes what is given (null leaves a value as it is). */
    Optional<Webhook> update(String organizationId, String id, List<String> events, Boolean active) {
        return jdbc.sql(UPDATE)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("events", events == null ? null : events.toArray(String[]::new), Types.ARRAY)
                .param("active", active, Types.BOOLEAN)
                .query(WebhookRepository::webhook)
                .optional();
    }

    boolean delete(String organizationId, String id) {
        return jdbc.sql(DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Webhook> rotateSecret(String organizationId, String id, String secret) {
        return jdbc.sql(ROTATE_SECRET)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("secret", secret)
                .query(WebhookRepository::webhook)
                .optional();
    }

    /** Turns an active endpoint off; false when it was already off or is gone. */
    boolean disable(String organizationId, String id, String reason) {
        return jdbc.sql(DISABLE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(
                rs.getString("id"),
                rs.getString("url"),
                textArray(rs.getArray("events")),
                rs.getBoolean("active"),
                rs.getString("disabled_reason"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                null);
    }

    static List<String> textArray(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
