package io.agentcalls.call;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of runner events with two statements whatever its size: read the calls by id
 * (with the codes the events name), fold the events in memory through the status machine, then
 * write every changed call in one UPDATE, in a transaction that also marks the calls whose new
 * outcome means "call again" ({@link CallBacks}) and publishes the events. The
 * UPDATE only writes a call still at the version read; a call changed meanwhile (a cancel, another
 * batch) is read and folded again.
 */
@Component
class RunnerEventProcessor {

    static final String UNKNOWN_CALL = "unknown call";
    static final String BUSY_CALL = "call is being changed by other requests; send the event again";
    private static final int MAX_ATTEMPTS = 8;

    /** What became of one event. */
    private record Decision(Outcome outcome, String reason) {

        static final Decision APPLIED = new Decision(Outcome.APPLIED, null);
        static final Decision IGNORED = new Decision(Outcome.IGNORED, null);

        static Decision rejected(String reason) {
            return new Decision(Outcome.REJECTED, reason);
        }
    }

    private enum Outcome {
        APPLIED,
        IGNORED,
        REJECTED
    }

    /**
     * One pass over the pending calls' events: a decision for each of their events (by position in
     * the batch, null for the others), and the calls changed meanwhile, whose events are folded again.
     */
    private record Pass(Decision[] decisions, Set<String> changedMeanwhile) {}

    private final RunnerEventRepository repository;
    private final CallBacks callBacks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    RunnerEventProcessor(
            RunnerEventRepository repository,
            CallBacks callBacks,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.callBacks = callBacks;
        this.events = events;
        this.transactions = transactions;
    }

    RunnerEventsResult apply(List<RunnerEvent> batch) {
        Decision[] decisions = new Decision[batch.size()];
        Set<String> pending = new LinkedHashSet<>();
        Set<String> codes = new HashSet<>();
        for (RunnerEvent event : batch) {
            pending.add(event.callId());
            if (event.disposition() != null) {
                codes.add(event.disposition().code());
            }
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                for (int i = 0; i < batch.size(); i++) {
                    if (pending.contains(batch.get(i).callId())) {
                        decisions[i] = Decision.rejected(BUSY_CALL);
                    }
                }
                break;
            }
            Pass pass = applyOnce(batch, pending, codes);
            for (int i = 0; i < batch.size(); i++) {
                if (pass.decisions()[i] != null) {
                    decisions[i] = pass.decisions()[i];
                }
            }
            pending = pass.changedMeanwhile();
        }
        int applied = 0;
        int ignored = 0;
        List<RunnerEventsResult.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            switch (decisions[i].outcome()) {
                case APPLIED -> applied++;
                case IGNORED -> ignored++;
                case REJECTED ->
                    rejected.add(new RunnerEventsResult.Rejected(i, batch.get(i).callId(), decisions[i].reason()));
            }
        }
        return new RunnerEventsResult(applied, ignored, rejected);
    }

    /** Folds the events of the pending calls and writes them. */
    private Pass applyOnce(List<RunnerEvent> batch, Set<String> pending, Set<String> codes) {
        Decision[] decisions = new Decision[batch.size()];
        Map<String, CallProgress> calls = new HashMap<>();
        Map<String, RunnerEventRepository.ReadCall> read = new HashMap<>();
        for (RunnerEventRepository.ReadCall call : repository.read(pending, codes)) {
            read.put(call.row().id(), call);
            calls.put(call.row().id(), new CallProgress(call.row()));
        }
        OffsetDateTime now =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Map<String, List<Object>> published = new HashMap<>();
        Set<String> newOutcomes = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            RunnerEvent event = batch.get(i);
            if (!pending.contains(event.callId())) {
                continue;
            }
            CallProgress call = calls.get(event.callId());
            if (call == null) {
                decisions[i] = Decision.rejected(UNKNOWN_CALL);
                continue;
            }
            CallProgress.Code code = null;
            if (event.disposition() != null) {
                String label = read.get(event.callId())
                        .namedCodes()
                        .get(event.disposition().code());
                if (label == null) {
                    decisions[i] = Decision.rejected("disposition code '"
                            + event.disposition().code() + "' is not in the call's disposition set");
                    continue;
                }
                code = new CallProgress.Code(event.disposition().code(), label);
            }
            CallProgress.Change change = call.apply(event, code, now);
            decisions[i] = change.any() ? Decision.APPLIED : Decision.IGNORED;
            if (change.disposition()) {
                newOutcomes.add(event.callId());
            }
            collect(published, call, event, change);
        }
        List<RunnerEventRepository.Write> writes = new ArrayList<>();
        calls.forEach((id, call) -> {
            if (call.changed()) {
                writes.add(
                        new RunnerEventRepository.Write(call.row(), read.get(id).version()));
            }
        });
        if (writes.isEmpty()) {
            return new Pass(decisions, Set.of());
        }
        Set<String> changedMeanwhile = transactions.execute(tx -> {
            Set<String> unwritten = new HashSet<>();
            writes.forEach(w -> unwritten.add(w.row().id()));
            List<String> written = repository.saveIfUnchanged(writes);
            List<CallRow> outcomes = new ArrayList<>();
            for (String id : written) {
                unwritten.remove(id);
                if (newOutcomes.contains(id)) {
                    outcomes.add(calls.get(id).row());
                }
            }
            // in the transaction that records the outcome, before the events' listeners read the call
            repository.markCallBacks(callBacks.among(outcomes));
            for (String id : written) {
                published.getOrDefault(id, List.of()).forEach(events::publishEvent);
            }
            return unwritten;
        });
        return new Pass(decisions, changedMeanwhile);
    }

    /** The call's events for this change; both events of one change share one view of the call. */
    private static void collect(
            Map<String, List<Object>> published, CallProgress call, RunnerEvent event, CallProgress.Change change) {
        if (!change.status() && !change.disposition()) {
            return;
        }
        Map<String, Object> view = new LazyCallView(call.row());
        String organizationId = call.row().organizationId();
        List<Object> list = published.computeIfAbsent(event.callId(), id -> new ArrayList<>());
        if (change.status()) {
            list.add(new CallStatusChanged(
                    organizationId, event.callId(), event.status().value(), event.at(), view));
        }
        if (change.disposition()) {
            list.add(new CallDispositionRecorded(organizationId, event.callId(), event.at(), view));
        }
    }
}
