package io.agentcalls.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.retention.*}: how long stored records are kept and how the purge runs.
 *
 * @param interval how often every node runs the purge (SKIP LOCKED: nodes share the work)
 * @param batchSize rows removed per statement (and transaction)
 * @param webhookDeliveries how long a webhook delivery and its attempts are kept after it was created
 */
@ConfigurationProperties("agentcalls.retention")
public record RetentionProperties(
        @DefaultValue("10m") Duration interval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("30d") Duration webhookDeliveries) {

    public RetentionProperties {
        Settings.positive("agentcalls.retention.interval", interval);
        Settings.atLeast("agentcalls.retention.batch-size", batchSize, 1);
        Settings.positive("agentcalls.retention.webhook-deliveries", webhookDeliveries);
    }
}
