package io.agentcalls.call;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails calls the runner went quiet on: initiated or ringing with no event for
 * {@code agentcalls.calls.stuck-after}, so they stop holding their customer and phone number.
 * Runs on every node; claims are {@code FOR UPDATE SKIP LOCKED}, so nodes split the work.
 */
@Component
@EnableConfigurationProperties(CallProperties.class)
class StuckCallReconciler {

    static final String REASON = "No event from the workflow runner";
    private static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(StuckCallReconciler.class);

    private final CallRepository calls;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Duration stuckAfter;

    StuckCallReconciler(
            CallRepository calls,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            CallProperties properties) {
        this.calls = calls;
        this.events = events;
        this.transactions = transactions;
        this.stuckAfter = properties.stuckAfter();
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.calls.stuck-check-interval}",
            initialDelayString = "${agentcalls.calls.stuck-check-interval}")
    void scheduled() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Stuck-call reconciliation failed; retrying on the next run", e);
        }
    }

    /** @return how many calls were failed */
    int reconcile() {
        int total = 0;
        int chunk;
        do {
            chunk = transactions.execute(tx -> {
                List<CallRow> failed = calls.failStuck(stuckAfter, REASON, CHUNK);
                for (CallRow row : failed) {
                    events.publishEvent(new CallStatusChanged(
                            row.organizationId(), row.id(), row.status().value(), row.endedAt(), row.view()));
                }
                return failed.size();
            });
            total += chunk;
        } while (chunk == CHUNK);
        if (total > 0) {
            log.info("Failed {} calls with no event from the workflow runner for {}", total, stuckAfter);
        }
        return total;
    }
}
