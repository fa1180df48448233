package io.agentcalls.initiation.retry;

import io.agentcalls.call.DueRetries;
import io.agentcalls.call.DueRetries.DueRetry;
import io.agentcalls.call.RetryClaims;
import io.agentcalls.campaign.CampaignService;
import io.agentcalls.campaign.RetryingCampaign;
import io.agentcalls.common.ApiException;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.Takeovers;
import io.agentcalls.initiation.InitiateCallsRequest;
import io.agentcalls.initiation.InitiationLedger;
import io.agentcalls.initiation.InitiationResult;
import io.agentcalls.initiation.InitiationResult.Completed;
import io.agentcalls.initiation.InitiationResult.Reason;
import io.agentcalls.initiation.InitiationResult.Rejected;
import io.agentcalls.initiation.selection.CustomerFilter;
import io.agentcalls.initiation.selection.CustomerSelection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Automatic retries: for every active campaign with a retry policy, the due unsuccessful calls are
 * claimed and their customers initiated again as a system initiation, through the same checks and
 * safeguards as a request and the same dispatcher. A retry a safeguard holds back stays due and is
 * tried again on a later run. Runs on every node; claims keep two nodes from making the same retry.
 */
@Component
@EnableConfigurationProperties(RetryProperties.class)
class RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);
    /** The previous call's agent or disposition set was deleted: its retries can never be made. */
    private static final Set<Reason> NEVER_RETRIED = EnumSet.of(Reason.AGENT_NOT_FOUND, Reason.DISPOSITION_NOT_FOUND);
    /** At most one runner batch of retries per initiation. */
    private static final int PAGE_SIZE = CustomerSelection.BATCH_SIZE;

    private final CampaignService campaigns;
    private final RetryClaims retryClaims;
    private final InitiationLedger ledger;
    private final ObjectMapper objectMapper;
    private final NodeIdentity node;
    private final LeaseProperties lease;
    private final Takeovers takeovers;

    RetryScheduler(
            CampaignService campaigns,
            RetryClaims retryClaims,
            InitiationLedger ledger,
            ObjectMapper objectMapper,
            NodeIdentity node,
            LeaseProperties lease,
            Takeovers takeovers) {
        this.campaigns = campaigns;
        this.retryClaims = retryClaims;
        this.ledger = ledger;
        this.objectMapper = objectMapper;
        this.node = node;
        this.lease = lease;
        this.takeovers = takeovers;
    }

    @Scheduled(
            fixedDelayString = "${agentcalls.retries.interval}",
            initialDelayString = "${agentcalls.retries.interval}")
    void periodically() {
        run();
    }

    /** One pass over every campaign with retries on; returns how many retry calls it created. */
    long run() {
        long created = 0;
        for (RetryingCampaign campaign : campaigns.activeCampaignsWithRetries()) {
            try {
                created += retry(campaign);
            } catch (RuntimeException e) {
                log.error("Retries of campaign {} stopped; they run again on schedule", campaign.campaignId(), e);
            }
        }
        return created;
    }

    private record Group(String agentId, String dispositionSetId) {}

    /** One pass over the campaign's due calls, a page at a time. */
    private long retry(RetryingCampaign campaign) {
        long created = 0;
        DueRetries.Cursor after = DueRetries.Cursor.START;
        Optional<DueRetries> page;
        while ((page = retryClaims.claimDueRetries(
                        campaign.organizationId(),
                        campaign.campaignId(),
                        campaign.retry(),
                        after,
                        node.id(),
                        lease.expiryInterval(),
                        PAGE_SIZE))
                .isPresent()) {
            after = page.get().end();
            tookOver(campaign, page.get().claimed());
            Map<Group, List<DueRetry>> groups = page.get().claimed().stream()
                    .collect(Collectors.groupingBy(
                            c -> new Group(c.agentId(), c.dispositionSetId()),
                            LinkedHashMap::new,
                            Collectors.toList()));
            for (Map.Entry<Group, List<DueRetry>> group : groups.entrySet()) {
                created += initiate(campaign, group.getKey(), group.getValue());
            }
        }
        if (created > 0) {
            log.info("Created {} retries in campaign {}", created, campaign.campaignId());
        }
        return created;
    }

    /** One log line and metric per page that took over another node's claims (docs/OPERATIONS.md). */
    private void tookOver(RetryingCampaign campaign, List<DueRetry> claimed) {
        List<DueRetry> taken = claimed.stream().filter(DueRetry::takenOver).toList();
        if (taken.isEmpty()) {
            return;
        }
        DueRetry first = taken.get(0);
        Duration overdue = Duration.between(first.expiredAt(), OffsetDateTime.now());
        takeovers.record("retry", first.previousHolder(), taken.size(), overdue);
        log.info(
                "Took over {} due retries of campaign {} (organization {}); the lease of {} expired at {}, {} ms before",
                taken.size(),
                campaign.campaignId(),
                campaign.organizationId(),
                first.previousHolder() == null ? "no node (handed back)" : first.previousHolder(),
                first.expiredAt(),
                overdue.toMillis());
    }

    /** One system initiation for the customers of calls made with the same agent and disposition set. */
    private long initiate(RetryingCampaign campaign, Group group, List<DueRetry> due) {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        due.forEach(call -> attempts.put(call.customerId(), call.attempt() + 1));
        InitiateCallsRequest request = new InitiateCallsRequest(
                group.agentId(),
                group.dispositionSetId(),
                null,
                false,
                List.of(new CustomerFilter.AnyOf("id", List.copyOf(attempts.keySet()))));
        boolean neverRetried = false;
        try {
            InitiationResult result = ledger.initiateBySystem(
                    campaign.organizationId(), campaign.campaignId(), body(group, due), request, attempts);
            if (result instanceof Completed completed) {
                return completed.results().customersSelected();
            }
            if (result instanceof Rejected rejected) {
                // everyone held back by a safeguard, no active number, ...: nothing was written, try later
                neverRetried = NEVER_RETRIED.contains(rejected.reason());
                log.debug(
                        "No retries of {} calls in campaign {} this time: {}",
                        due.size(),
                        campaign.campaignId(),
                        rejected.reason());
            }
            return 0;
        } catch (ApiException e) {
            log.debug("No retries of {} calls in campaign {}: {}", due.size(), campaign.campaignId(), e.getMessage());
            return 0;
        } finally {
            retryClaims.settleRetries(campaign.organizationId(), due, neverRetried);
        }
    }

    /** What the initiation record shows as its request. */
    private JsonNode body(Group group, List<DueRetry> due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retry", true);
        body.put("agentId", group.agentId());
        body.put("dispositionId", group.dispositionSetId());
        body.put("callIds", due.stream().map(DueRetry::callId).toList());
        return objectMapper.valueToTree(body);
    }
}
