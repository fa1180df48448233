package io.agentcalls.runner;

import io.agentcalls.call.CallService;
import io.agentcalls.common.LeaseHandBack;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.Takeovers;
import io.agentcalls.runner.RunnerCancelOutbox.ClaimedCancel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the cancels of the {@link RunnerCancelOutbox} to the workflow runner until it acknowledges
 * them, on every node. An acknowledgement deletes the cancel and, in the same transaction, tells
 * {@link CallService}, so calls that failed on an ambiguous answer stop holding their customers; a
 * failure waits longer each time ({@link RunnerCancelProperties#retryAfter}). A cancel is first sent
 * at once, after the transaction that wrote it committed ({@link #sendNow}); the poll sends what that
 * could not. Every write is its own transaction: the one that wrote the cancel is over by then.
 */
@Component
@EnableConfigurationProperties(RunnerCancelProperties.class)
class RunnerCancelSender {

    private static final Logger log = LoggerFactory.getLogger(RunnerCancelSender.class);
    private static final int BATCH = 50;

    private final RunnerCancelOutbox outbox;
    private final WorkflowRunner runner;
    private final CallService calls;
    private final NodeIdentity node;
    private final LeaseProperties lease;
    private final LeaseHandBack lifecycle;
    private final Takeovers takeovers;
    private final RunnerCancelProperties properties;
    private final TransactionTemplate transactions;

    RunnerCancelSender(
            RunnerCancelOutbox outbox,
            WorkflowRunner runner,
            CallService calls,
            NodeIdentity node,
            LeaseProperties lease,
            LeaseHandBack lifecycle,
            Takeovers takeovers,
            RunnerCancelProperties properties,
            PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.runner = runner;
        this.calls = calls;
        this.node = node;
        this.lease = lease;
        this.lifecycle = lifecycle;
        this.takeovers = takeovers;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.runner.cancels.poll-interval:1s}",
            initialDelayString = "${agentcalls.runner.cancels.poll-interval:1s}")
    void periodically() {
        sendDue();
    }

    /** Sends one cancel just written, if no node holds it; a failure leaves it to the poll. */
    void sendNow(String organizationId, String id) {
        try {
            transactions
                    .execute(tx -> outbox.claimOne(organizationId, id, node.id(), lease.expiryInterval()))
                    .ifPresent(this::send);
        } catch (RuntimeException e) {
            log.warn("Runner cancel {} could not be sent at once; the poll sends it", id, e);
        }
    }

    /** Sends every due cancel; returns how many the runner acknowledged. */
    int sendDue() {
        int acknowledged = 0;
        try {
            List<ClaimedCancel> claimed;
            while (lifecycle.claiming()
                    && !(claimed = transactions.execute(tx -> outbox.claim(BATCH, node.id(), lease.expiryInterval())))
                            .isEmpty()) {
                for (ClaimedCancel cancel : claimed) {
                    acknowledged += send(cancel) ? 1 : 0;
                }
                if (claimed.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.error("Sending runner cancels stopped; they are sent again on schedule", e);
        }
        return acknowledged;
    }

    private boolean send(ClaimedCancel cancel) {
        if (cancel.expiredAt() != null) {
            tookOver(cancel);
        }
        try {
            runner.cancel(cancel.organizationId(), cancel.callIds());
        } catch (RuntimeException e) {
            Duration after = properties.retryAfter(cancel.attempts());
            log.warn(
                    "The workflow runner did not acknowledge cancel {} of {} calls ({}), attempt {}: {}; again in {}",
                    cancel.id(),
                    cancel.callIds().size(),
                    cancel.reason(),
                    cancel.attempts(),
                    e.getMessage(),
                    after);
            transactions.executeWithoutResult(
                    tx -> outbox.retryLater(cancel, node.id(), String.valueOf(e.getMessage()), after));
            return false;
        }
        transactions.executeWithoutResult(tx -> {
            if (outbox.acknowledged(cancel, node.id())) {
                calls.acknowledgeRunnerCancel(cancel.organizationId(), cancel.callIds());
            }
        });
        return true;
    }

    private void tookOver(ClaimedCancel cancel) {
        Duration overdue = Duration.between(cancel.expiredAt(), OffsetDateTime.now());
        takeovers.record(
                "runner_cancel", cancel.previousHolder(), cancel.callIds().size(), overdue);
        log.info(
                "Took over runner cancel {} of organization {} ({} calls, {}); the lease of {} expired at {}, {} ms before",
                cancel.id(),
                cancel.organizationId(),
                cancel.callIds().size(),
                cancel.reason(),
                cancel.previousHolder() == null ? "no node (handed back)" : cancel.previousHolder(),
                cancel.expiredAt(),
                overdue.toMillis());
    }
}
