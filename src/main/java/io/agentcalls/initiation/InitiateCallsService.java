package io.agentcalls.initiation;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.Ids;
import io.agentcalls.contact.ContactPolicyService;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.disposition.DispositionService;
import io.agentcalls.disposition.DispositionSet;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.InitiationResult.Reason;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.dispatch.CallDispatcher;
import io.agentcalls.initiation.dispatch.DispatchPlan;
import io.agentcalls.initiation.dispatch.DispatchReport;
import io.agentcalls.initiation.selection.FilterSql;
import io.agentcalls.initiation.selection.SelectionCounts;
import io.agentcalls.initiation.selection.SelectionQuery;
import io.agentcalls.number.PhoneNumberService;
import io.agentcalls.organization.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Initiate Call(s): the checks in the order of the Initiate Call(s) contract, the one selection
 * statement ({@link CheckedSelection}), dispatch to the runner, and what it came to. Idempotency and the initiation record wrap
 * it in {@link InitiationLedger}; {@link InitiationResponses} says it in HTTP.
 */
@Service
class InitiateCallsService {

    private static final Logger log = LoggerFactory.getLogger(InitiateCallsService.class);

    private final CampaignService campaigns;
    private final CustomerService customers;
    private final AgentService agents;
    private final DispositionService dispositions;
    private final PhoneNumberService phoneNumbers;
    private final CheckedSelection selection;
    private final CallDispatcher dispatcher;
    private final ContactPolicyService contactPolicies;

    InitiateCallsService(
            CampaignService campaigns,
            CustomerService customers,
            AgentService agents,
            DispositionService dispositions,
            PhoneNumberService phoneNumbers,
            CheckedSelection selection,
            CallDispatcher dispatcher,
            ContactPolicyService contactPolicies) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.agents = agents;
        this.dispositions = dispositions;
        this.phoneNumbers = phoneNumbers;
        this.selection = selection;
        this.dispatcher = dispatcher;
        this.contactPolicies = contactPolicies;
    }

    /**
     * Runs one initiation.
     *
     * @param initiationId null for a dry run, which writes nothing
     */
    InitiationResult initiate(Caller caller, String campaignId, InitiateCallsRequest request, String initiationId) {
        return initiate(caller, campaignId, request, initiationId, Map.of());
    }

    /**
     * Runs one initiation whose calls are not all first attempts (retries) under the same checks and
     * safeguards. A request whose filters name no field of the campaign throws a validation error.
     *
     * @param initiationId null for a dry run, which writes nothing
     * @param attempts the attempt number of each customer's new call by customer id; others get 1
     */
    InitiationResult initiate(
            Caller caller,
            String campaignId,
            InitiateCallsRequest request,
            String initiationId,
            Map<String, Integer> attempts) {
        String organizationId = caller.organizationId();
        Optional<Campaign> campaign = campaigns.find(organizationId, campaignId).filter(c -> !c.isArchived());
        if (campaign.isEmpty()) {
            return Rejected.because(campaignMissing(organizationId, campaignId));
        }
        if (!campaign.get().isActive()) {
            return Rejected.because(Reason.CAMPAIGN_NOT_ACTIVE);
        }
        Set<String> customFields = customers.customFieldNames(organizationId, campaignId);
        FilterSql filter = FilterSql.of(request.filters(), customFields);
        Optional<Agent> agent = agents.find(organizationId, request.agentId());
        if (agent.isEmpty()) {
            return Rejected.because(Reason.AGENT_NOT_FOUND);
        }
        Optional<DispositionSet> dispositionSet = dispositions.find(organizationId, request.dispositionId());
        if (dispositionSet.isEmpty()) {
            return Rejected.because(Reason.DISPOSITION_NOT_FOUND);
        }
        List<String> fromNumbers = phoneNumbers.activeNumbers(organizationId).stream()
                .map(n -> n.number())
                .toList();
        if (fromNumbers.isEmpty()) {
            return Rejected.because(Reason.NO_ACTIVE_NUMBERS);
        }
        SelectionQuery query = new SelectionQuery(
                organizationId,
                campaignId,
                SelectionQuery.Safeguards.of(campaign.get(), contactPolicies.policy(organizationId)),
                filter,
                request.limit(),
                agent.get().requiredVariables(),
                customFields,
                request.dryRun()
                        ? null
                        : new SelectionQuery.CallTemplate(
                                initiationId,
                                agent.get().id(),
                                dispositionSet.get().id(),
                                fromNumbers,
                                attempts,
                                request.startAt()),
                request.startAt());
        boolean dryRun = request.dryRun();
        long started = System.nanoTime();
        CheckedSelection.Outcome checked = selection.run(query, dryRun);
        if (checked.rejected() != null) {
            return checked.rejected();
        }
        long selectedAt = System.nanoTime();
        SelectionCounts counts = checked.counts();
        long customersSelected = counts.customersSelected(dryRun);
        var skipped = counts.skippedWithLostRaces(dryRun);
        if (dryRun) {
            return new Completed(InitiationResults.dryRun(counts.totalMatched(), customersSelected, skipped));
        }
        DispatchReport report = dispatcher.dispatch(DispatchPlan.forInitiation(
                organizationId,
                campaignId,
                initiationId,
                agent.get(),
                dispositionSet.get().id(),
                counts.batches(),
                counts.inserted()));
        // where an initiation's time goes, for operators and for the benchmark's profile
        log.info(
                "Initiation {}: {} calls written in {} ms, {} batches dispatched in {} ms ({} initiated, {} failed)",
                initiationId,
                counts.inserted(),
                (selectedAt - started) / 1_000_000,
                counts.batches(),
                (System.nanoTime() - selectedAt) / 1_000_000,
                report.initiated(),
                report.failed());
        return new Completed(
                InitiationResults.dispatched(counts.totalMatched(), customersSelected, report, skipped, initiationId));
    }

    /**
     * The checks of Initiate Call(s) that hold whoever the customers are, in its order: the campaign
     * (and that it is active), the agent, the disposition set, an active caller number. The reason the
     * first one refuses, or empty when calls may be initiated.
     */
    Optional<Reason> precheck(String organizationId, String campaignId, String agentId, String dispositionId) {
        Optional<Campaign> campaign = campaigns.find(organizationId, campaignId).filter(c -> !c.isArchived());
        if (campaign.isEmpty()) {
            return Optional.of(campaignMissing(organizationId, campaignId));
        }
        if (!campaign.get().isActive()) {
            return Optional.of(Reason.CAMPAIGN_NOT_ACTIVE);
        }
        if (agents.find(organizationId, agentId).isEmpty()) {
            return Optional.of(Reason.AGENT_NOT_FOUND);
        }
        if (dispositions.find(organizationId, dispositionId).isEmpty()) {
            return Optional.of(Reason.DISPOSITION_NOT_FOUND);
        }
        if (phoneNumbers.activeNumbers(organizationId).isEmpty()) {
            return Optional.of(Reason.NO_ACTIVE_NUMBERS);
        }
        return Optional.empty();
    }

    private Reason campaignMissing(String organizationId, String campaignId) {
        if (!Ids.looksLike("cmp", campaignId) || campaigns.existsInAnotherOrganization(organizationId, campaignId)) {
            return Reason.CAMPAIGN_FORBIDDEN;
        }
        return Reason.CAMPAIGN_NOT_FOUND;
    }
}
