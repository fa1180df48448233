package io.agentcalls.webhook;

import io.agentcalls.common.LeaseHandBack;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.Takeovers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs on every node: claims due deliveries (FOR UPDATE SKIP LOCKED, so nodes never take the same
 * one) as many as it has free workers for, and hands each to a worker. It polls every
 * poll-interval, and at once when woken by a committed event, so the first attempt is immediate.
 */
@Component
class DeliveryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final DeliveryRepository deliveries;
    private final DeliveryAttempter attempter;
    private final WebhookProperties properties;
    private final Semaphore freeWorkers;
    private final Semaphore wakeUps = new Semaphore(0);
    private final NodeIdentity node;
    private final LeaseProperties lease;
    private final LeaseHandBack lifecycle;
    private final Takeovers takeovers;
    private volatile boolean running;
    /** The last poll filled every free worker: a finishing worker should wake the loop. */
    private volatile boolean backlog;

    private final TaskExecutor workers;
    private Thread loop;

    DeliveryPoller(
            DeliveryRepository deliveries,
            DeliveryAttempter attempter,
            WebhookProperties properties,
            NodeIdentity node,
            LeaseProperties lease,
            LeaseHandBack lifecycle,
            Takeovers takeovers,
            @Qualifier("webhookDeliveryExecutor") TaskExecutor workers) {
        this.node = node;
        this.lease = lease;
        this.lifecycle = lifecycle;
        this.takeovers = takeovers;
        this.deliveries = deliveries;
        this.attempter = attempter;
        this.properties = properties;
        this.freeWorkers = new Semaphore(properties.maxConcurrency());
        this.workers = workers;
    }

    /** Asks for a poll now instead of at the next interval. */
    void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        loop = new Thread(this::pollUntilStopped, "webhook-poller");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            loop.join(Duration.ofSeconds(5).toMillis());
            // the attempts under way may finish; one cut short (the executor interrupts it when the
            // context closes) is not lost: its lease expires and it is attempted again
            int workerCount = properties.maxConcurrency();
            if (freeWorkers.tryAcquire(workerCount, properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                freeWorkers.release(workerCount);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                backlog = pollOnce();
            } catch (RuntimeException e) {
                backlog = false;
                log.warn("Webhook poll failed; trying again in {}", properties.pollInterval(), e);
            }
            // with a backlog, go on at once while workers are free, else when one finishes
            if (!backlog || freeWorkers.availablePermits() == 0) {
                awaitWakeUp();
            }
        }
    }

    /** Claims and dispatches one batch; true when all free workers got work, so more may be due. */
    private boolean pollOnce() {
        int free = freeWorkers.availablePermits();
        if (free == 0) {
            return true;
        }
        if (!lifecycle.claiming()) {
            // a stopping node (or one not started yet) would only hand it back
            return false;
        }
        List<ClaimedDelivery> claimed = deliveries.claim(
                free,
                properties.maxInFlightPerOrganization(),
                node.id(),
                lease.expiryInterval(),
                node.id() + ":" + UUID.randomUUID());
        for (ClaimedDelivery delivery : claimed) {
            if (delivery.takenOver()) {
                tookOver(delivery);
            }
            freeWorkers.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    attempter.attempt(delivery);
                } catch (RuntimeException e) {
                    log.warn(
                            "Webhook delivery {} attempt could not be recorded; retried after its lease",
                            delivery.id(),
                            e);
                } finally {
                    freeWorkers.release();
                    if (backlog) {
                        wake();
                    }
                }
            });
        }
        return claimed.size() == free;
    }

    /** The one log line and metric of a takeover, as for initiations (docs/OPERATIONS.md). */
    private void tookOver(ClaimedDelivery delivery) {
        Duration overdue = Duration.between(delivery.expiredAt(), OffsetDateTime.now());
        takeovers.record("webhook_delivery", delivery.previousHolder(), 1, overdue);
        log.info(
                "Took over webhook delivery {} of organization {} (endpoint {}): attempted again; "
                        + "the lease of {} expired at {}, {} ms before",
                delivery.id(),
                delivery.organizationId(),
                delivery.endpointId(),
                delivery.previousHolder() == null ? "no node (handed back)" : delivery.previousHolder(),
                delivery.expiredAt(),
                overdue.toMillis());
    }

    private void awaitWakeUp() {
        try {
            wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
