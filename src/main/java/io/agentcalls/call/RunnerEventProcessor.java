package io.agentcalls.call;

import io.agentcalls.call.RunnerEventRepository.SetKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of runner events in one transaction with a fixed number of statements whatever
 * the batch size: lock the calls by id, read the codes of their disposition sets, fold the events
 * in memory through the status machine, write every changed call in one UPDATE, publish.
 */
@Component
class RunnerEventProcessor {

    static final String UNKNOWN_CALL = "unknown call";

    private final RunnerEventRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    RunnerEventProcessor(RunnerEventRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    RunnerEventsResult apply(List<RunnerEvent> batch) {
        if (batch.isEmpty()) {
            return new RunnerEventsResult(0, 0, List.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(e -> ids.add(e.callId()));
        Map<String, CallProgress> calls = new HashMap<>();
        for (CallRow row : repository.lockById(ids)) {
            calls.put(row.id(), new CallProgress(row));
        }
        Map<SetKey, Map<String, String>> codes = codesFor(batch, calls);
        OffsetDateTime now =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

        int applied = 0;
        int ignored = 0;
        List<RunnerEventsResult.Rejected> rejected = new ArrayList<>();
        List<Object> published = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            RunnerEvent event = batch.get(index);
            CallProgress call = calls.get(event.callId());
            if (call == null) {
                rejected.add(new RunnerEventsResult.Rejected(index, event.callId(), UNKNOWN_CALL));
                continue;
            }
            CallProgress.Code code = null;
            if (event.disposition() != null) {
                CallRow row = call.row();
                String label = codes.getOrDefault(new SetKey(row.organizationId(), row.dispositionSetId()), Map.of())
                        .get(event.disposition().code());
                if (label == null) {
                    rejected.add(new RunnerEventsResult.Rejected(
                            index,
                            event.callId(),
                            "disposition code '" + event.disposition().code()
                                    + "' is not in the call's disposition set"));
                    continue;
                }
                code = new CallProgress.Code(event.disposition().code(), label);
            }
            CallProgress.Change change = call.apply(event, code, now);
            if (!change.any()) {
                ignored++;
                continue;
            }
            applied++;
            String organizationId = call.row().organizationId();
            if (change.status()) {
                published.add(new CallStatusChanged(
                        organizationId, event.callId(), event.status().value(), event.at(), call.view()));
            }
            if (change.disposition()) {
                published.add(new CallDispositionRecorded(organizationId, event.callId(), event.at(), call.view()));
            }
        }
        List<CallRow> changed = calls.values().stream()
                .filter(CallProgress::changed)
                .map(CallProgress::row)
                .toList();
        if (!changed.isEmpty()) {
            repository.saveProgress(changed);
        }
        published.forEach(events::publishEvent);
        return new RunnerEventsResult(applied, ignored, rejected);
    }

    /** The codes of the disposition sets of the calls whose events name a disposition; one query. */
    private Map<SetKey, Map<String, String>> codesFor(List<RunnerEvent> batch, Map<String, CallProgress> calls) {
        Set<SetKey> sets = new HashSet<>();
        for (RunnerEvent event : batch) {
            CallProgress call = calls.get(event.callId());
            if (event.disposition() != null && call != null) {
                sets.add(new SetKey(call.row().organizationId(), call.row().dispositionSetId()));
            }
        }
        return sets.isEmpty() ? new LinkedHashMap<>() : repository.dispositionCodes(sets);
    }
}
