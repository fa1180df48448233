package io.agentcalls.initiation;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.call.CallService;
import io.agentcalls.campaign.Campaign;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.Ids;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.disposition.DispositionService;
import io.agentcalls.disposition.DispositionSet;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.InitiationResult.Reason;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.dispatch.CallDispatcher;
import io.agentcalls.initiation.dispatch.DispatchPlan;
import io.agentcalls.initiation.dispatch.DispatchReport;
import io.agentcalls.initiation.selection.CustomerSelection;
import io.agentcalls.initiation.selection.FilterSql;
import io.agentcalls.initiation.selection.SelectionCounts;
import io.agentcalls.initiation.selection.SelectionQuery;
import io.agentcalls.number.PhoneNumberService;
import io.agentcalls.organization.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Initiate Call(s): the checks in the order of the Initiate Call(s) contract, the one selection
 * statement, dispatch to the runner, and what it came to. Idempotency and the initiation record wrap
 * it in {@link InitiationLedger}; {@link InitiationResponses} says it in HTTP.
 */
@Service
class InitiateCallsService {

    private static final Logger log = LoggerFactory.getLogger(InitiateCallsService.class);

    /**
     * A selection that lost a race for a customer or a phone to a concurrent request (a unique
     * violation on the active-call indexes), or deadlocked with one, rolled back whole; run again, its
     * safeguards see the other request's calls and skip them.
     */
    private static final RetryTemplate RACES = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class, PessimisticLockingFailureException.class)
            .maxRetries(8)
            .delay(Duration.ofMillis(10))
            .jitter(Duration.ofMillis(10))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(500))
            .build());

    private final CampaignService campaigns;
    private final CustomerService customers;
    private final AgentService agents;
    private final DispositionService dispositions;
    private final PhoneNumberService phoneNumbers;
    private final CallService calls;
    private final CustomerSelection selection;
    private final CallDispatcher dispatcher;
    private final TransactionTemplate transaction;

    InitiateCallsService(
            CampaignService campaigns,
            CustomerService customers,
            AgentService agents,
            DispositionService dispositions,
            PhoneNumberService phoneNumbers,
            CallService calls,
            CustomerSelection selection,
            CallDispatcher dispatcher,
            TransactionTemplate transaction) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.agents = agents;
        this.dispositions = dispositions;
        this.phoneNumbers = phoneNumbers;
        this.calls = calls;
        this.selection = selection;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
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
                SelectionQuery.Safeguards.of(campaign.get()),
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
                                attempts));
        boolean dryRun = request.dryRun();
        long started = System.nanoTime();
        CheckedSelection checked = select(query, dryRun);
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

    /** The statement's counts, or why the Initiate Call(s) contract rejects them. */
    private record CheckedSelection(SelectionCounts counts, Rejected rejected) {}

    /** Runs the selection; a rejection rolls back every row the statement wrote. */
    private CheckedSelection select(SelectionQuery query, boolean dryRun) {
        // right after a large import the planner would read each dispatch batch by walking the campaign
        customers.refreshPlannerStatistics();
        calls.refreshPlannerStatistics();
        CheckedSelection checked =
                RACES.invoke(() -> transaction.execute(status -> checked(selection.run(query), dryRun, status)));
        if (!dryRun && checked.rejected() == null) {
            // this initiation's own rows: dispatch updates them by id, which stale statistics turn into scans
            calls.refreshPlannerStatisticsAfterInsert(checked.counts().inserted());
        }
        return checked;
    }

    /** The contract's checks on what the statement found, in its order. */
    private static CheckedSelection checked(SelectionCounts counts, boolean dryRun, TransactionStatus transaction) {
        Rejected rejected = null;
        long customersSelected = counts.customersSelected(dryRun);
        if (counts.totalMatched() == 0) {
            rejected = Rejected.because(Reason.NO_MATCHING_CUSTOMERS);
        } else if (customersSelected == 0) {
            rejected = Rejected.allSkipped(counts.totalMatched(), counts.skippedWithLostRaces(dryRun));
        } else if (!counts.missingVariables().isEmpty()) {
            rejected = Rejected.missingVariables(counts.totalMatched(), customersSelected, counts.missingVariables());
        }
        if (rejected != null) {
            transaction.setRollbackOnly();
        }
        return new CheckedSelection(counts, rejected);
    }

    private Reason campaignMissing(String organizationId, String campaignId) {
        if (!Ids.looksLike("cmp", campaignId) || campaigns.existsInAnotherOrganization(organizationId, campaignId)) {
            return Reason.CAMPAIGN_FORBIDDEN;
        }
        return Reason.CAMPAIGN_NOT_FOUND;
    }
}
