package io.agentcalls.runner;

import java.util.List;

/**
 * Places the calls of one batch. Each call's id is its idempotency key: submitting a batch again
 * never places a call twice. A batch the runner could not take as a whole (timeout, connection
 * error, non-2xx answer) raises {@link RunnerFailure}; single calls it refuses come back rejected.
 */
public interface WorkflowRunner {

    BatchOutcome submit(RunnerBatch batch);

    /**
     * Tells the runner these calls were cancelled: it must not place them, and hangs up any that
     * ring. Ids it does not know are ignored. Raises {@link RunnerFailure} when the runner can't be told.
     */
    default void cancel(String organizationId, List<String> callIds) {}
}
