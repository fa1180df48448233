package io.agentcalls.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a JSON or CSV upsert. {@code created + updated + rejected == received}; {@code errors}
 * lists the rejected rows in row order, the first {@link ImportTally#MAX_LISTED_ERRORS} of them.
 */
public record ImportResult(long received, long created, long updated, long rejected, List<RowError> errors) {

    /** A rejected row: 1-based (the array index + 1, or the CSV data row), its id when readable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowError(long row, String id, String reason) {}
}
