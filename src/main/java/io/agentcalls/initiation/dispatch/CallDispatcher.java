package io.agentcalls.initiation.dispatch;

import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.initiation.InitiationProperties;
import io.agentcalls.initiation.dispatch.BatchSender.BatchResult;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.ClaimedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Hands an initiation's queued calls to the runner in batches of 500, a bounded number in flight.
 * The rows were written leased to this node, so a batch is only read, never locked, while the
 * runner is called; {@link io.agentcalls.common.LeaseHeartbeat} renews the lease however long that takes, and recovery
 * takes over the calls of an initiation whose node died once the lease runs out.
 */
@Component
public class CallDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallDispatcher.class);

    private final QueuedBatchRepository batches;
    private final DispatchLeaseRepository leases;
    private final BatchSender sender;
    private final int parallelism;
    private final NodeIdentity node;
    private final LeaseProperties lease;
    /** Threads shared by all initiations; each one bounds its own batches in flight. */
    private final AsyncTaskExecutor executor;

    CallDispatcher(
            QueuedBatchRepository batches,
            DispatchLeaseRepository leases,
            BatchSender sender,
            InitiationProperties properties,
            NodeIdentity node,
            LeaseProperties lease,
            @Qualifier("batchDispatchExecutor") AsyncTaskExecutor executor) {
        this.batches = batches;
        this.leases = leases;
        this.sender = sender;
        this.parallelism = properties.batchesInFlight();
        this.node = node;
        this.lease = lease;
        this.executor = executor;
    }

    public DispatchReport dispatch(DispatchPlan plan) {
        Semaphore inFlight = new Semaphore(parallelism);
        List<Future<BatchResult>> results = new ArrayList<>();
        for (int batch = 1; batch <= plan.batches(); batch++) {
            int number = batch;
            inFlight.acquireUninterruptibly();
            results.add(executor.submit(() -> {
                try {
                    return dispatchBatch(plan, number);
                } finally {
                    inFlight.release();
                }
            }));
        }
        DispatchReport report =
                DispatchReport.of(results.stream().map(CallDispatcher::join).toList());
        if (report.initiated() + report.failed() == plan.calls()) {
            // every call left 'queued'
            leases.release(plan.organizationId(), plan.initiationId(), node.id());
        } else {
            // the rest are recovery's, after a pause, as a failure that persists should be retried
            leases.handBack(plan.organizationId(), plan.initiationId(), node.id(), lease.expiryInterval());
        }
        return report;
    }

    private BatchResult dispatchBatch(DispatchPlan plan, int batch) {
        List<ClaimedCall> claimed;
        try {
            claimed = batches.readBatch(
                    plan.organizationId(), plan.initiationId(), batch, node.id(), plan.needsCustomFields());
        } catch (RuntimeException e) {
            log.error("Could not read batch {} of initiation {}", batch, plan.initiationId(), e);
            return BatchResult.unprocessed(batch);
        }
        if (claimed.isEmpty()) {
            return BatchResult.unprocessed(batch);
        }
        return sender.send(plan, batch, claimed);
    }

    private static BatchResult join(Future<BatchResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dispatching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Batch dispatch failed", e.getCause());
        }
    }
}
