package io.agentcalls.initiation.dispatch;

import java.util.List;

/** What dispatching an initiation's batches to the runner came to. */
public record DispatchReport(long initiated, long failed, int batchesProcessed, List<BatchError> errors) {}
