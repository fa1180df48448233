package io.agentcalls.initiation;

import io.agentcalls.agent.AgentService;
import io.agentcalls.call.CallService;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.Ids;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.disposition.DispositionService;
import io.agentcalls.initiation.dispatch.CallDispatcher;
import io.agentcalls.initiation.dispatch.DispatchPlan;
import io.agentcalls.initiation.dispatch.DispatchReport;
import io.agentcalls.initiation.selection.CustomerSelection;
import io.agentcalls.initiation.selection.FilterSql;
import io.agentcalls.initiation.selection.SelectionCounts;
import io.agentcalls.initiation.selection.SelectionQuery;
import io.agentcalls.initiation.selection.SkipCounts;
import io.agentcalls.number.PhoneNumberService;
import io.agentcalls.organization.Caller;
import io.agentcalls.runner.RunnerBatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Initiate Call(s): the checks in the seed's order, the one selection statement, dispatch to the
 * runner, and the answer. Idempotency and the initiation record wrap it in {@link InitiationLedger}.
 */
@Service
public class InitiateCallsService {

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

    static final String FORBIDDEN = "Campaign ID invalid or mismatch for your organization.";
    public static final String AGENT_NOT_FOUND = "Agent not found";
    public static final String DISPOSITION_NOT_FOUND = "Disposition not found";

    private final CampaignService campaigns;
    private final CustomerService customers;
    private final AgentService agents;
    private final DispositionService dispositions;
    private final CallService calls;
    private final PhoneNumberService phoneNumbers;
    private final CustomerSelection selection;
    private final CallDispatcher dispatcher;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;

    InitiateCallsService(
            CampaignService campaigns,
            CustomerService customers,
            AgentService agents,
            DispositionService dispositions,
            CallService calls,
            PhoneNumberService phoneNumbers,
            CustomerSelection selection,
            CallDispatcher dispatcher,
            TransactionTemplate transaction,
            ObjectMapper objectMapper) {
        this.campaigns = campaigns;
        this.customers = customers;
        this.agents = agents;
        this.dispositions = dispositions;
        this.calls = calls;
        this.phoneNumbers = phoneNumbers;
        this.selection = selection;
        this.dispatcher = dispatcher;
        this.transaction = transaction;
        this.objectMapper = objectMapper;
    }

    /**
     * Runs one initiation. Answers that the seed defines as errors are thrown as {@link ApiException};
     * everything that reached the runner is returned, whatever its status.
     *
     * @param initiationId null for a dry run, which writes nothing
     */
    InitiationOutcome initiate(Caller caller, String campaignId, InitiateCallsRequest request, String initiationId) {
        return initiate(caller, campaignId, request, initiationId, Map.of());
    }

    /**
     * Runs one initiation whose calls are not all first attempts (retries), under the same checks
     * and safeguards.
     *
     * @param attempts the attempt number of each customer's new call by customer id; others get 1
     */
    InitiationOutcome initiate(
            Caller caller,
            String campaignId,
            InitiateCallsRequest request,
            String initiationId,
            Map<String, Integer> attempts) {
        String organizationId = caller.organizationId();
        var campaign = campaigns
                .find(organizationId, campaignId)
                .filter(c -> !"archived".equals(c.status()))
                .orElseThrow(() -> campaignMissing(organizationId, campaignId));
        Set<String> customFields = customers.customFieldNames(organizationId, campaignId);
        FilterSql filter = FilterSql.of(request.filters(), customFields);
        var agent = agents.find(organizationId, request.agentId())
                .orElseThrow(() -> ApiException.notFound(AGENT_NOT_FOUND));
        var dispositionSet = dispositions
                .find(organizationId, request.dispositionId())
                .orElseThrow(() -> ApiException.notFound(DISPOSITION_NOT_FOUND));
        List<String> fromNumbers = phoneNumbers.activeNumbers(organizationId).stream()
                .map(n -> n.number())
                .toList();
        if (fromNumbers.isEmpty()) {
            throw ApiException.badRequest("No active numbers available for this organization");
        }
        SelectionQuery query = new SelectionQuery(
                organizationId,
                campaignId,
                SelectionQuery.Safeguards.of(campaign),
                filter,
                request.limit(),
                agent.requiredVariables(),
                customFields,
                request.dryRun()
                        ? null
                        : new SelectionQuery.CallTemplate(
                                initiationId, agent.id(), dispositionSet.id(), fromNumbers, attempts));
        // right after a large import the planner would read each dispatch batch by walking the campaign
        customers.refreshPlannerStatistics();
        calls.refreshPlannerStatistics();
        long started = System.nanoTime();
        SelectionCounts counts =
                RACES.invoke(() -> transaction.execute(status -> checked(selection.run(query), request)));
        long selectedAt = System.nanoTime();
        if (!request.dryRun()) {
            // this initiation's own rows: dispatch updates them by id, which stale statistics turn into scans
            calls.refreshPlannerStatisticsAfterInsert(counts.inserted());
        }
        long selected = request.dryRun() ? counts.selected() : counts.inserted();
        SkipCounts skipped = counts.skipped().plusActiveCalls(counts.selected() - selected);
        if (request.dryRun()) {
            InitiationResults results =
                    new InitiationResults(counts.totalMatched(), selected, 0, 0, 0, List.of(), skipped, null, true);
            return outcome(
                    HttpStatus.OK, true, "Dry run: calls would be initiated for " + selected + " customers", results);
        }
        DispatchReport report = dispatcher.dispatch(new DispatchPlan(
                organizationId,
                campaignId,
                initiationId,
                new RunnerBatch.Agent(agent.id(), agent.language(), agent.voice(), agent.prompt()),
                dispositionSet.id(),
                agent.requiredVariables(),
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
        InitiationResults results = new InitiationResults(
                counts.totalMatched(),
                selected,
                report.initiated(),
                report.failed(),
                report.batchesProcessed(),
                report.errors(),
                skipped,
                initiationId,
                null);
        if (report.initiated() == selected) {
            return outcome(HttpStatus.OK, true, "Calls initiated for " + selected + " customers", results);
        }
        String message = "Calls initiated for " + report.initiated() + " of " + selected + " customers";
        HttpStatus status = report.initiated() == 0 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.MULTI_STATUS;
        return outcome(status, false, message, results);
    }

    /** The seed's checks on what the statement found; throwing rolls back every row it wrote. */
    private static SelectionCounts checked(SelectionCounts counts, InitiateCallsRequest request) {
        if (counts.totalMatched() == 0) {
            throw ApiException.notFound("No customers found matching the given filters");
        }
        long selected = request.dryRun() ? counts.selected() : counts.inserted();
        SkipCounts skipped = counts.skipped().plusActiveCalls(counts.selected() - selected);
        if (selected == 0) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("totalMatched", counts.totalMatched());
            extra.put("customersSelected", 0);
            extra.put("skipped", skipped);
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, allSkippedMessage(counts.totalMatched(), skipped), List.of(), extra);
        }
        if (!counts.missingVariables().isEmpty()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("totalMatched", counts.totalMatched());
            extra.put("customersSelected", selected);
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "Cannot initiate calls: Missing variables: " + String.join(", ", counts.missingVariables()),
                    List.of(),
                    extra);
        }
        return counts;
    }

    private static String allSkippedMessage(long matched, SkipCounts skipped) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("an active call", skipped.activeCall());
        reasons.put("on the do-not-call list", skipped.doNotCall());
        reasons.put("attempt limit reached", skipped.attemptLimit());
        reasons.put("outside the calling window", skipped.outsideCallingWindow());
        StringBuilder why = new StringBuilder();
        reasons.forEach((reason, count) -> {
            if (count > 0) {
                why.append(why.length() == 0 ? "" : ", ")
                        .append(reason)
                        .append(": ")
                        .append(count);
            }
        });
        return "Cannot initiate calls: all " + matched + " matching customers were skipped by safeguards (" + why + ")";
    }

    private ApiException campaignMissing(String organizationId, String campaignId) {
        if (!Ids.looksLike("cmp", campaignId) || campaigns.existsInAnotherOrganization(organizationId, campaignId)) {
            return new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
        }
        return ApiException.notFound("Campaign not found");
    }

    private InitiationOutcome outcome(HttpStatus status, boolean success, String message, InitiationResults results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.put("message", message);
        body.put("results", results);
        return new InitiationOutcome(status.value(), objectMapper.writeValueAsString(body), false);
    }
}
