package io.agentcalls.initiation;

import java.util.List;

/** What dispatching an initiation's batches to the runner came to. */
record DispatchReport(long initiated, long failed, int batchesProcessed, List<InitiationResults.BatchError> errors) {}
