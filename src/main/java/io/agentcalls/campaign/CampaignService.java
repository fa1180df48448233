package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns of an organization; other features read them through {@link #find}. */
@Service
public class CampaignService {

    private static final Set<String> STATUSES = Set.of(Campaign.ACTIVE, Campaign.ARCHIVED);

    private final CampaignRepository repository;

    CampaignService(CampaignRepository repository) {
        this.repository = repository;
    }

    /** The campaign with this id in this organization; another organization's campaign is empty. */
    public Optional<Campaign> find(String organizationId, String campaignId) {
        return repository.find(organizationId, campaignId);
    }

    /**
     * Whether a campaign with this id exists under a different organization. Only for the 403 of the
     * Initiate Call(s) contract; everywhere else another organization's campaign is simply not found.
     */
    public boolean existsInAnotherOrganization(String organizationId, String campaignId) {
        return repository.existsInAnotherOrganization(organizationId, campaignId);
    }

    /**
     * For background jobs only (the retry scheduler), which work for every organization: the active
     * campaigns with retries on, across all organizations. Requests never use it.
     */
    public List<RetryingCampaign> activeCampaignsWithRetries() {
        return repository.activeWithRetries();
    }

    Campaign create(String organizationId, CampaignChanges changes) {
        return repository.insert(organizationId, Ids.newId("cmp"), changes.applyTo(CampaignSettings.DEFAULTS));
    }

    Campaign get(String organizationId, String campaignId) {
        return find(organizationId, campaignId).orElseThrow(CampaignService::notFound);
    }

    Page<Campaign> list(String organizationId, String status, PageRequest page) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.validation("status must be one of active, archived");
        }
        return Page.fromOverfetch(
                repository.list(organizationId, status, page.after(), page.fetchSize()), page.limit(), Campaign::id);
    }

    /** Merges the changes into the stored settings under a row lock, so two patches never interleave. */
    @Transactional
    Campaign update(String organizationId, String campaignId, CampaignChanges changes) {
        Campaign current = repository.findForUpdate(organizationId, campaignId).orElseThrow(CampaignService::notFound);
        return repository.update(organizationId, campaignId, changes.applyTo(CampaignSettings.of(current)));
    }

    /** Archiving is the delete: calls and customers keep pointing at the campaign. Repeating it is fine. */
    Campaign archive(String organizationId, String campaignId) {
        return repository.archive(organizationId, campaignId).orElseThrow(CampaignService::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Campaign not found");
    }
}
