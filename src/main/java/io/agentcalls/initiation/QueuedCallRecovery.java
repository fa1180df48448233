package io.agentcalls.initiation;

import io.agentcalls.agent.AgentService;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallService.FailedCall;
import io.agentcalls.runner.RunnerBatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Crash recovery: calls left {@code queued} by a node that died between writing them and hearing
 * the runner's answer are sent again, with the same call ids and batch ids, so the runner (which
 * treats the call id as an idempotency key) never places one twice. Runs at start and periodically
 * on every node; the SKIP LOCKED claim lets any number of nodes share the work.
 */
@Component
class QueuedCallRecovery {

    private static final Logger log = LoggerFactory.getLogger(QueuedCallRecovery.class);
    private static final int CLAIM_SIZE = CustomerSelection.BATCH_SIZE;
    static final String CUSTOMER_GONE = "Customer no longer exists";
    static final String AGENT_GONE = "Agent no longer exists";

    private final DispatchRepository repository;
    private final CallDispatcher dispatcher;
    private final CallService calls;
    private final AgentService agents;
    private final Duration grace;
    private final Duration lease;

    QueuedCallRecovery(
            DispatchRepository repository,
            CallDispatcher dispatcher,
            CallService calls,
            AgentService agents,
            @Value("${agentcalls.recovery.grace:10m}") Duration grace,
            @Value("${agentcalls.initiation.batch-lease:5m}") Duration lease) {
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.calls = calls;
        this.agents = agents;
        this.grace = grace;
        this.lease = lease;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recover();
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.recovery.interval:30s}",
            initialDelayString = "${agentcalls.recovery.interval:30s}")
    void periodically() {
        recover();
    }

    /** Sends stale queued calls again until none are left; returns how many were handled. */
    int recover() {
        int handled = 0;
        try {
            List<DispatchRepository.StaleCall> stale;
            while (!(stale = repository.claimStale(grace, lease, CLAIM_SIZE)).isEmpty()) {
                handled += stale.size();
                resend(stale);
            }
        } catch (RuntimeException e) {
            log.error("Recovery of queued calls stopped; it runs again on schedule", e);
        }
        if (handled > 0) {
            log.info("Recovered {} queued calls", handled);
        }
        return handled;
    }

    private record BatchKey(
            String organizationId,
            String initiationId,
            int batch,
            String campaignId,
            String agentId,
            String dispositionSetId) {}

    private void resend(List<DispatchRepository.StaleCall> stale) {
        Map<BatchKey, List<DispatchRepository.StaleCall>> batches = stale.stream()
                .collect(Collectors.groupingBy(
                        s -> new BatchKey(
                                s.organizationId(),
                                s.initiationId(),
                                s.batch(),
                                s.campaignId(),
                                s.agentId(),
                                s.dispositionSetId()),
                        LinkedHashMap::new,
                        Collectors.toList()));
        batches.forEach(this::resendBatch);
    }

    private void resendBatch(BatchKey key, List<DispatchRepository.StaleCall> stale) {
        List<FailedCall> gone = stale.stream()
                .filter(s -> s.call().fields() == null)
                .map(s -> new FailedCall(s.call().callId(), CUSTOMER_GONE))
                .toList();
        List<DispatchRepository.ClaimedCall> sendable = stale.stream()
                .map(DispatchRepository.StaleCall::call)
                .filter(c -> c.fields() != null)
                .toList();
        if (!gone.isEmpty()) {
            calls.recordDispatchOutcome(key.organizationId(), List.of(), gone);
        }
        if (sendable.isEmpty()) {
            return;
        }
        var agent = agents.find(key.organizationId(), key.agentId());
        if (agent.isEmpty()) {
            calls.recordDispatchOutcome(
                    key.organizationId(),
                    List.of(),
                    sendable.stream()
                            .map(c -> new FailedCall(c.callId(), AGENT_GONE))
                            .toList());
            return;
        }
        DispatchPlan plan = new DispatchPlan(
                key.organizationId(),
                key.campaignId(),
                key.initiationId(),
                new RunnerBatch.Agent(
                        agent.get().id(),
                        agent.get().language(),
                        agent.get().voice(),
                        agent.get().prompt()),
                key.dispositionSetId(),
                agent.get().requiredVariables(),
                key.batch());
        dispatcher.sendClaimed(plan, key.batch(), sendable);
    }
}
