package io.agentcalls.initiation;

import io.agentcalls.common.ApiException;
import io.agentcalls.customer.CustomerCalls;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.selection.CustomerFilter;
import io.agentcalls.initiation.selection.SkipCounts;
import io.agentcalls.organization.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls for customers just added (Add Customer(s) with {@code initiateCall}): each batch is one
 * Initiate Call(s) filtered by the customers' ids, with its checks, safeguards, record and dispatch.
 */
@Component
class CustomerCallsAdapter implements CustomerCalls {

    private final InitiateCallsService initiations;
    private final InitiationLedger ledger;
    private final ObjectMapper objectMapper;

    CustomerCallsAdapter(InitiateCallsService initiations, InitiationLedger ledger, ObjectMapper objectMapper) {
        this.initiations = initiations;
        this.ledger = ledger;
        this.objectMapper = objectMapper;
    }

    @Override
    public Optional<Refusal> refusal(Caller caller, String campaignId, String agentId, String dispositionId) {
        return initiations
                .precheck(caller.organizationId(), campaignId, agentId, dispositionId)
                .map(reason -> {
                    ApiException refusal = InitiationResponses.rejection(Rejected.because(reason));
                    return new Refusal(refusal.status().value(), refusal.getMessage());
                });
    }

    @Override
    public Batch initiate(
            Caller caller, String campaignId, String agentId, String dispositionId, List<String> customerIds) {
        InitiateCallsRequest request = new InitiateCallsRequest(
                agentId, dispositionId, null, false, List.of(new CustomerFilter.AnyOf("id", customerIds)));
        InitiationResult result =
                ledger.initiateFor(caller, campaignId, request, body(agentId, dispositionId, customerIds));
        if (result instanceof Completed completed) {
            InitiationResults r = completed.results();
            return new Batch(
                    r.totalMatched(),
                    r.customersSelected(),
                    r.initiated(),
                    r.failed(),
                    r.errors().stream()
                            .map(e -> new BatchError(e.batch(), e.error(), e.reason(), e.affectedCustomers()))
                            .toList(),
                    skipped(r.skipped()),
                    r.initiationId(),
                    null);
        }
        if (result instanceof Rejected rejected) {
            return new Batch(
                    rejected.totalMatched(),
                    0,
                    0,
                    0,
                    List.of(),
                    skipped(rejected.skipped()),
                    null,
                    InitiationResponses.rejection(rejected).getMessage());
        }
        return new Batch(0, 0, 0, 0, List.of(), Skipped.NONE_SKIPPED, null, "An unexpected error occurred");
    }

    /** The initiation's request as its record keeps it: what Initiate Call(s) would have been sent. */
    private JsonNode body(String agentId, String dispositionId, List<String> customerIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentId", agentId);
        body.put("dispositionId", dispositionId);
        body.put("filters", Map.of("ids", customerIds));
        return objectMapper.valueToTree(body);
    }

    private static Skipped skipped(SkipCounts counts) {
        return counts == null
                ? Skipped.NONE_SKIPPED
                : new Skipped(
                        counts.activeCall(),
                        counts.doNotCall(),
                        // the customer module's shape has no contact policy: it is an attempt limit there
                        counts.attemptLimit() + counts.contactPolicy(),
                        counts.outsideCallingWindow());
    }
}
