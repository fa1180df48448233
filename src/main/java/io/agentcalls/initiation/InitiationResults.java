package io.agentcalls.initiation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agentcalls.initiation.dispatch.BatchError;
import io.agentcalls.initiation.dispatch.DispatchReport;
import io.agentcalls.initiation.selection.SkipCounts;
import java.util.List;

/**
 * The {@code results} object of the Initiate Call(s) contract, with our additions {@code skipped},
 * {@code initiationId}, {@code dryRun} and {@code recovered}.
 *
 * @param recovered true when recovery answered the initiation after the node answering it died: the
 *     counts are what its calls came to; what the selection matched and skipped died with the node, so
 *     {@code totalMatched} is the customers selected and {@code skipped} is absent
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
        Boolean dryRun,
        Boolean recovered) {

    /** What a dry run would select; it writes nothing, so it has no initiation id. */
    static InitiationResults dryRun(long totalMatched, long customersSelected, SkipCounts skipped) {
        return new InitiationResults(totalMatched, customersSelected, 0, 0, 0, List.of(), skipped, null, true, null);
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
                null,
                null);
    }

    /** What recovery can tell of an initiation whose node died before it answered: its calls' outcomes. */
    static InitiationResults recovered(
            long customersSelected, long initiated, long failed, int batches, List<BatchError> errors, String id) {
        return new InitiationResults(
                customersSelected, customersSelected, initiated, failed, batches, errors, null, id, null, true);
    }
}
