package io.agentcalls.customer;

import io.agentcalls.campaign.Campaign;
import io.agentcalls.common.ApiException;
import io.agentcalls.organization.Caller;
import io.agentcalls.ratelimit.RateLimit;
import io.agentcalls.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Add Customer and Bulk Add Customers: the records are added (new ids only) in one transaction, then,
 * with {@code initiateCall}, called through Initiate Call(s) in batches of 500 customers. What would
 * refuse every call is checked before anything is added, so such a request adds nothing.
 */
@Service
class CustomerAdditions {

    static final int CALL_BATCH = 500;

    private final CampaignAccess campaigns;
    private final CustomerImportService imports;
    private final CustomerCalls calls;
    private final RateLimiter rateLimiter;

    CustomerAdditions(
            CampaignAccess campaigns, CustomerImportService imports, CustomerCalls calls, RateLimiter rateLimiter) {
        this.campaigns = campaigns;
        this.imports = imports;
        this.calls = calls;
        this.rateLimiter = rateLimiter;
    }

    /** What an addition came to: the import's counts and errors, and the calls when asked for. */
    record Added(ImportResult result, long invalid, List<String> addedIds, CallResults calls) {}

    Added add(Caller caller, AddCustomersRequest request) {
        String organizationId = caller.organizationId();
        Campaign campaign = campaigns.require(organizationId, request.campaignId());
        if (campaign.isArchived()) {
            throw ApiException.badRequest("Campaign is archived");
        }
        if (request.initiateCall()) {
            rateLimiter.check(organizationId, RateLimit.INITIATIONS);
            calls.refusal(
                            caller,
                            campaign.id(),
                            request.callConfig().agentId(),
                            request.callConfig().dispositionId())
                    .ifPresent(refusal -> {
                        throw new ApiException(HttpStatus.valueOf(refusal.status()), refusal.message());
                    });
        }
        CustomerImportService.Written written = imports.add(organizationId, campaign.id(), request.records());
        CallResults results = request.initiateCall() ? call(caller, campaign.id(), request, written.addedIds()) : null;
        return new Added(written.result(), written.invalid(), written.addedIds(), results);
    }

    private CallResults call(Caller caller, String campaignId, AddCustomersRequest request, List<String> ids) {
        List<CustomerCalls.Batch> batches = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CALL_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + CALL_BATCH));
            batches.add(calls.initiate(
                    caller,
                    campaignId,
                    request.callConfig().agentId(),
                    request.callConfig().dispositionId(),
                    List.copyOf(batch)));
            sizes.add(batch.size());
        }
        return CallResults.of(batches, sizes);
    }
}
