package io.agentcalls.initiation.selection;

import java.util.List;

/**
 * What the selection statement found: matches, skips by reason, selected and written rows.
 *
 * @param missingVariables the agent's variables at least one selected customer lacks
 */
public record SelectionCounts(
        long totalMatched,
        SkipCounts skipped,
        long eligible,
        long selected,
        long inserted,
        int batches,
        List<String> missingVariables) {

    /** The customers selected for calling: the rows written, or for a dry run the rows it would write. */
    public long customersSelected(boolean dryRun) {
        return dryRun ? selected : inserted;
    }

    /** Skips by reason, the selected rows a concurrent request took first counted as active calls. */
    public SkipCounts skippedWithLostRaces(boolean dryRun) {
        return skipped.plusActiveCalls(selected - customersSelected(dryRun));
    }
}
