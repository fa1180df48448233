package io.agentcalls.webhook;

import io.agentcalls.secrets.SecretCipher;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook_endpoints table. Signing secrets are written encrypted ({@link SecretCipher}). */
@Repository
class WebhookRepository {

    private static final String INSERT = """
            INSERT INTO webhook_endpoints (organization_id, id, url, format, events, secret)
            VALUES (:organizationId, :id, :url, :format, :events, :secret)
            RETURNING id, url, format, events, active, disabled_reason, created_at, updated_at
            """;
    private static final String COUNT = """
            SELECT count(*) FROM webhook_endpoints WHERE organization_id = :organizationId
            """;
    private static final String LIST = """
            SELECT id, url, format, events, active, disabled_reason, created_at, updated_at
            FROM webhook_endpoints
            WHERE organization_id = :organizationId AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String FIND = """
            SELECT id, url, format, events, active, disabled_reason, created_at, updated_at
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
            RETURNING id, url, format, events, active, disabled_reason, created_at, updated_at
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
            RETURNING id, url, format, events, active, disabled_reason, created_at, updated_at
            """;
    // Secrets not under the current key, for re-encryption at start: a batch at a time, in key order,
    // locked so two nodes starting together do not rewrite the same row.
    private static final String SECRETS_TO_REENCRYPT = """
            SELECT organization_id, id, secret, previous_secret
            FROM webhook_endpoints
            WHERE NOT starts_with(secret, :prefix) OR NOT starts_with(previous_secret, :prefix)
            ORDER BY organization_id, id
            LIMIT :limit
            FOR UPDATE
            """;
    private static final String REPLACE_SECRETS = """
            UPDATE webhook_endpoints SET secret = :secret, previous_secret = :previousSecret
            WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String DISABLE = """
            UPDATE webhook_endpoints
            SET active = false, disabled_reason = :reason, updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND active
            """;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    WebhookRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    Webhook insert(
            String organizationId, String id, String url, WebhookFormat format, List<String> events, String secret) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("url", url)
                .param("format", format.value())
                .param("events", events.toArray(String[]::new), Types.ARRAY)
                .param("secret", cipher.encrypt(secret))
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
                .param("secret", cipher.encrypt(secret))
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

    /** The stored secrets of one endpoint, as they are in the table. */
    record StoredSecrets(String organizationId, String id, String secret, String previousSecret) {}

    /** Up to {@code limit} endpoints with a secret not starting with {@code prefix}, locked. */
    List<StoredSecrets> secretsNotUnder(String prefix, int limit) {
        return jdbc.sql(SECRETS_TO_REENCRYPT)
                .param("prefix", prefix)
                .param("limit", limit)
                .query((rs, n) -> new StoredSecrets(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("secret"),
                        rs.getString("previous_secret")))
                .list();
    }

    void replaceSecrets(StoredSecrets secrets) {
        jdbc.sql(REPLACE_SECRETS)
                .param("organizationId", secrets.organizationId())
                .param("id", secrets.id())
                .param("secret", secrets.secret())
                .param("previousSecret", secrets.previousSecret(), Types.VARCHAR)
                .update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        return new Webhook(
                rs.getString("id"),
                rs.getString("url"),
                rs.getString("format"),
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
