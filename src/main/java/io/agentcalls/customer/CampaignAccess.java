package io.agentcalls.customer;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaign a customer request names: found in the caller's organization, or 404. */
@Component
class CampaignAccess {

    // Customer writes to one campaign take turns (on every node: the lock is PostgreSQL's). Two
    // imports with overlapping ids cannot deadlock, and campaign_custom_fields stays exact.
    private static final String LOCK_CUSTOMER_WRITES = """
            SELECT true FROM pg_advisory_xact_lock(hashtextextended('customers/' || :organizationId || '/' || :campaignId, 0))
            """;

    private final CampaignService campaigns;
    private final JdbcClient jdbc;

    CampaignAccess(CampaignService campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    Campaign require(String organizationId, String campaignId) {
        return campaigns
                .find(organizationId, campaignId)
                .orElseThrow(() -> ApiException.notFound("Campaign not found"));
    }

    /**
     * For a write in the current transaction: the campaign must exist, and must be active when the
     * write may add customers. Holds the campaign's customer write lock until the transaction ends.
     */
    Campaign lockForWrite(String organizationId, String campaignId, boolean addsCustomers) {
        Campaign campaign = require(organizationId, campaignId);
        if (addsCustomers && campaign.isArchived()) {
            throw ApiException.badRequest("Campaign is archived");
        }
        jdbc.sql(LOCK_CUSTOMER_WRITES)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query(Boolean.class)
                .single();
        return campaign;
    }
}
