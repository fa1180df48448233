package io.agentcalls.initiation.dispatch;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallService.FailedCall;
import io.agentcalls.initiation.InitiationProperties;
import io.agentcalls.initiation.dispatch.DispatchLeaseRepository.StaleInitiation;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.ClaimedCall;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.QueuedBatch;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Crash recovery: an initiation whose dispatch lease ran out still has calls {@code queued} (its node
 * died between writing them and hearing the runner's answer, or a batch could not be read). Recovery
 * takes the lease over and sends those calls again, with the same call ids and batch ids, so the
 * runner (which treats the call id as an idempotency key) never places one twice. Runs at start and
 * periodically on every node; the SKIP LOCKED claim lets any number of nodes share the work.
 */
@Component
class QueuedCallRecovery {

    private static final Logger log = LoggerFactory.getLogger(QueuedCallRecovery.class);
    static final String AGENT_GONE = "Agent no longer exists";

    private final DispatchLeaseRepository leases;
    private final QueuedBatchRepository batches;
    private final BatchSender sender;
    private final CallService calls;
    private final AgentService agents;
    private final Duration lease;

    QueuedCallRecovery(
            DispatchLeaseRepository leases,
            QueuedBatchRepository batches,
            BatchSender sender,
            CallService calls,
            AgentService agents,
            InitiationProperties properties) {
        this.leases = leases;
        this.batches = batches;
        this.sender = sender;
        this.calls = calls;
        this.agents = agents;
        this.lease = properties.batchLease();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recover();
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.recovery.interval}",
            initialDelayString = "${agentcalls.recovery.interval}")
    void periodically() {
        recover();
    }

    /** Takes over stale initiations until none are left; returns how many of their calls were handled. */
    int recover() {
        int handled = 0;
        try {
            Optional<StaleInitiation> stale;
            while ((stale = leases.claimStale(lease)).isPresent()) {
                handled += resend(stale.get());
            }
        } catch (RuntimeException e) {
            log.error("Recovery of queued calls stopped; it runs again on schedule", e);
        }
        if (handled > 0) {
            log.info("Recovered {} queued calls", handled);
        }
        return handled;
    }

    private int resend(StaleInitiation initiation) {
        String organizationId = initiation.organizationId();
        int handled = 0;
        long leaseRenewedAt = System.nanoTime();
        // an initiation's batches share their agent: looked up once, not once a batch
        Map<String, Optional<Agent>> agentsById = new HashMap<>();
        for (QueuedBatch batch : batches.queuedBatches(organizationId, initiation.initiationId())) {
            if (System.nanoTime() - leaseRenewedAt > lease.toNanos() / 4) {
                leases.extendLease(organizationId, initiation.initiationId(), initiation.holder(), lease);
                leaseRenewedAt = System.nanoTime();
            }
            // recovery is rare: it reads every field rather than work out which the agent needs
            List<ClaimedCall> queued = batches.readBatch(
                    organizationId, initiation.initiationId(), batch.batch(), initiation.holder(), true);
            if (queued.isEmpty()) {
                continue;
            }
            handled += queued.size();
            var agent = agentsById.computeIfAbsent(batch.agentId(), id -> agents.find(organizationId, id));
            if (agent.isEmpty()) {
                calls.recordDispatchOutcome(
                        organizationId,
                        List.of(),
                        queued.stream()
                                .map(c -> new FailedCall(c.callId(), AGENT_GONE))
                                .toList());
                continue;
            }
            sender.send(
                    DispatchPlan.forRecovery(initiation, agent.get(), batch.dispositionSetId(), batch.batch()),
                    batch.batch(),
                    queued);
        }
        leases.releaseIfNoneQueued(organizationId, initiation.initiationId(), initiation.holder());
        return handled;
    }
}
