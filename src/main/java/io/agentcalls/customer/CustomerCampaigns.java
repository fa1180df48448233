package io.agentcalls.customer;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignCustomers;
import io.agentcalls.common.ApiException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The customers side of campaigns: their counts, and Create Campaign's records (all or nothing). */
@Component
class CustomerCampaigns implements CampaignCustomers {

    private static final int MAX_LISTED_PROBLEMS = 100;

    private final CustomerRepository repository;
    private final CustomerImportService imports;

    CustomerCampaigns(CustomerRepository repository, CustomerImportService imports) {
        this.repository = repository;
        this.imports = imports;
    }

    @Override
    public Map<String, Long> countByCampaign(String organizationId, Collection<String> campaignIds) {
        return repository.countByCampaign(organizationId, campaignIds);
    }

    @Override
    public void addAll(String organizationId, Campaign campaign, String field, List<JsonNode> records) {
        ImportResult result = imports.upsertDocumented(organizationId, campaign.id(), records);
        if (result.rejected() > 0) {
            List<String> problems = result.errors().stream()
                    .limit(MAX_LISTED_PROBLEMS)
                    .map(error -> field + "[" + (error.row() - 1) + "]: " + error.reason())
                    .toList();
            throw ApiException.validation(problems);
        }
    }
}
