package io.agentcalls.call;

import io.agentcalls.common.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels calls that are not answered yet (queued, initiated, ringing) and tells the runner through
 * {@link CallsCancelled}. An initiation is cancelled in chunks, each its own transaction, so a
 * million-call initiation never holds a million row locks or events at once.
 */
@Component
class CallCancellation {

    static final int CHUNK = 1_000;

    private final CallRepository calls;
    private final CallQueryRepository queries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    CallCancellation(
            CallRepository calls,
            CallQueryRepository queries,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.calls = calls;
        this.queries = queries;
        this.events = events;
        this.transactions = transactions;
    }

    /** Cancelling a cancelled call again answers the call as it is, so a retried request is harmless. */
    Map<String, Object> cancelCall(String organizationId, String callId) {
        List<CallRow> cancelled = transactions.execute(tx -> {
            List<CallRow> rows = calls.cancel(organizationId, callId);
            publish(organizationId, rows);
            return rows;
        });
        if (!cancelled.isEmpty()) {
            return cancelled.get(0).view();
        }
        CallRow call = queries.find(organizationId, callId).orElseThrow(() -> ApiException.notFound("Call not found"));
        if (call.status() == CallStatus.CANCELLED) {
            return call.view();
        }
        throw new ApiException(HttpStatus.CONFLICT, "Call can no longer be cancelled");
    }

    CallService.CancelledCalls cancelInitiation(String organizationId, String initiationId) {
        if (!calls.initiationExists(organizationId, initiationId)) {
            throw ApiException.notFound("Initiation not found");
        }
        long cancelled = 0;
        int chunk;
        do {
            chunk = transactions.execute(tx -> {
                List<CallRow> rows = calls.cancelInitiationChunk(organizationId, initiationId, CHUNK);
                publish(organizationId, rows);
                return rows.size();
            });
            cancelled += chunk;
        } while (chunk == CHUNK);
        long total = calls.countInitiationCalls(organizationId, initiationId);
        return new CallService.CancelledCalls(cancelled, Math.max(0, total - cancelled));
    }

    /** Every call of the campaign not yet answered, in chunks; the count cancelled. */
    long cancelCampaign(String organizationId, String campaignId) {
        long cancelled = 0;
        int chunk;
        do {
            chunk = transactions.execute(tx -> {
                List<CallRow> rows = calls.cancelCampaignChunk(organizationId, campaignId, CHUNK);
                publish(organizationId, rows);
                return rows.size();
            });
            cancelled += chunk;
        } while (chunk == CHUNK);
        return cancelled;
    }

    private void publish(String organizationId, List<CallRow> cancelled) {
        if (cancelled.isEmpty()) {
            return;
        }
        for (CallRow row : cancelled) {
            events.publishEvent(
                    new CallStatusChanged(organizationId, row.id(), row.status().value(), occurredAt(row), row.view()));
        }
        events.publishEvent(new CallsCancelled(
                organizationId, cancelled.stream().map(CallRow::id).toList()));
    }

    private static OffsetDateTime occurredAt(CallRow row) {
        return row.endedAt() != null ? row.endedAt() : row.updatedAt();
    }
}
