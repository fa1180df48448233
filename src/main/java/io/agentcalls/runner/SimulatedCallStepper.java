package io.agentcalls.runner;

import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.call.RunnerEventsResult;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
import tools.jackson.databind.ObjectMapper;

/**
 * The three steps of a simulated call, each over a batch of due rows claimed with SKIP LOCKED, in
 * the caller's transaction: dial (initiated → ringing, within the number's free lines), answer
 * (ringing → in_progress, or an unanswered outcome), hang up (completed with its disposition).
 */
final class SimulatedCallStepper {

    static final int BATCH = SimulatedCallPlayer.BATCH;
    private static final int LINE_BUSY_RETRY_SECONDS = 3;

    private final CallService calls;
    private final SimulatedCallSteps steps;
    private final ObjectMapper json;
    private final IntToLongFunction scaled;

    /** @param scaled simulated seconds to real milliseconds */
    SimulatedCallStepper(CallService calls, SimulatedCallSteps steps, ObjectMapper json, IntToLongFunction scaled) {
        this.calls = calls;
        this.steps = steps;
        this.json = json;
        this.scaled = scaled;
    }

    /** Starts ringing the due calls whose number has a free line; one node at a time (line counts). */
    int dial() {
        if (!steps.tryDialLock()) {
            return 0;
        }
        List<SimulatedCallSteps.Step> due = steps.claimDue("dial", BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<SimulatedCallSteps.Line, Integer> inUse = steps.linesInUse(
                due.stream().map(SimulatedCallStepper::line).distinct().toList());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<RunnerEvent> events = new ArrayList<>();
        List<SimulatedCallSteps.Move> moves = new ArrayList<>();
        for (SimulatedCallSteps.Step step : due) {
            int used = inUse.getOrDefault(line(step), 0);
            if (used < step.maxLines()) {
                inUse.put(line(step), used + 1);
                events.add(RunnerEvent.status(step.callId(), CallStatus.RINGING, now));
                moves.add(new SimulatedCallSteps.Move(
                        step.organizationId(),
                        step.callId(),
                        "answer",
                        scaled.applyAsLong(plan(step).ringSeconds())));
            } else {
                moves.add(new SimulatedCallSteps.Move(
                        step.organizationId(), step.callId(), "dial", scaled.applyAsLong(LINE_BUSY_RETRY_SECONDS)));
            }
        }
        report(events);
        steps.move(moves);
        return due.size();
    }

    /** Ringing calls are answered (completed ones go on talking) or end unanswered. */
    int answer() {
        List<SimulatedCallSteps.Step> due = steps.claimDue("answer", BATCH);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<RunnerEvent> events = new ArrayList<>();
        List<SimulatedCallSteps.Move> moves = new ArrayList<>();
        List<SimulatedCallSteps.Step> done = new ArrayList<>();
        for (SimulatedCallSteps.Step step : due) {
            SimulatedCallPlan plan = plan(step);
            if (plan.outcome() == CallStatus.COMPLETED) {
                events.add(RunnerEvent.status(step.callId(), CallStatus.IN_PROGRESS, now));
                moves.add(new SimulatedCallSteps.Move(
                        step.organizationId(), step.callId(), "hangup", scaled.applyAsLong(plan.talkSeconds())));
            } else {
                events.add(new RunnerEvent(step.callId(), plan.outcome(), now, plan.talkSeconds(), null, null, null));
                done.add(step);
            }
        }
        report(events);
        steps.move(moves);
        steps.delete(done);
        return due.size();
    }

    int hangUp() {
        List<SimulatedCallSteps.Step> due = steps.claimDue("hangup", BATCH);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<RunnerEvent> events = new ArrayList<>();
        for (SimulatedCallSteps.Step step : due) {
            SimulatedCallPlan plan = plan(step);
            RunnerEvent.Disposition disposition = plan.dispositionCode() == null
                    ? null
                    : new RunnerEvent.Disposition(plan.dispositionCode(), plan.dispositionData());
            events.add(new RunnerEvent(
                    step.callId(),
                    CallStatus.COMPLETED,
                    now,
                    plan.talkSeconds(),
                    disposition,
                    SimulatedRecordings.url(step.callId()),
                    SimulatedTranscripts.of(plan)));
        }
        report(events);
        steps.delete(due);
        return due.size();
    }

    /** A code removed from the set since the call was planned: report the outcome without it. */
    private void report(List<RunnerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        RunnerEventsResult result = calls.applyRunnerEvents(events);
        List<RunnerEvent> retry = new ArrayList<>();
        for (RunnerEventsResult.Rejected rejected : result.rejected()) {
            RunnerEvent event = events.get(rejected.index());
            if (event.disposition() != null) {
                retry.add(new RunnerEvent(
                        event.callId(),
                        event.status(),
                        event.at(),
                        event.durationSeconds(),
                        null,
                        event.recordingUrl(),
                        event.transcript()));
            }
        }
        if (!retry.isEmpty()) {
            calls.applyRunnerEvents(retry);
        }
    }

    private SimulatedCallPlan plan(SimulatedCallSteps.Step step) {
        return json.readValue(step.plan(), SimulatedCallPlan.class);
    }

    private static SimulatedCallSteps.Line line(SimulatedCallSteps.Step step) {
        return new SimulatedCallSteps.Line(step.organizationId(), step.fromNumber());
    }
}
