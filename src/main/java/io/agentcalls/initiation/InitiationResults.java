package io.agentcalls.initiation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.initiation.dispatch.BatchError;
import io.agentcalls.initiation.selection.SkipCounts;
import java.util.List;

/** The seed's {@code results} object, with our additions {@code skipped}, {@code initiationId}, {@code dryRun}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InitiationResults(
        long totalMatched,
        long customersSelected,
        long initiated,
        long failed,
        int batchesProcessed,
        List<BatchError> errors,
        SkipCounts skipped,
        String initiationId,
        Boolean dryRun) {}
