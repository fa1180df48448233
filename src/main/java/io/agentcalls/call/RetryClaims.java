package io.agentcalls.call;

import io.agentcalls.campaign.RetryPolicy;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The retry scheduler's claims on a campaign's due unsuccessful calls: pages leased to one node at a
 * time, settled or released once tried.
 */
@Service
public class RetryClaims {

    private final RetryClaimRepository repository;

    RetryClaims(RetryClaimRepository repository) {
        this.repository = repository;
    }

    /**
     * Claims the next page of the campaign's due unsuccessful calls after {@code after} for
     * {@code holder} under a heartbeat lease of {@code lease} (a PostgreSQL interval; SKIP LOCKED, so
     * any number of nodes can share a campaign), settling on the way the calls of the page that can
     * never be retried; empty when no due call is left after it.
     */
    public Optional<DueRetries> claimDueRetries(
            String organizationId,
            String campaignId,
            RetryPolicy policy,
            DueRetries.Cursor after,
            String holder,
            String lease,
            int limit) {
        return repository.nextPage(organizationId, campaignId, policy, after, holder, lease, limit);
    }

    /**
     * Ends this node's claim on retries it tried: a call whose retry now exists, whose customer is
     * gone, or (with {@code settleAll}) that can never be retried leaves the due calls for good; the
     * others are released for a later run.
     */
    public void settleRetries(String organizationId, List<DueRetries.DueRetry> tried, boolean settleAll) {
        repository.settleOrRelease(organizationId, tried, settleAll);
    }
}
