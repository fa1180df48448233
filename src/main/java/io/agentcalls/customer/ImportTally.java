package io.agentcalls.customer;

import io.agentcalls.customer.ImportResult.RowError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts an import as its rows stream past. Only the first rejected rows are kept, so a file of a
 * million bad rows still answers in bounded memory; {@code rejected} counts them all.
 */
final class ImportTally {

    /** As many as one JSON request may hold, so a JSON upsert always lists every rejected row. */
    static final int MAX_LISTED_ERRORS = 10_000;

    private long received;
    private long valid;
    private long rejected;
    private final List<RowError> errors = new ArrayList<>();
    private final Set<String> customFieldNames = new HashSet<>();

    void valid(CustomerData customer) {
        received++;
        valid++;
        customFieldNames.addAll(customer.custom().keySet());
    }

    void rejected(long row, String id, String reason) {
        received++;
        rejected++;
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new RowError(row, id, reason));
        }
    }

    long valid() {
        return valid;
    }

    /** Rows refused by the fields' rules (not counting duplicates, found later). */
    long invalid() {
        return rejected;
    }

    /** Names of the custom fields that valid rows carry. */
    Set<String> customFieldNames() {
        return customFieldNames;
    }

    /**
     * The result once the valid rows are written: {@code duplicates} were among the valid rows and
     * were dropped by the database, which lists the first of them in row order.
     */
    ImportResult result(long created, long duplicateCount, List<RowError> firstDuplicates) {
        long updated = valid - duplicateCount - created;
        List<RowError> merged = new ArrayList<>(errors.size() + firstDuplicates.size());
        int i = 0;
        int j = 0;
        while (merged.size() < MAX_LISTED_ERRORS && (i < errors.size() || j < firstDuplicates.size())) {
            boolean takeError = j >= firstDuplicates.size()
                    || (i < errors.size()
                            && errors.get(i).row() < firstDuplicates.get(j).row());
            merged.add(takeError ? errors.get(i++) : firstDuplicates.get(j++));
        }
        return new ImportResult(received, created, updated, rejected + duplicateCount, List.copyOf(merged));
    }
}
