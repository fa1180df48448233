package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import io.agentcalls.common.Page;
import io.agentcalls.common.PageRequest;
import io.agentcalls.common.PlannerStatistics;
import io.agentcalls.common.SqlPart;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call records and their status changes; other features change calls only through here. A write that
 * must stay one statement with another feature's selection (the initiation's insert of queued calls)
 * is handed out as a {@link SqlPart} of that statement, written here.
 */
@Service
public class CallService {

    private static final String TABLE = "calls";

    private final CallRepository calls;
    private final CallQueryRepository queries;
    private final CallHistoryRepository history;
    private final RunnerEventProcessor runnerEvents;
    private final CallCancellation cancellation;
    private final CampaignStatsQuery stats;
    private final InitiationTallyRepository tallies;
    private final PlannerStatistics plannerStatistics;
    private final ApplicationEventPublisher events;

    CallService(
            CallRepository calls,
            CallQueryRepository queries,
            CallHistoryRepository history,
            RunnerEventProcessor runnerEvents,
            CallCancellation cancellation,
            CampaignStatsQuery stats,
            InitiationTallyRepository tallies,
            PlannerStatistics plannerStatistics,
            ApplicationEventPublisher events) {
        this.calls = calls;
        this.queries = queries;
        this.history = history;
        this.runnerEvents = runnerEvents;
        this.cancellation = cancellation;
        this.stats = stats;
        this.tallies = tallies;
        this.plannerStatistics = plannerStatistics;
        this.events = events;
    }

    /**
     * The insert of a {@code queued} call for every customer a set-based selection chose, as a part of
     * the selecting statement, so the selection, its safeguards and the insert stay one statement that
     * the partial unique indexes on active calls guard. The statement provides the relation
     * {@code selected (id, phone, position, payment_status, language)}; calls are numbered into batches
     * by position, take the caller numbers in turn and keep the customer's payment status and language.
     */
    public SqlPart queuedCallsInsert(QueuedCalls queued) {
        return QueuedCallInsert.of(queued);
    }

    /** Analyzes calls when bulk writes have outdated the planner's statistics (see {@link PlannerStatistics}). */
    public void refreshPlannerStatistics() {
        plannerStatistics.refreshIfStale(TABLE);
    }

    /**
     * After a statement inserted this many queued calls: a bulk insert changes what the planner must
     * know (how many calls are queued, how many the organization has) before autovacuum notices.
     */
    public void refreshPlannerStatisticsAfterInsert(long inserted) {
        plannerStatistics.refreshAfterBulkWrite(TABLE, inserted);
    }

    /** A call the runner refused, with the runner's reason. */
    public record FailedCall(String callId, String reason) {}

    /**
     * Records what the runner answered for dispatched calls: accepted ones become {@code initiated},
     * refused ones {@code failed_to_initiate} with their reason. Only calls still {@code queued}
     * change, so a late or repeated answer never moves a call backwards. Publishes one
     * {@link CallStatusChanged} per changed call, built from the rows the UPDATE returned.
     *
     * @return how many calls changed to initiated and to failed_to_initiate
     */
    @Transactional
    public DispatchOutcome recordDispatchOutcome(
            String organizationId, List<String> accepted, List<FailedCall> failed) {
        return recordDispatchOutcome(organizationId, AcceptedCalls.heldByRunner(accepted), failed, List.of());
    }

    /**
     * The same, with calls whose answer was ambiguous (the batch timed out or its connection broke
     * after it was sent, so the runner may hold them): they fail to initiate with their reason, and in
     * the same transaction the runner is told to cancel them ({@link CallsCancelled}, which the runner
     * module writes to its outbox). Until the runner acknowledges that cancel they hold their customer
     * and phone like active calls and count against the attempt caps; runner events that show one was
     * placed after all move it on through the status machine. Calls the built-in runner accepted enter
     * its dial queue in the same statement that marks them initiated ({@link AcceptedCalls}).
     */
    @Transactional
    public DispatchOutcome recordDispatchOutcome(
            String organizationId, AcceptedCalls accepted, List<FailedCall> failed, List<FailedCall> ambiguous) {
        List<CallRow> initiated = accepted.ids().isEmpty() ? List.of() : calls.markInitiated(organizationId, accepted);
        List<CallRow> refused =
                failed.isEmpty() ? List.of() : calls.markFailedToInitiate(organizationId, failed, false);
        List<CallRow> unsure =
                ambiguous.isEmpty() ? List.of() : calls.markFailedToInitiate(organizationId, ambiguous, true);
        initiated.forEach(row -> publishStatus(row, row.initiatedAt()));
        refused.forEach(row -> publishStatus(row, row.endedAt()));
        unsure.forEach(row -> publishStatus(row, row.endedAt()));
        List<String> toCancel = unsure.stream().map(CallRow::id).toList();
        for (int from = 0; from < toCancel.size(); from += CallCancellation.CHUNK) {
            List<String> chunk = toCancel.subList(from, Math.min(toCancel.size(), from + CallCancellation.CHUNK));
            events.publishEvent(new CallsCancelled(organizationId, chunk, CallsCancelled.AMBIGUOUS_ANSWER));
        }
        return new DispatchOutcome(initiated.size(), refused.size() + unsure.size());
    }

    /**
     * The workflow runner acknowledged the cancel of these calls: a call that failed on an ambiguous
     * answer no longer holds its customer and phone.
     */
    public void acknowledgeRunnerCancel(String organizationId, List<String> callIds) {
        if (!callIds.isEmpty()) {
            calls.acknowledgeCancel(organizationId, callIds);
        }
    }

    public record DispatchOutcome(int initiated, int failedToInitiate) {}

    /**
     * Applies the workflow runner's events (at most 1,000), in one transaction: unknown calls and
     * disposition codes outside the call's set are rejected one by one, repeats and steps a call is
     * already past are ignored. The HTTP events endpoint and the simulated runner both come here.
     */
    public RunnerEventsResult applyRunnerEvents(List<RunnerEvent> events) {
        return runnerEvents.apply(events);
    }

    /** A call as the API shows it; another organization's call is not found. */
    public Map<String, Object> getCall(String organizationId, String callId) {
        return queries.find(organizationId, callId)
                .map(CallRow::view)
                .orElseThrow(() -> ApiException.notFound("Call not found"));
    }

    /** Calls newest first. */
    public Page<Map<String, Object>> listCalls(String organizationId, CallFilter filter, PageRequest page) {
        List<CallRow> rows = queries.list(organizationId, filter, page.after(), page.fetchSize());
        return Page.fromOverfetch(rows, page.limit(), CallRow::id).map(CallRow::view);
    }

    /**
     * Cancels a call not yet answered (queued, initiated, ringing) and tells the runner.
     *
     * @throws ApiException 404 for an unknown call, 409 for a call that is answered or over
     */
    public Map<String, Object> cancelCall(String organizationId, String callId) {
        return cancellation.cancelCall(organizationId, callId);
    }

    /** @param notCancellable the initiation's other calls: answered, or over (cancelled before included) */
    public record CancelledCalls(long cancelled, long notCancellable) {}

    /** Cancels every call of an initiation that is not yet answered. */
    public CancelledCalls cancelInitiation(String organizationId, String initiationId) {
        return cancellation.cancelInitiation(organizationId, initiationId);
    }

    /**
     * Cancels every call of the campaign that is not yet answered (the console's cancel) and tells
     * the runner; the campaign is the caller's to check. Answers how many were cancelled.
     */
    public long cancelCampaignCalls(String organizationId, String campaignId) {
        return cancellation.cancelCampaign(organizationId, campaignId);
    }

    /** A call as the TimePay Agents API's call details show it; another organization's is not found. */
    public Map<String, Object> callDetails(String organizationId, String callId) {
        return history(organizationId, callId)
                .map(CallHistory::details)
                .orElseThrow(() -> ApiException.notFound("Call not found"));
    }

    /** The call with its campaign, customer and outcome, for documented webhooks and media. */
    public Optional<CallHistory> history(String organizationId, String callId) {
        return callId == null || !callId.startsWith("call_") ? Optional.empty() : history.find(organizationId, callId);
    }

    /** A call's recording URL and transcript; another organization's call is empty. */
    public Optional<CallMedia> media(String organizationId, String callId) {
        return queries.find(organizationId, callId)
                .map(r -> new CallMedia(r.id(), r.recordingUrl(), r.transcript(), r.durationSeconds()));
    }

    /** One page of the logs, newest first; message types (whatsapp, sms) have none here. */
    List<Map<String, Object>> logs(String organizationId, LogFilter filter, int page, int size) {
        if (filter.onlyMessages()) {
            return List.of();
        }
        return history.page(organizationId, filter, size, (long) (page - 1) * size).stream()
                .map(CallHistory::logItem)
                .toList();
    }

    long countLogs(String organizationId, LogFilter filter) {
        return filter.onlyMessages() ? 0 : history.count(organizationId, filter);
    }

    /** What an initiation's calls came to, for recovery to answer it after its node died. */
    public InitiationTally initiationTally(String organizationId, String initiationId) {
        return tallies.tally(organizationId, initiationId);
    }

    public CampaignStats campaignStats(String organizationId, String campaignId) {
        return stats.stats(organizationId, campaignId);
    }

    /** The campaign's stats without the customers' figures ({@code customers} is null), for the live monitor. */
    public CampaignStats campaignCallStats(String organizationId, String campaignId) {
        return stats.callStats(organizationId, campaignId);
    }

    /** What a simulated runner needs to play these calls the way such customers would answer. */
    public List<CallProfile> callProfiles(String organizationId, List<String> callIds) {
        return callIds.isEmpty() ? List.of() : queries.profiles(organizationId, callIds);
    }

    private void publishStatus(CallRow row, OffsetDateTime occurredAt) {
        events.publishEvent(new CallStatusChanged(
                row.organizationId(), row.id(), row.status().value(), occurredAt, new LazyCallView(row)));
    }
}
