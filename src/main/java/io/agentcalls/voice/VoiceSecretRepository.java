package io.agentcalls.voice;

import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The encrypted credentials of voice_connections as stored, for their re-encryption at start. */
@Repository
class VoiceSecretRepository {

    // a batch at a time, in key order, locked so two nodes starting together do not rewrite the same row
    private static final String SECRETS_TO_REENCRYPT = """
            SELECT organization_id, id, api_key, webhook_secret
            FROM voice_connections
            WHERE NOT starts_with(api_key, :prefix) OR NOT starts_with(webhook_secret, :prefix)
            ORDER BY organization_id, id
            LIMIT :limit
            FOR UPDATE
            """;
    private static final String REPLACE_SECRETS = """
            UPDATE voice_connections SET api_key = :apiKey, webhook_secret = :webhookSecret
            WHERE organization_id = :organizationId AND id = :id
            """;

    record StoredSecrets(String organizationId, String id, String apiKey, String webhookSecret) {}

    private final JdbcClient jdbc;

    VoiceSecretRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredSecrets> secretsNotUnder(String prefix, int limit) {
        return jdbc.sql(SECRETS_TO_REENCRYPT)
                .param("prefix", prefix)
                .param("limit", limit)
                .query((rs, n) -> new StoredSecrets(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("api_key"),
                        rs.getString("webhook_secret")))
                .list();
    }

    void replaceSecrets(StoredSecrets secrets) {
        jdbc.sql(REPLACE_SECRETS)
                .param("organizationId", secrets.organizationId())
                .param("id", secrets.id())
                .param("apiKey", secrets.apiKey(), Types.VARCHAR)
                .param("webhookSecret", secrets.webhookSecret(), Types.VARCHAR)
                .update();
    }
}
