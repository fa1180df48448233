package io.agentcalls.initiation;

import io.agentcalls.call.CallService;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.initiation.InitiationResult.Reason;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.selection.CustomerSelection;
import io.agentcalls.initiation.selection.SelectionCounts;
import io.agentcalls.initiation.selection.SelectionQuery;
import java.time.Duration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The selection statement as the use case runs it: on fresh planner statistics, in a transaction
 * that a lost race runs again, and checked the way the Initiate Call(s) contract checks what it found
 * (anything matched, anything left after the safeguards, every variable present). A rejection rolls
 * back every row the statement wrote.
 */
@Component
class CheckedSelection {

    /**
     * A selection that lost a race for a customer or a phone to a concurrent request (a unique
     * violation on the active-call indexes), or deadlocked with one, rolled back whole; run again, its
     * safeguards see the other request's calls and skip them.
     */
    private static final RetryTemplate RACES = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class, PessimisticLockingFailureException.class)
            .maxRetries(8)
            .delay(Duration.ofMillis(10))
            .jitter(Duration.ofMillis(10))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(500))
            .build());

    private final CustomerSelection selection;
    private final CustomerService customers;
    private final CallService calls;
    private final TransactionTemplate transaction;

    CheckedSelection(
            CustomerSelection selection,
            CustomerService customers,
            CallService calls,
            TransactionTemplate transaction) {
        this.selection = selection;
        this.customers = customers;
        this.calls = calls;
        this.transaction = transaction;
    }

    /** The statement's counts, or why the contract rejects them (then nothing was written). */
    record Outcome(SelectionCounts counts, Rejected rejected) {}

    Outcome run(SelectionQuery query, boolean dryRun) {
        // right after a large import the planner would read each dispatch batch by walking the campaign
        customers.refreshPlannerStatistics();
        calls.refreshPlannerStatistics();
        Outcome outcome =
                RACES.invoke(() -> transaction.execute(status -> checked(selection.run(query), dryRun, status)));
        if (!dryRun && outcome.rejected() == null) {
            // this initiation's own rows: dispatch updates them by id, which stale statistics turn into scans
            calls.refreshPlannerStatisticsAfterInsert(outcome.counts().inserted());
        }
        return outcome;
    }

    /** The contract's checks on what the statement found, in its order. */
    private static Outcome checked(SelectionCounts counts, boolean dryRun, TransactionStatus transaction) {
        Rejected rejected = null;
        long customersSelected = counts.customersSelected(dryRun);
        if (counts.totalMatched() == 0) {
            rejected = Rejected.because(Reason.NO_MATCHING_CUSTOMERS);
        } else if (customersSelected == 0) {
            rejected = Rejected.allSkipped(counts.totalMatched(), counts.skippedWithLostRaces(dryRun));
        } else if (!counts.missingVariables().isEmpty()) {
            rejected = Rejected.missingVariables(counts.totalMatched(), customersSelected, counts.missingVariables());
        }
        if (rejected != null) {
            transaction.setRollbackOnly();
        }
        return new Outcome(counts, rejected);
    }
}
