package io.agentcalls.runner;

import io.agentcalls.call.CallsCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the runner's cancel of cancelled calls (or of calls left ambiguous by a timeout) to the
 * {@link RunnerCancelOutbox} in the very transaction that changed them: a plain listener runs in the
 * publisher's transaction, so the cancel is durable exactly when the change is. Once that commits,
 * {@link RunnerCancelSender} sends a client's cancel at once (an ambiguous answer's at its next poll),
 * and again until the runner acknowledges it.
 */
@Component
class CallsCancelledListener {

    private final RunnerCancelOutbox outbox;
    private final RunnerCancelSender sender;

    CallsCancelledListener(RunnerCancelOutbox outbox, RunnerCancelSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @EventListener
    void on(CallsCancelled cancelled) {
        String organizationId = cancelled.organizationId();
        String id = outbox.enqueue(organizationId, cancelled.callIds(), cancelled.reason());
        if (!CallsCancelled.CANCELLED.equals(cancelled.reason())) {
            // after a timeout the runner is likely slow still: the dispatch does not wait on it, the poll sends
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.sendNow(organizationId, id);
                }
            });
        } else {
            sender.sendNow(organizationId, id);
        }
    }
}
