package io.agentcalls.initiation.dispatch;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallService.FailedCall;
import io.agentcalls.common.LeaseHandBack;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.Takeovers;
import io.agentcalls.initiation.InitiationProperties;
import io.agentcalls.initiation.dispatch.DispatchLeaseRepository.StaleInitiation;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.ClaimedCall;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.QueuedBatch;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Crash recovery: an initiation whose dispatch lease ran out still has calls {@code queued} (its node
 * died between writing them and hearing the runner's answer, or handed back a batch it could not
 * read or send). Recovery takes the lease over for this node and sends those calls again, with the
 * same call ids and batch ids, so the runner (which treats the call id as an idempotency key) never
 * places one twice. Runs at start and periodically on every node; the SKIP LOCKED claim lets any
 * number of nodes share the work. Every takeover is one log line and {@link Takeovers}.
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
    private final NodeIdentity node;
    private final LeaseProperties lease;
    private final Takeovers metrics;
    private final LeaseHandBack lifecycle;
    private final int parallelism;
    private final int perOrganization;
    /** The dispatcher's threads: a takeover sends as many batches at once as a first dispatch. */
    private final AsyncTaskExecutor executor;

    QueuedCallRecovery(
            DispatchLeaseRepository leases,
            QueuedBatchRepository batches,
            BatchSender sender,
            CallService calls,
            AgentService agents,
            NodeIdentity node,
            LeaseProperties lease,
            Takeovers metrics,
            LeaseHandBack lifecycle,
            InitiationProperties properties,
            RecoveryProperties recovery,
            @Qualifier("batchDispatchExecutor") AsyncTaskExecutor executor) {
        this.perOrganization = recovery.maxDispatchingPerOrganization();
        this.leases = leases;
        this.batches = batches;
        this.sender = sender;
        this.calls = calls;
        this.agents = agents;
        this.node = node;
        this.lease = lease;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.parallelism = properties.batchesInFlight();
        this.executor = executor;
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
            // a stopping node takes nothing new: it would only hand it back
            while (lifecycle.claiming()
                    && (stale = leases.claimStale(node.id(), lease.expiryInterval(), perOrganization)).isPresent()) {
                handled += takeOver(stale.get());
            }
        } catch (RuntimeException e) {
            log.error("Recovery of queued calls stopped; it runs again on schedule", e);
        }
        if (handled > 0) {
            log.info("Recovered {} queued calls", handled);
        }
        return handled;
    }

    private int takeOver(StaleInitiation initiation) {
        Duration overdue = Duration.between(initiation.expiredAt(), OffsetDateTime.now());
        int handled = resend(initiation);
        if (handled > 0) {
            metrics.record("initiation", initiation.previousHolder(), handled, overdue);
            log.info(
                    "Took over initiation {} of organization {} (campaign {}): {} queued calls sent again; "
                            + "the lease of {} expired at {}, {} ms before",
                    initiation.initiationId(),
                    initiation.organizationId(),
                    initiation.campaignId(),
                    handled,
                    initiation.previousHolder() == null ? "no node (handed back)" : initiation.previousHolder(),
                    initiation.expiredAt(),
                    overdue.toMillis());
        }
        return handled;
    }

    /** Sends the queued calls again (the heartbeat keeps the lease this node's meanwhile). */
    private int resend(StaleInitiation initiation) {
        String organizationId = initiation.organizationId();
        int handled = 0;
        // an initiation's batches share their agent: looked up once, not once a batch
        Map<String, Optional<Agent>> agentsById = new HashMap<>();
        Semaphore inFlight = new Semaphore(parallelism);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (QueuedBatch batch : batches.queuedBatches(organizationId, initiation.initiationId())) {
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
            DispatchPlan plan =
                    DispatchPlan.forRecovery(initiation, agent.get(), batch.dispositionSetId(), batch.batch());
            inFlight.acquireUninterruptibly();
            sent.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            sender.send(plan, batch.batch(), queued);
                        } finally {
                            inFlight.release();
                        }
                    },
                    executor));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        leases.releaseIfNoneQueued(organizationId, initiation.initiationId(), initiation.holder());
        // calls still queued (the runner failed them all again): recovery's again after a pause
        leases.handBack(organizationId, initiation.initiationId(), initiation.holder(), lease.expiryInterval());
        return handled;
    }
}
