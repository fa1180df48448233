package io.agentcalls.initiation;

import io.agentcalls.call.CallService;
import io.agentcalls.call.InitiationTally;
import io.agentcalls.common.LeaseHandBack;
import io.agentcalls.common.Takeovers;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.dispatch.BatchError;
import io.agentcalls.initiation.record.InitiationRecords;
import io.agentcalls.initiation.record.OrphanedInitiation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes initiations whose answering node died before it stored the answer: once none of their
 * calls is queued any more (crash recovery sends those first), the answer is made from what the calls
 * came to, stored as the initiation's answer (its Idempotency-Key replays it) and announced with
 * {@link InitiationCompleted} (the {@code initiation.completed} webhook), as the request would have.
 * An initiation cut short before its selection wrote any call answers the contract's 500: nothing was
 * called, and the client may try again with a new key. Runs on every node, at the recovery interval.
 */
@Component
class OrphanedInitiationRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanedInitiationRecovery.class);

    private final InitiationRecords records;
    private final CallService calls;
    private final InitiationResponses responses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final LeaseHandBack lifecycle;
    private final Takeovers takeovers;

    OrphanedInitiationRecovery(
            InitiationRecords records,
            CallService calls,
            InitiationResponses responses,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            LeaseHandBack lifecycle,
            Takeovers takeovers) {
        this.records = records;
        this.calls = calls;
        this.responses = responses;
        this.events = events;
        this.transaction = transaction;
        this.lifecycle = lifecycle;
        this.takeovers = takeovers;
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.recovery.interval}",
            initialDelayString = "${agentcalls.recovery.interval}")
    void periodically() {
        completeOrphans();
    }

    /** Completes every orphaned initiation ready to be; returns how many. */
    int completeOrphans() {
        int completed = 0;
        try {
            Optional<OrphanedInitiation> orphan;
            while (lifecycle.claiming() && (orphan = records.claimOrphan()).isPresent()) {
                complete(orphan.get());
                completed++;
            }
        } catch (RuntimeException e) {
            log.error("Completing orphaned initiations stopped; it runs again on schedule", e);
        }
        return completed;
    }

    private void complete(OrphanedInitiation orphan) {
        InitiationTally tally = calls.initiationTally(orphan.organizationId(), orphan.initiationId());
        InitiationOutcome outcome;
        if (tally.calls() == 0) {
            outcome = responses.internalError();
        } else {
            List<BatchError> errors = tally.failures().stream()
                    .map(f -> new BatchError(f.batch(), BatchError.CALL_INITIATION_FAILED, f.reason(), f.calls()))
                    .toList();
            outcome = responses.of(new Completed(InitiationResults.recovered(
                    tally.calls(), tally.initiated(), tally.failed(), tally.batches(), errors, orphan.initiationId())));
        }
        InitiationOutcome answer = outcome;
        transaction.executeWithoutResult(status -> records.complete(
                        orphan.organizationId(), orphan.initiationId(), answer.status(), answer.body())
                .ifPresent(view -> events.publishEvent(new InitiationCompleted(
                        orphan.organizationId(), orphan.initiationId(), OffsetDateTime.now(), view))));
        Duration overdue = Duration.between(orphan.expiredAt(), OffsetDateTime.now());
        takeovers.record("initiation_answer", orphan.previousHolder(), tally.calls(), overdue);
        log.info(
                "Completed initiation {} of organization {} (campaign {}) left unanswered: {} calls, {} initiated, "
                        + "{} failed, answered {}; the lease of {} expired at {}, {} ms before",
                orphan.initiationId(),
                orphan.organizationId(),
                orphan.campaignId(),
                tally.calls(),
                tally.initiated(),
                tally.failed(),
                answer.status(),
                orphan.previousHolder() == null ? "no node (handed back)" : orphan.previousHolder(),
                orphan.expiredAt(),
                overdue.toMillis());
    }
}
