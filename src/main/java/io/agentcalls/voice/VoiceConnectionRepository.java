package io.agentcalls.voice;

import io.agentcalls.secrets.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The voice_connections table. Credentials are written encrypted ({@link SecretCipher}). */
@Repository
class VoiceConnectionRepository {

    private static final String COLUMNS = """
            id, provider, name, api_key_last4, webhook_secret IS NOT NULL AS webhook_secret_set,
            max_concurrent_calls, calls_per_second, created_at, updated_at""";
    private static final String INSERT = """
            INSERT INTO voice_connections (organization_id, id, provider, name, api_key, api_key_last4,
                webhook_secret, max_concurrent_calls, calls_per_second)
            VALUES (:organizationId, :id, :provider, :name, :apiKey, :apiKeyLast4, :webhookSecret,
                :maxConcurrentCalls, :callsPerSecond)
            ON CONFLICT DO NOTHING
            RETURNING
            """ + COLUMNS;
    private static final String LIST = "SELECT " + COLUMNS + """

            FROM voice_connections
            WHERE organization_id = :organizationId AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String FIND = "SELECT " + COLUMNS + """

            FROM voice_connections WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String NAME_TAKEN = """
            SELECT EXISTS (SELECT 1 FROM voice_connections
                           WHERE organization_id = :organizationId AND name = :name AND id <> :id)
            """;
    private static final String UPDATE = """
            UPDATE voice_connections
            SET name = coalesce(:name, name),
                api_key = coalesce(:apiKey, api_key),
                api_key_last4 = coalesce(:apiKeyLast4, api_key_last4),
                webhook_secret = coalesce(:webhookSecret, webhook_secret),
                max_concurrent_calls = coalesce(:maxConcurrentCalls, max_concurrent_calls),
                calls_per_second = coalesce(:callsPerSecond, calls_per_second),
                updated_at = now()
            WHERE organization_id = :organizationId AND id = :id
            RETURNING
            """ + COLUMNS;
    private static final String DELETE = """
            DELETE FROM voice_connections WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String CREDENTIALS = """
            SELECT organization_id, id, provider, api_key, webhook_secret, max_concurrent_calls, calls_per_second
            FROM voice_connections WHERE organization_id = :organizationId AND id = :id
            """;
    // the webhook URL carries the connection id alone; ids are unique across organizations
    private static final String CREDENTIALS_BY_ID = """
            SELECT organization_id, id, provider, api_key, webhook_secret, max_concurrent_calls, calls_per_second
            FROM voice_connections WHERE id = :id
            """;
    /** What an insert or change writes; null fields of a change stay as they are. */
    record Values(
            String name, String apiKey, String webhookSecret, Integer maxConcurrentCalls, Double callsPerSecond) {}

    /** A connection's stored credentials, decrypted. */
    record Credentials(
            String organizationId,
            String id,
            String provider,
            String apiKey,
            String webhookSecret,
            int maxConcurrentCalls,
            Double callsPerSecond) {

        @Override
        public String toString() {
            return "Credentials[" + id + ", " + provider + "]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    VoiceConnectionRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Empty when the organization has a connection of that name already. */
    Optional<VoiceConnection> insert(String organizationId, String id, String provider, Values values) {
        return withValues(jdbc.sql(INSERT), values)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("provider", provider)
                .query(VoiceConnectionRepository::connection)
                .optional();
    }

    List<VoiceConnection> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(VoiceConnectionRepository::connection)
                .list();
    }

    Optional<VoiceConnection> find(String organizationId, String id, boolean forUpdate) {
        return jdbc.sql(forUpdate ? FIND_FOR_UPDATE : FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(VoiceConnectionRepository::connection)
                .optional();
    }

    boolean nameTaken(String organizationId, String id, String name) {
        return jdbc.sql(NAME_TAKEN)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    Optional<VoiceConnection> update(String organizationId, String id, Values values) {
        return withValues(jdbc.sql(UPDATE), values)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(VoiceConnectionRepository::connection)
                .optional();
    }

    boolean delete(String organizationId, String id) {
        return jdbc.sql(DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Credentials> credentials(String organizationId, String id) {
        return jdbc.sql(CREDENTIALS)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(this::credentials)
                .optional();
    }

    Optional<Credentials> credentialsById(String id) {
        return jdbc.sql(CREDENTIALS_BY_ID)
                .param("id", id)
                .query(this::credentials)
                .optional();
    }

    private JdbcClient.StatementSpec withValues(JdbcClient.StatementSpec spec, Values values) {
        return spec.param("name", values.name(), Types.VARCHAR)
                .param("apiKey", values.apiKey() == null ? null : cipher.encrypt(values.apiKey()), Types.VARCHAR)
                .param("apiKeyLast4", values.apiKey() == null ? null : last4(values.apiKey()), Types.VARCHAR)
                .param(
                        "webhookSecret",
                        values.webhookSecret() == null ? null : cipher.encrypt(values.webhookSecret()),
                        Types.VARCHAR)
                .param("maxConcurrentCalls", values.maxConcurrentCalls(), Types.INTEGER)
                .param("callsPerSecond", values.callsPerSecond(), Types.DOUBLE);
    }

    /** Enough to tell keys apart, never enough to matter: a short key shows only its last character. */
    private static String last4(String key) {
        return key.length() >= 12 ? key.substring(key.length() - 4) : key.substring(key.length() - 1);
    }

    private Credentials credentials(ResultSet rs, int row) throws SQLException {
        String apiKey = rs.getString("api_key");
        String secret = rs.getString("webhook_secret");
        double cps = rs.getDouble("calls_per_second");
        Double callsPerSecond = rs.wasNull() ? null : cps;
        return new Credentials(
                rs.getString("organization_id"),
                rs.getString("id"),
                rs.getString("provider"),
                apiKey == null ? null : cipher.decrypt(apiKey),
                secret == null ? null : cipher.decrypt(secret),
                rs.getInt("max_concurrent_calls"),
                callsPerSecond);
    }

    private static VoiceConnection connection(ResultSet rs, int row) throws SQLException {
        double cps = rs.getDouble("calls_per_second");
        Double callsPerSecond = rs.wasNull() ? null : cps;
        String provider = rs.getString("provider");
        String id = rs.getString("id");
        return new VoiceConnection(
                id,
                provider,
                rs.getString("name"),
                rs.getString("api_key_last4"),
                rs.getBoolean("webhook_secret_set"),
                rs.getInt("max_concurrent_calls"),
                callsPerSecond,
                VoiceConnection.webhookPath(provider, id),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
