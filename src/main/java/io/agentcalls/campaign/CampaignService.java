package io.agentcalls.campaign;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.common.NumberedPageRequest.Pagination;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.disposition.DispositionService;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Campaigns of an organization; other features read them through {@link #find}. */
@Service
public class CampaignService {

    /** What Create Campaign requires (the calling window may stand for startTime and endTime). */
    static final List<String> DOCUMENTED_REQUIRED = List.of(
            "name",
            "description",
            "campaignType",
            "startDate",
            "startTime",
            "endDate",
            "endTime",
            "languages",
            "region");

    static final String FOREIGN = "Access denied - Campaign belongs to another organization";

    private final CampaignRepository repository;
    private final CampaignPageRepository pages;
    private final CampaignViews views;
    private final DispositionService dispositions;

    CampaignService(
            CampaignRepository repository,
            CampaignPageRepository pages,
            CampaignViews views,
            DispositionService dispositions) {
        this.repository = repository;
        this.pages = pages;
        this.views = views;
        this.dispositions = dispositions;
    }

    /** The campaign with this id in this organization; another organization's campaign is empty. */
    public Optional<Campaign> find(String organizationId, String campaignId) {
        return repository.find(organizationId, campaignId);
    }

    /**
     * Whether a campaign with this id exists under a different organization. Only for the 403s the
     * TimePay pages document (Initiate Call(s), Delete Campaign); elsewhere another organization's
     * campaign is simply not found.
     */
    public boolean existsInAnotherOrganization(String organizationId, String campaignId) {
        return repository.existsInAnotherOrganization(organizationId, campaignId);
    }

    /** The organization's campaigns but the archived ones, in id order (keyset pages): the console's list. */
    public Page<Campaign> listCampaigns(String organizationId, PageRequest page) {
        return Page.fromOverfetch(
                repository.listNotArchived(organizationId, page.after(), page.fetchSize()), page.limit(), Campaign::id);
    }

    /** Pauses the campaign (the console's control): as Pause Campaign, answering the campaign. */
    public Campaign pauseCampaign(String organizationId, String campaignId) {
        return repository.pause(organizationId, campaignId).orElseThrow(() -> {
            Campaign campaign = require(organizationId, campaignId);
            return campaign.isArchived() ? archived() : notFound();
        });
    }

    /** Resumes a paused campaign; one that is not paused is a 409 naming its status. */
    public Campaign resumeCampaign(String organizationId, String campaignId) {
        return repository.resume(organizationId, campaignId).orElseThrow(() -> {
            Campaign campaign = require(organizationId, campaignId);
            return ApiException.conflict("Only a paused campaign can be resumed; this one is " + campaign.status());
        });
    }

    /**
     * For background jobs only (the retry scheduler), which work for every organization: the active
     * campaigns with retries on, across all organizations. Requests never use it.
     */
    public List<RetryingCampaign> activeCampaignsWithRetries() {
        return repository.activeWithRetries();
    }

    /**
     * Changes a campaign's settings from the fields of {@code PATCH /api/v1/campaigns/{id}} (calling
     * window, timezone, attempt caps, retries), read and checked as that endpoint does: every problem
     * named at once, nothing written unless all are right; another organization's campaign is 404.
     */
    public Campaign changeSettings(String organizationId, String campaignId, JsonNode changes) {
        update(organizationId, campaignId, CampaignChanges.read(changes));
        return require(organizationId, campaignId);
    }

    CampaignView create(String organizationId, CampaignChanges changes) {
        checkCallBackGroup(organizationId, changes);
        Campaign created =
                repository.insert(organizationId, Ids.newId("cmp"), changes.applyTo(CampaignSettings.DEFAULTS));
        return views.of(organizationId, created);
    }

    /** Create Campaign: the documented fields are required, and {@code jsonData} is added all or nothing. */
    @Transactional
    CampaignView createDocumented(String organizationId, CampaignChanges changes, List<JsonNode> records) {
        List<String> missing = changes.missing(DOCUMENTED_REQUIRED);
        if (!missing.isEmpty()) {
            throw ApiException.validation(
                    missing.stream().map(field -> field + " is required").toList());
        }
        checkCallBackGroup(organizationId, changes);
        Campaign created =
                repository.insert(organizationId, Ids.newId("cmp"), changes.applyTo(CampaignSettings.DEFAULTS));
        if (!records.isEmpty()) {
            views.customers().addAll(organizationId, created, "jsonData", records);
        }
        return views.of(organizationId, created);
    }

    CampaignView get(String organizationId, String campaignId) {
        return views.of(organizationId, require(organizationId, campaignId));
    }

    Page<CampaignView> list(String organizationId, String status, PageRequest page) {
        if (status != null && !Campaign.ARCHIVED.equals(status) && !Campaign.SETTABLE_STATUSES.contains(status)) {
            throw ApiException.validation("status must be one of active, paused, completed, draft, archived");
        }
        Page<Campaign> campaigns = Page.fromOverfetch(
                repository.list(organizationId, status, page.after(), page.fetchSize()), page.limit(), Campaign::id);
        return new Page<>(views.of(organizationId, campaigns.items()), campaigns.nextCursor());
    }

    /** One page of List Campaigns, newest first, and its pagination. */
    record NumberedPage(List<CampaignView> campaigns, Pagination pagination) {}

    NumberedPage page(String organizationId, CampaignListQuery query) {
        List<Campaign> campaigns = pages.page(organizationId, query);
        boolean wholeList =
                query.page().page() == 1 && campaigns.size() < query.page().limit();
        long total = wholeList ? campaigns.size() : pages.count(organizationId, query);
        return new NumberedPage(
                views.of(organizationId, campaigns), query.page().pagination(total));
    }

    /** Merges the changes into the stored settings under a row lock, so two updates never interleave. */
    @Transactional
    CampaignView update(String organizationId, String campaignId, CampaignChanges changes) {
        Campaign current = repository.findForUpdate(organizationId, campaignId).orElseThrow(CampaignService::notFound);
        if (current.isArchived() && changes.status() != null) {
            throw archived();
        }
        checkCallBackGroup(organizationId, changes);
        Campaign updated = repository.update(organizationId, campaignId, changes.applyTo(CampaignSettings.of(current)));
        return views.of(organizationId, updated);
    }

    /** Update Campaign: as {@link #update}, refusing a body that changes nothing. */
    @Transactional
    CampaignView updateDocumented(String organizationId, String campaignId, CampaignChanges changes) {
        if (changes.given().isEmpty()) {
            throw ApiException.badRequest("No valid fields provided for update");
        }
        return update(organizationId, campaignId, changes);
    }

    /** Pause Campaign: no new initiation or retry while paused; pausing again keeps the first time. */
    CampaignView pause(String organizationId, String campaignId) {
        Campaign paused = repository.pause(organizationId, campaignId).orElseThrow(() -> {
            Campaign campaign = require(organizationId, campaignId);
            return campaign.isArchived() ? archived() : notFound();
        });
        return views.of(organizationId, paused);
    }

    /**
     * Resume: the campaign is active again, its waiting calls dial, initiations and retries run. Only
     * a paused campaign resumes (resuming an active one changes nothing); a completed, draft or
     * archived one is a 409.
     */
    CampaignView resume(String organizationId, String campaignId) {
        Campaign resumed = repository.resume(organizationId, campaignId).orElseThrow(() -> {
            Campaign campaign = require(organizationId, campaignId);
            return ApiException.conflict("Only a paused campaign can be resumed; this one is " + campaign.status());
        });
        return views.of(organizationId, resumed);
    }

    /** The campaign's dialing settings; an archived or unknown campaign is not found. */
    CampaignDialing dialing(String organizationId, String campaignId) {
        return repository.dialing(organizationId, campaignId).orElseThrow(CampaignService::notFound);
    }

    CampaignDialing replaceDialing(String organizationId, String campaignId, CampaignDialing dialing) {
        return repository.replaceDialing(organizationId, campaignId, dialing).orElseThrow(CampaignService::notFound);
    }

    /**
     * Archiving is the delete: calls and customers keep pointing at the campaign. Repeating it is
     * fine. Another organization's campaign is the documented 403.
     */
    CampaignView archive(String organizationId, String campaignId) {
        Campaign archived = repository
                .archive(organizationId, campaignId)
                .orElseThrow(() -> existsInAnotherOrganization(organizationId, campaignId)
                        ? new ApiException(HttpStatus.FORBIDDEN, FOREIGN)
                        : notFound());
        return views.of(organizationId, archived);
    }

    /**
     * A retry rule being set may only name a live group of the organization. A group deleted after
     * the rule was set is not checked again here: it then calls nobody back, and other changes of
     * the campaign go ahead.
     */
    private void checkCallBackGroup(String organizationId, CampaignChanges changes) {
        String groupId = changes.retry() == null ? null : changes.retry().callBackGroupId();
        if (groupId != null && dispositions.find(organizationId, groupId).isEmpty()) {
            throw ApiException.validation("retry.callBackGroupId names no disposition group of this organization");
        }
    }

    private Campaign require(String organizationId, String campaignId) {
        return find(organizationId, campaignId).orElseThrow(CampaignService::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Campaign not found");
    }

    private static ApiException archived() {
        return ApiException.badRequest("Campaign is archived");
    }
}
