package io.agentcalls.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What campaigns need from the customers of a campaign, implemented by the customer feature (which
 * depends on this one, so campaign names the need and customer fills it): how many customers each
 * campaign holds ({@code rowsLen}), and the records of Create Campaign's {@code jsonData}.
 */
public interface CampaignCustomers {

    /** The number of customers of each campaign named (campaigns without any are absent). */
    Map<String, Long> countByCampaign(String organizationId, Collection<String> campaignIds);

    /**
     * Adds the records to a campaign created in the current transaction, with the rules of Bulk Add
     * Customers. All or nothing: when any record is refused, the problems are thrown (a 400 naming
     * each record as {@code field[i]}) and the transaction rolls back.
     */
    void addAll(String organizationId, Campaign campaign, String field, List<JsonNode> records);
}
