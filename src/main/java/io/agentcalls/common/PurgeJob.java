package io.agentcalls.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one purge job: every {@link Purge} of every module, batch after batch until a batch comes back
 * short, so storage stays bounded whatever the traffic. Counts what it removed in
 * {@code agentcalls.retention.purged}, tagged {@code what}.
 */
@Component
public class PurgeJob {

    private static final Logger log = LoggerFactory.getLogger(PurgeJob.class);

    private final List<Purge> purges;
    private final RetentionProperties properties;
    private final MeterRegistry registry;

    PurgeJob(List<Purge> purges, RetentionProperties properties, MeterRegistry registry) {
        this.purges = purges;
        this.properties = properties;
        this.registry = registry;
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.retention.interval}",
            initialDelayString = "${agentcalls.retention.interval}")
    public void run() {
        for (Purge purge : purges) {
            try {
                long removed = purgeAll(purge);
                if (removed > 0) {
                    log.info("Purged {} {} past their retention", removed, purge.name());
                }
            } catch (RuntimeException e) {
                log.error("Purge of {} stopped; it runs again on schedule", purge.name(), e);
            }
        }
    }

    private long purgeAll(Purge purge) {
        Counter purged = Counter.builder("agentcalls.retention.purged")
                .description("Rows removed past their retention")
                .tag("what", purge.name())
                .register(registry);
        long removed = 0;
        int batch;
        do {
            batch = purge.purgeBatch(properties.batchSize());
            purged.increment(batch);
            removed += batch;
        } while (batch == properties.batchSize());
        return removed;
    }
}
