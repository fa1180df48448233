package io.agentcalls.customer;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.common.PlannerStatistics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A campaign's customers one at a time, and which custom fields exist in a campaign. */
@Service
public class CustomerService {

    private final CampaignAccess campaigns;
    private final CustomerRepository repository;
    private final CustomFieldRepository customFields;
    private final PlannerStatistics plannerStatistics;
    private final CustomerSearchRepository search;
    private final CustomerImportService imports;
    private final CsvSpooler spooler;

    CustomerService(
            CampaignAccess campaigns,
            CustomerRepository repository,
            CustomFieldRepository customFields,
            PlannerStatistics plannerStatistics,
            CustomerSearchRepository search,
            CustomerImportService imports,
            CsvSpooler spooler) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.customFields = customFields;
        this.plannerStatistics = plannerStatistics;
        this.search = search;
        this.imports = imports;
        this.spooler = spooler;
    }

    /**
     * A campaign's customers in id order, for the console: by phone (E.164) or by the start of the name
     * when given. Another organization's campaign is not found.
     */
    public Page<Customer> search(
            String organizationId, String campaignId, String phone, String namePrefix, PageRequest page) {
        campaigns.require(organizationId, campaignId);
        List<Customer> rows =
                search.page(organizationId, campaignId, phone, namePrefix, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), Customer::id);
    }

    /** One customer of the caller's campaign, for the console; 404 for anything not the caller's. */
    public Customer find(String organizationId, String campaignId, String customerId) {
        return get(organizationId, campaignId, customerId);
    }

    /**
     * Imports an uploaded CSV into the campaign the way {@code POST .../customers/import} does: the
     * campaign is checked before a byte is read, the upload is spooled under the import caps, then
     * imported in one transaction; bad rows are reported, not written.
     */
    public ImportResult importCsv(String organizationId, String campaignId, InputStream upload) throws IOException {
        imports.requireCampaign(organizationId, campaignId);
        try (InputStream body = upload;
                SpooledCsv csv = spooler.spool(body)) {
            return imports.importCsv(organizationId, campaignId, csv);
        }
    }

    /**
     * Analyzes customers when imports have outdated the planner's statistics, before a statement that
     * reads many of them (see {@link PlannerStatistics}).
     */
    public void refreshPlannerStatistics() {
        plannerStatistics.refreshIfStale("customers");
    }

    /** Names of the custom fields at least one customer of the campaign has, sorted. */
    public Set<String> customFieldNames(String organizationId, String campaignId) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(customFields.names(organizationId, campaignId)));
    }

    Customer get(String organizationId, String campaignId, String customerId) {
        campaigns.require(organizationId, campaignId);
        return repository.find(organizationId, campaignId, customerId).orElseThrow(CustomerService::notFound);
    }

    Page<Customer> list(
            String organizationId, String campaignId, String paymentStatus, String language, PageRequest page) {
        if (paymentStatus != null && !CustomerFields.PAYMENT_STATUSES.contains(paymentStatus)) {
            throw ApiException.validation(
                    "payment_status must be one of " + String.join(", ", CustomerFields.PAYMENT_STATUSES));
        }
        campaigns.require(organizationId, campaignId);
        String languageKey = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        List<Customer> rows =
                repository.list(organizationId, campaignId, paymentStatus, languageKey, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), Customer::id);
    }

    @Transactional
    Customer patch(String organizationId, String campaignId, String customerId, CustomerPatch patch) {
        campaigns.lockForWrite(organizationId, campaignId, false);
        Customer current =
                repository.findForUpdate(organizationId, campaignId, customerId).orElseThrow(CustomerService::notFound);
        Customer updated = repository.update(organizationId, campaignId, patch.applyTo(current), patch.customJson());
        customFields.add(organizationId, campaignId, patch.setCustomNames());
        customFields.prune(organizationId, campaignId, patch.removedCustomNames());
        return updated;
    }

    /** Deletes for good: a customer is the client's own record, the client re-imports it if need be. */
    @Transactional
    void delete(String organizationId, String campaignId, String customerId) {
        campaigns.lockForWrite(organizationId, campaignId, false);
        List<String> customNames =
                repository.delete(organizationId, campaignId, customerId).orElseThrow(CustomerService::notFound);
        customFields.prune(organizationId, campaignId, customNames);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Customer not found");
    }
}
