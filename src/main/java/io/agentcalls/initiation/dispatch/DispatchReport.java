package io.agentcalls.initiation.dispatch;

import io.agentcalls.initiation.dispatch.BatchSender.BatchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What dispatching an initiation's batches to the runner came to; errors in batch order. */
public record DispatchReport(long initiated, long failed, int batchesProcessed, List<BatchError> errors) {

    static DispatchReport of(List<BatchResult> batches) {
        long initiated = 0;
        long failed = 0;
        int processed = 0;
        List<BatchError> errors = new ArrayList<>();
        for (BatchResult result : batches) {
            initiated += result.initiated();
            failed += result.failed();
            processed += result.processed() ? 1 : 0;
            errors.addAll(result.errors());
        }
        errors.sort(Comparator.comparingInt(BatchError::batch));
        return new DispatchReport(initiated, failed, processed, errors);
    }
}
