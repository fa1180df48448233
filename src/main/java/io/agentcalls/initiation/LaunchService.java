package io.agentcalls.initiation;

import io.agentcalls.agent.Agent;
import io.agentcalls.agent.AgentService;
import io.agentcalls.customer.CustomerService;
import io.agentcalls.initiation.selection.FilterSql;
import io.agentcalls.organization.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Initiate Call(s) for the operations console (issue 14): the same request body, checks, dry run,
 * safeguards and Idempotency-Key as the API, recorded without an API key; and the agent's variables
 * rendered for a few matching customers, for the launch page's preview.
 */
@Service
public class LaunchService {

    private final InitiationLedger ledger;
    private final CustomerService customers;
    private final AgentService agents;
    private final LaunchSampleRepository samples;

    LaunchService(
            InitiationLedger ledger, CustomerService customers, AgentService agents, LaunchSampleRepository samples) {
        this.ledger = ledger;
        this.customers = customers;
        this.agents = agents;
        this.samples = samples;
    }

    /** The API's answer to the request: its status and JSON body, and whether it was a replay. */
    public record Answer(int status, String body, boolean replayed) {}

    /** A matching customer and the agent's variables as the call would carry them (null when missing). */
    public record Sample(String customerId, String name, Map<String, String> variables) {}

    /**
     * Runs the request as {@code POST /api/v1/initiate/{campaignId}/calls} would (a dry run when its
     * {@code dryRun} is true).
     *
     * @throws io.agentcalls.common.ApiException 400 for a malformed request, as the API's
     */
    public Answer initiate(String organizationId, String campaignId, String idempotencyKey, JsonNode body) {
        InitiateCallsRequest request = InitiateCallsRequestParser.parse(body);
        InitiationOutcome outcome =
                ledger.initiate(new Caller(organizationId, null), campaignId, idempotencyKey, request, body);
        return new Answer(outcome.status(), outcome.body(), outcome.replayed());
    }

    /**
     * Up to {@code count} customers of the campaign the request's filters match, first by due date
     * as calls are placed, with the agent's variables; empty when the agent is not the organization's.
     */
    public List<Sample> samples(String organizationId, String campaignId, JsonNode body, int count) {
        InitiateCallsRequest request = InitiateCallsRequestParser.parse(body);
        Optional<Agent> agent = agents.find(organizationId, request.agentId());
        if (agent.isEmpty()) {
            return List.of();
        }
        FilterSql filter = FilterSql.of(request.filters(), customers.customFieldNames(organizationId, campaignId));
        return samples.matching(organizationId, campaignId, filter, count).stream()
                .map(fields -> {
                    Map<String, String> variables = new LinkedHashMap<>();
                    agent.get().requiredVariables().forEach(name -> variables.put(name, fields.get(name)));
                    return new Sample(fields.get("id"), fields.get("name"), variables);
                })
                .toList();
    }
}
