package io.agentcalls.initiation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.initiation.dispatch.BatchError;
import io.agentcalls.initiation.dispatch.DispatchReport;
import io.agentcalls.initiation.selection.SkipCounts;
import java.util.List;

/**
 * The {@code results} object of the Initiate Call(s) contract, with our additions {@code skipped},
 * {@code initiationId} and {@code dryRun}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitiationResults(
        long totalMatched,
        long customersSelected,
        long initiated,
        long failed,
        int batchesProcessed,
        List<BatchError> errors,
        SkipCounts skipped,
        String initiationId,
        Boolean dryRun) {

    /** What a dry run would select; it writes nothing, so it has no initiation id. */
    static InitiationResults dryRun(long totalMatched, long customersSelected, SkipCounts skipped) {
        return new InitiationResults(totalMatched, customersSelected, 0, 0, 0, List.of(), skipped, null, true);
    }

    /** What the initiation's calls came to once every batch was dispatched. */
    static InitiationResults dispatched(
            long totalMatched, long customersSelected, DispatchReport report, SkipCounts skipped, String initiationId) {
        return new InitiationResults(
                totalMatched,
                customersSelected,
                report.initiated(),
                report.failed(),
                report.batchesProcessed(),
                report.errors(),
                skipped,
                initiationId,
                null);
    }
}
