package io.agentcalls.webhook;

import io.agentcalls.common.Purge;
import io.agentcalls.common.RetentionProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries past their retention, oldest first, with their attempts (the foreign key
 * cascades). One being attempted right now (an unexpired claim) is left for the next run.
 */
@Component
class DeliveryPurge implements Purge {

    private static final String DELETE_OLD = """
            DELETE FROM webhook_deliveries d
            USING (SELECT organization_id, id FROM webhook_deliveries
                   WHERE created_at < now() - CAST(:retention AS interval)
                     AND (claimed_until IS NULL OR claimed_until < now())
                   ORDER BY created_at
                   LIMIT :limit
                   FOR UPDATE SKIP LOCKED) old
            WHERE d.organization_id = old.organization_id AND d.id = old.id
            """;

    private final JdbcClient jdbc;
    private final RetentionProperties properties;

    DeliveryPurge(JdbcClient jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "webhook_deliveries";
    }

    @Override
    public int purgeBatch(int limit) {
        return jdbc.sql(DELETE_OLD)
                .param("retention", properties.webhookDeliveries().toSeconds() + " seconds")
                .param("limit", limit)
                .update();
    }
}
