package io.agentcalls.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the calls' tally deltas into the campaign tallies, a batch per transaction until none is
 * left, on every node but one node at a time (an advisory lock taken in the fold's transaction; a
 * node that finds it taken leaves the work to the holder). Nothing depends on it for correctness:
 * readers add the deltas not folded yet. It keeps their number small, so a read stays a few hundred
 * rows. Counts what it folded in {@code agentcalls.calls.tally.folded}.
 */
@Component
class CallTallyCompactor {

    private static final Logger log = LoggerFactory.getLogger(CallTallyCompactor.class);

    private final CallTallyRepository tallies;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final Counter folded;

    CallTallyCompactor(
            CallTallyRepository tallies,
            TransactionTemplate transactions,
            CallProperties properties,
            MeterRegistry registry) {
        this.tallies = tallies;
        this.transactions = transactions;
        this.batchSize = properties.tallyBatchSize();
        this.folded = Counter.builder("agentcalls.calls.tally.folded")
                .description("Call tally deltas folded into the campaign tallies")
                .register(registry);
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.calls.tally-interval}",
            initialDelayString = "${agentcalls.calls.tally-interval}")
    void scheduled() {
        try {
            foldAll();
        } catch (RuntimeException e) {
            log.warn("Folding call tallies failed; retrying on the next run", e);
        }
    }

    /** @return how many deltas this node folded (0 when another node holds the fold) */
    long foldAll() {
        long total = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> tallies.tryFoldLock() ? tallies.fold(batchSize) : 0);
            folded.increment(batch);
            total += batch;
        } while (batch == batchSize);
        return total;
    }
}
