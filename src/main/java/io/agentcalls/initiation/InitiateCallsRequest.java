package io.agentcalls.initiation;

import io.agentcalls.initiation.selection.CustomerFilter;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A parsed, shape-checked Initiate Call(s) body. Whether each filter names a field that exists is
 * checked later, against the campaign's custom fields.
 *
 * @param limit null when every matching customer is to be called
 * @param startAt our addition: the calls wait until then (null: at once)
 */
public record InitiateCallsRequest(
        String agentId,
        String dispositionId,
        Integer limit,
        boolean dryRun,
        List<CustomerFilter> filters,
        OffsetDateTime startAt) {

    /** A request that calls at once. */
    public InitiateCallsRequest(
            String agentId, String dispositionId, Integer limit, boolean dryRun, List<CustomerFilter> filters) {
        this(agentId, dispositionId, limit, dryRun, filters, null);
    }
}
