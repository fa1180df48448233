package io.agentcalls.initiation;

import io.agentcalls.initiation.selection.CustomerFilter;
import java.util.List;

/**
 * A parsed, shape-checked Initiate Call(s) body. Whether each filter names a field that exists is
 * checked later, against the campaign's custom fields.
 *
 * @param limit null when every matching customer is to be called
 */
public record InitiateCallsRequest(
        String agentId, String dispositionId, Integer limit, boolean dryRun, List<CustomerFilter> filters) {}
