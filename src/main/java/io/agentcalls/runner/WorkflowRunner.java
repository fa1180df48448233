package io.agentcalls.runner;

/**
 * Places the calls of one batch. Each call's id is its idempotency key: submitting a batch again
 * never places a call twice. A batch the runner could not take as a whole (timeout, connection
 * error, non-2xx answer) raises {@link RunnerFailure}; single calls it refuses come back rejected.
 */
public interface WorkflowRunner {

    BatchOutcome submit(RunnerBatch batch);
}
