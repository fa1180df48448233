package io.agentcalls.initiation;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        Boolean dryRun) {

    /** One failed batch, or the calls of a batch the runner rejected for one reason. */
    record BatchError(int batch, String error, String reason, long affectedCustomers) {

        static final String CALL_INITIATION_FAILED = "Call initiation failed";
    }
}
