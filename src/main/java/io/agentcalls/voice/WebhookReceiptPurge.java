package io.agentcalls.voice;

import io.agentcalls.common.Purge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Provider webhook receipts past {@code agentcalls.providers.webhook-receipts}: by then a replay of
 * the message could only repeat what the call's status machine already holds (final statuses are
 * never left), so it need not be recognised any more.
 */
@Component
class WebhookReceiptPurge implements Purge {

    private static final String DELETE_OLD = """
            DELETE FROM provider_webhook_receipts r
            USING (SELECT organization_id, connection_id, replay_key FROM provider_webhook_receipts
                   WHERE received_at < now() - CAST(:retention AS interval)
                   ORDER BY received_at
                   LIMIT :limit
                   FOR UPDATE SKIP LOCKED) old
            WHERE r.organization_id = old.organization_id AND r.connection_id = old.connection_id
              AND r.replay_key = old.replay_key
            """;

    private final JdbcClient jdbc;
    private final ProviderProperties properties;

    WebhookReceiptPurge(JdbcClient jdbc, ProviderProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "provider_webhook_receipts";
    }

    @Override
    public int purgeBatch(int limit) {
        return jdbc.sql(DELETE_OLD)
                .param("retention", properties.webhookReceipts().toSeconds() + " seconds")
                .param("limit", limit)
                .update();
    }
}
