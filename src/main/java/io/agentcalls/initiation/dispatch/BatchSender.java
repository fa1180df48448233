package io.agentcalls.initiation.dispatch;

import io.agentcalls.call.AcceptedCalls;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallService.FailedCall;
import io.agentcalls.initiation.dispatch.QueuedBatchRepository.ClaimedCall;
import io.agentcalls.runner.BatchOutcome;
import io.agentcalls.runner.RunnerBatch;
import io.agentcalls.runner.RunnerFailure;
import io.agentcalls.runner.WorkflowRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one batch of calls, whose initiation this node holds, to the runner and writes its answer
 * back through {@link CallService}; calls whose customer was deleted since they were written fail
 * without being sent. The dispatcher and crash recovery both send this way.
 */
@Component
class BatchSender {

    private static final Logger log = LoggerFactory.getLogger(BatchSender.class);
    static final String NOT_ACKNOWLEDGED = "Not acknowledged by the workflow runner";
    static final String INTERNAL_ERROR = "Internal error while dispatching";
    static final String CUSTOMER_GONE = "Customer no longer exists";

    private final CallService calls;
    private final WorkflowRunner runner;

    BatchSender(CallService calls, WorkflowRunner runner) {
        this.calls = calls;
        this.runner = runner;
    }

    /** What one batch came to; {@code processed} is false when it could not even be read. */
    record BatchResult(int batch, boolean processed, long initiated, long failed, List<BatchError> errors) {

        static BatchResult unprocessed(int batch) {
            return new BatchResult(batch, false, 0, 0, List.of());
        }
    }

    BatchResult send(DispatchPlan plan, int batch, List<ClaimedCall> read) {
        AcceptedCalls accepted = AcceptedCalls.heldByRunner(List.of());
        List<FailedCall> failed = new ArrayList<>();
        List<FailedCall> ambiguous = new ArrayList<>();
        List<ClaimedCall> claimed = new ArrayList<>(read.size());
        for (ClaimedCall call : read) {
            if (call.customerGone()) {
                failed.add(new FailedCall(call.callId(), CUSTOMER_GONE));
            } else {
                claimed.add(call);
            }
        }
        if (claimed.isEmpty()) {
            return record(plan, batch, accepted, failed, ambiguous);
        }
        try {
            BatchOutcome outcome = runner.submit(runnerBatch(plan, batch, claimed));
            Set<String> ids =
                    new HashSet<>(claimed.stream().map(ClaimedCall::callId).toList());
            accepted = outcome.acceptedCalls(
                    outcome.accepted().stream().filter(ids::remove).toList());
            outcome.rejected().stream()
                    .filter(r -> ids.remove(r.callId()))
                    .forEach(r -> failed.add(new FailedCall(r.callId(), r.reason())));
            ids.forEach(id -> failed.add(new FailedCall(id, NOT_ACKNOWLEDGED)));
        } catch (RunnerFailure e) {
            log.warn("Batch {} of initiation {} failed: {}", batch, plan.initiationId(), e.getMessage());
            // after a timeout or reset the runner may hold the calls: they are cancelled, not forgotten
            List<FailedCall> target = e.ambiguous() ? ambiguous : failed;
            claimed.forEach(c -> target.add(new FailedCall(c.callId(), e.getMessage())));
        } catch (RuntimeException e) {
            log.error("Batch {} of initiation {} failed unexpectedly", batch, plan.initiationId(), e);
            accepted = AcceptedCalls.heldByRunner(List.of());
            claimed.forEach(c -> failed.add(new FailedCall(c.callId(), INTERNAL_ERROR)));
        }
        return record(plan, batch, accepted, failed, ambiguous);
    }

    private BatchResult record(
            DispatchPlan plan, int batch, AcceptedCalls accepted, List<FailedCall> failed, List<FailedCall> ambiguous) {
        CallService.DispatchOutcome written =
                calls.recordDispatchOutcome(plan.organizationId(), accepted, failed, ambiguous);
        List<FailedCall> all = new ArrayList<>(failed);
        all.addAll(ambiguous);
        return new BatchResult(batch, true, written.initiated(), written.failedToInitiate(), errorsOf(batch, all));
    }

    private static RunnerBatch runnerBatch(DispatchPlan plan, int batch, List<ClaimedCall> claimed) {
        List<RunnerBatch.Call> runnerCalls = new ArrayList<>(claimed.size());
        for (ClaimedCall call : claimed) {
            Map<String, String> variables = new LinkedHashMap<>();
            for (String name : plan.requiredVariables()) {
                variables.put(name, call.fields().get(name));
            }
            String language =
                    call.fields().getOrDefault("language", plan.agent().language());
            runnerCalls.add(new RunnerBatch.Call(
                    call.callId(),
                    call.customerId(),
                    call.to(),
                    call.from(),
                    language,
                    variables,
                    call.notBefore().toString(),
                    call.notAfter().toString()));
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

    /** One error per reason in the batch, as the contract's errors array shows them. */
    private static List<BatchError> errorsOf(int batch, List<FailedCall> failed) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        failed.forEach(f -> byReason.merge(f.reason(), 1L, Long::sum));
        return byReason.entrySet().stream()
                .map(e -> new BatchError(batch, BatchError.CALL_INITIATION_FAILED, e.getKey(), e.getValue()))
                .toList();
    }
}
