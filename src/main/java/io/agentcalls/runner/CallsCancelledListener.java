package io.agentcalls.runner;

import io.agentcalls.call.CallsCancelled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the workflow runner about cancelled calls once the cancellation is committed (never for a
 * cancellation that rolled back). A failure propagates, so an event publication registry can retry it.
 */
@Component
class CallsCancelledListener {

    private final WorkflowRunner runner;

    CallsCancelledListener(WorkflowRunner runner) {
        this.runner = runner;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CallsCancelled cancelled) {
        runner.cancel(cancelled.organizationId(), cancelled.callIds());
    }
}
