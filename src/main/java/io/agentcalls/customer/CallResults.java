package io.agentcalls.customer;

import io.agentcalls.customer.CustomerCalls.Batch;
import io.agentcalls.customer.CustomerCalls.BatchError;
import io.agentcalls.customer.CustomerCalls.Skipped;
import java.util.ArrayList;
import java.util.List;

/**
 * Add Customers' {@code callResults}: the Initiate Call(s) results of its initiations (one per 500
 * customers added) summed up, their batches numbered in order, and the initiations' ids. A batch that
 * placed no call for a reason of its own lists that reason as its error; customers a safeguard held
 * back are counted in {@code skipped}, not as failed.
 */
record CallResults(
        long totalMatched,
        long customersSelected,
        long initiated,
        long failed,
        int batchesProcessed,
        List<BatchError> errors,
        Skipped skipped,
        List<String> initiationIds) {

    static final String FAILED = "Call initiation failed";

    static CallResults of(List<Batch> batches, List<Integer> sizes) {
        long matched = 0;
        long selected = 0;
        long initiated = 0;
        long failed = 0;
        List<BatchError> errors = new ArrayList<>();
        Skipped skipped = Skipped.NONE_SKIPPED;
        List<String> initiationIds = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            int number = i + 1;
            matched += batch.totalMatched();
            selected += batch.customersSelected();
            initiated += batch.initiated();
            skipped = skipped.plus(batch.skipped());
            if (batch.initiationId() != null) {
                initiationIds.add(batch.initiationId());
            }
            batch.errors()
                    .forEach(e -> errors.add(new BatchError(number, e.error(), e.reason(), e.affectedCustomers())));
            long notCalled = sizes.get(i) - batch.skipped().total() - batch.initiated();
            if (batch.refusal() != null && notCalled > 0) {
                errors.add(new BatchError(number, FAILED, batch.refusal(), notCalled));
            }
            failed += batch.refusal() != null ? notCalled : batch.failed();
        }
        return new CallResults(
                matched, selected, initiated, failed, batches.size(), List.copyOf(errors), skipped, initiationIds);
    }
}
