package io.agentcalls.initiation.dispatch;

import io.agentcalls.call.CallService;
import io.agentcalls.call.CallService.FailedCall;
import io.agentcalls.runner.BatchOutcome;
import io.agentcalls.runner.RunnerBatch;
import io.agentcalls.runner.RunnerFailure;
import io.agentcalls.runner.WorkflowRunner;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands an initiation's queued calls to the runner in batches of 500, a bounded number in flight.
 * The rows were written leased to the initiation, so a batch is only read, never locked, while the
 * runner is called; a long initiation renews its lease as it goes, and recovery takes over the
 * calls of one whose node died once the lease runs out. The answer is written back through
 * {@link CallService}.
 */
@Component
public class CallDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CallDispatcher.class);
    static final String NOT_ACKNOWLEDGED = "Not acknowledged by the workflow runner";
    static final String INTERNAL_ERROR = "Internal error while dispatching";
    static final String CUSTOMER_GONE = "Customer no longer exists";

    private final DispatchRepository repository;
    private final CallService calls;
    private final WorkflowRunner runner;
    private final int parallelism;
    private final Duration lease;
    /** Threads are shared by all initiations; each one bounds its own batches in flight. */
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "batch-dispatch");
        thread.setDaemon(true);
        return thread;
    });

    CallDispatcher(
            DispatchRepository repository,
            CallService calls,
            WorkflowRunner runner,
            @Value("${agentcalls.initiation.batches-in-flight:4}") int parallelism,
            @Value("${agentcalls.initiation.batch-lease:5m}") Duration lease) {
        this.repository = repository;
        this.calls = calls;
        this.runner = runner;
        this.parallelism = parallelism;
        this.lease = lease;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    record BatchResult(int batch, boolean processed, long initiated, long failed, List<BatchError> errors) {}

    public DispatchReport dispatch(DispatchPlan plan) {
        Semaphore inFlight = new Semaphore(parallelism);
        List<Future<BatchResult>> results = new ArrayList<>();
        long leaseRenewedAt = System.nanoTime();
        for (int batch = 1; batch <= plan.batches(); batch++) {
            int number = batch;
            inFlight.acquireUninterruptibly();
            if (System.nanoTime() - leaseRenewedAt > lease.toNanos() / 4) {
                // a long initiation keeps its queued calls, so recovery leaves them alone
                repository.extendLease(plan.organizationId(), plan.initiationId(), plan.initiationId(), lease);
                leaseRenewedAt = System.nanoTime();
            }
            results.add(executor.submit(() -> {
                try {
                    return dispatchBatch(plan, number);
                } finally {
                    inFlight.release();
                }
            }));
        }
        long initiated = 0;
        long failed = 0;
        int processed = 0;
        List<BatchError> errors = new ArrayList<>();
        for (Future<BatchResult> future : results) {
            BatchResult result = join(future);
            initiated += result.initiated();
            failed += result.failed();
            processed += result.processed() ? 1 : 0;
            errors.addAll(result.errors());
        }
        errors.sort(Comparator.comparingInt(BatchError::batch));
        if (initiated + failed == plan.calls()) {
            // every call left 'queued'; otherwise the lease runs out and recovery sees to the rest
            repository.release(plan.organizationId(), plan.initiationId(), plan.initiationId());
        }
        return new DispatchReport(initiated, failed, processed, errors);
    }

    private BatchResult dispatchBatch(DispatchPlan plan, int batch) {
        List<DispatchRepository.ClaimedCall> claimed;
        try {
            claimed = repository.readBatch(
                    plan.organizationId(), plan.initiationId(), batch, plan.initiationId(), plan.needsCustomFields());
        } catch (RuntimeException e) {
            log.error("Could not read batch {} of initiation {}", batch, plan.initiationId(), e);
            return new BatchResult(batch, false, 0, 0, List.of());
        }
        if (claimed.isEmpty()) {
            return new BatchResult(batch, false, 0, 0, List.of());
        }
        return sendClaimed(plan, batch, claimed);
    }

    /**
     * Sends calls whose initiation this node holds to the runner and records its answer; calls whose
     * customer was deleted since they were written fail without being sent. Also used by recovery.
     */
    BatchResult sendClaimed(DispatchPlan plan, int batch, List<DispatchRepository.ClaimedCall> read) {
        List<String> accepted = List.of();
        List<FailedCall> failed = new ArrayList<>();
        List<DispatchRepository.ClaimedCall> claimed = new ArrayList<>(read.size());
        for (DispatchRepository.ClaimedCall call : read) {
            if (call.customerGone()) {
                failed.add(new FailedCall(call.callId(), CUSTOMER_GONE));
            } else {
                claimed.add(call);
            }
        }
        if (claimed.isEmpty()) {
            return record(plan, batch, accepted, failed);
        }
        try {
            BatchOutcome outcome = runner.submit(runnerBatch(plan, batch, claimed));
            Set<String> ids = new HashSet<>(
                    claimed.stream().map(DispatchRepository.ClaimedCall::callId).toList());
            accepted = outcome.accepted().stream().filter(ids::remove).toList();
            outcome.rejected().stream()
                    .filter(r -> ids.remove(r.callId()))
                    .forEach(r -> failed.add(new FailedCall(r.callId(), r.reason())));
            ids.forEach(id -> failed.add(new FailedCall(id, NOT_ACKNOWLEDGED)));
        } catch (RunnerFailure e) {
            log.warn("Batch {} of initiation {} failed: {}", batch, plan.initiationId(), e.getMessage());
            accepted = List.of();
            claimed.forEach(c -> failed.add(new FailedCall(c.callId(), e.getMessage())));
        } catch (RuntimeException e) {
            log.error("Batch {} of initiation {} failed unexpectedly", batch, plan.initiationId(), e);
            accepted = List.of();
            claimed.forEach(c -> failed.add(new FailedCall(c.callId(), INTERNAL_ERROR)));
        }
        return record(plan, batch, accepted, failed);
    }

    private BatchResult record(DispatchPlan plan, int batch, List<String> accepted, List<FailedCall> failed) {
        CallService.DispatchOutcome written = calls.recordDispatchOutcome(plan.organizationId(), accepted, failed);
        return new BatchResult(batch, true, written.initiated(), written.failedToInitiate(), errorsOf(batch, failed));
    }

    private static RunnerBatch runnerBatch(DispatchPlan plan, int batch, List<DispatchRepository.ClaimedCall> claimed) {
        List<RunnerBatch.Call> runnerCalls = new ArrayList<>(claimed.size());
        for (DispatchRepository.ClaimedCall call : claimed) {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String name : plan.requiredVariables()) {
                variables.put(name, call.fields().get(name));
            }
            String language =
                    call.fields().getOrDefault("language", plan.agent().language());
            runnerCalls.add(new RunnerBatch.Call(
                    call.callId(), call.customerId(), call.to(), call.from(), language, variables));
        }
        return new RunnerBatch(
                plan.initiationId() + "_" + batch,
                batch,
                plan.organizationId(),
                plan.campaignId(),
                plan.initiationId(),
                plan.agent(),
                plan.dispositionSetId(),
                runnerCalls);
    }

    /** One error per reason in the batch, as the seed's errors array shows them. */
    private static List<BatchError> errorsOf(int batch, List<FailedCall> failed) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        failed.forEach(f -> byReason.merge(f.reason(), 1L, Long::sum));
        return byReason.entrySet().stream()
                .map(e -> new BatchError(batch, BatchError.CALL_INITIATION_FAILED, e.getKey(), e.getValue()))
                .toList();
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
