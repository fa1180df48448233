package io.agentcalls.initiation.selection;

import java.util.List;

/** What the selection statement found: matches, skips by reason, selected and written rows. */
public record SelectionCounts(
        long totalMatched,
        SkipCounts skipped,
        long eligible,
        long selected,
        long inserted,
        int batches,
        List<String> missingVariables) {}
