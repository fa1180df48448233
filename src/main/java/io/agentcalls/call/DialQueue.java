package io.agentcalls.call;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in runner's queue over the calls: accepting, the dial-time safeguards and claim (one
 * transaction under the cluster-wide dial lock), and the provider's answer written back. Every call
 * that ends here publishes its {@link CallStatusChanged} like any other status change. The built-in
 * runner's dialer is its only user outside this module.
 */
@Component
public class DialQueue {

    private final DialQueueRepository queue;
    private final CallQueryRepository queries;
    private final JdbcClient jdbc;
    private final CallRowMapper mapper;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DialQueue(
            DialQueueRepository queue,
            CallQueryRepository queries,
            JdbcClient jdbc,
            CallRowMapper mapper,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.queue = queue;
        this.queries = queries;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * One pass of the dial queue at {@code now}: the dial-time safeguards over the due calls of active
     * campaigns, then the claim of those that pass, within the pacing caps, for {@code node}; nothing
     * when another node holds the pass. The claimed calls are this node's to dial and record.
     */
    public DialSweep sweepAndClaim(Instant now, DialLimits limits, String node, long salt) {
        return transactions.execute(tx -> {
            if (!queue.tryDialLock()) {
                return DialSweep.NOTHING;
            }
            queue.releaseDead(now);
            List<DialQueueRepository.Guarded> guarded = queue.sweep(now, limits);
            Map<String, Integer> byGuard = new HashMap<>();
            guarded.forEach(g -> byGuard.merge(g.guard(), 1, Integer::sum));
            guarded.stream()
                    .filter(g -> g.guard().equals("expired") || g.guard().equals("doNotCall"))
                    .forEach(g -> queries.find(g.organizationId(), g.callId()).ifPresent(this::publish));
            List<DialQueueRepository.Guarded> ok =
                    guarded.stream().filter(g -> g.guard().equals("ok")).toList();
            List<DialClaim> claimed = ok.isEmpty() ? List.of() : queue.claim(ok, now, limits, node, salt);
            return new DialSweep(byGuard, claimed);
        });
    }

    /** The provider took the call; false when it was cancelled meanwhile (hang it up). */
    public boolean recordPlaced(String organizationId, String callId, String providerCallId) {
        return transactions.execute(tx -> queue.recordPlaced(organizationId, callId, providerCallId));
    }

    /** The provider refused the call for good: {@code failed} with its reason. */
    public void recordRefused(String organizationId, String callId, String reason) {
        transactions.executeWithoutResult(tx -> jdbc.sql(DialStatements.FAIL_REFUSED)
                .param("organizationId", organizationId)
                .param("id", callId)
                .param("reason", reason)
                .query(mapper)
                .list()
                .forEach(this::publish));
    }

    /** The provider asked us to try later: the call waits until {@code after} and is dialed again. */
    public void recordRetry(String organizationId, String callId, Instant after) {
        transactions.executeWithoutResult(tx -> queue.recordRetry(organizationId, callId, after));
    }

    /** No definite answer: the call may ring, so it is held, never redialed, until events settle it. */
    public void recordUnknown(String organizationId, String callId, String reason) {
        transactions.executeWithoutResult(tx -> queue.recordUnknown(organizationId, callId, reason));
    }

    /** Renews the dial claims {@code node} holds. */
    public int renew(String node, Instant until) {
        return queue.renew(node, until);
    }

    /** How many calls wait and how many are in progress, by campaign and connection (for metrics). */
    public DialQueueState state() {
        return new DialQueueState(queue.queueDepth(), queue.inFlight());
    }

    long scheduled(String organizationId, String campaignId) {
        return queue.scheduled(organizationId, campaignId);
    }

    /** A call a provider placed: which connection placed it and the provider's id for it. */
    public record PlacedCall(String callId, String connectionId, String providerCallId) {}

    /** Of these calls, those a provider (not the simulator) placed: a cancel hangs them up. */
    public List<PlacedCall> placedAtProviders(String organizationId, List<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(DialStatements.PLACED_AT_PROVIDERS)
                .param("organizationId", organizationId)
                .param("ids", callIds.toArray(String[]::new))
                .query((rs, n) -> new PlacedCall(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private void publish(CallRow row) {
        events.publishEvent(new CallStatusChanged(
                row.organizationId(), row.id(), row.status().value(), row.endedAt(), new LazyCallView(row)));
    }
}
