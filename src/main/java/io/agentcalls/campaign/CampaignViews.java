package io.agentcalls.campaign;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the answers of the campaign endpoints, with each campaign's customer count ({@code rowsLen})
 * asked of the customer feature. Looked up lazily: the customer feature's beans use campaigns too.
 */
@Component
class CampaignViews {

    private final ObjectProvider<CampaignCustomers> customers;

    CampaignViews(ObjectProvider<CampaignCustomers> customers) {
        this.customers = customers;
    }

    CampaignView of(String organizationId, Campaign campaign) {
        return of(organizationId, List.of(campaign)).get(0);
    }

    List<CampaignView> of(String organizationId, List<Campaign> campaigns) {
        Map<String, Long> counts = campaigns.isEmpty()
                ? Map.of()
                : customers
                        .getObject()
                        .countByCampaign(
                                organizationId,
                                campaigns.stream().map(Campaign::id).toList());
        return campaigns.stream()
                .map(c -> CampaignView.of(organizationId, c, counts.getOrDefault(c.id(), 0L)))
                .toList();
    }

    CampaignCustomers customers() {
        return customers.getObject();
    }
}
