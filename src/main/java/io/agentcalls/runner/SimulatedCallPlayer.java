package io.agentcalls.runner;

import io.agentcalls.call.CallProfile;
import io.agentcalls.call.CallService;
import io.agentcalls.call.CallStatus;
import io.agentcalls.call.RunnerEvent;
import io.agentcalls.call.RunnerEventsResult;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Plays the calls the simulated runner accepted: initiated → ringing → in_progress → outcome, at
 * realistic durations divided by {@code agentcalls.runner.simulated.speed}, never more calls at once
 * on a caller number than its max_concurrent_calls. Driven from the database (simulated_call_steps),
 * not timers, so a restart resumes playback and several nodes share it. Reports through
 * {@link CallService#applyRunnerEvents}, the path of the runner events endpoint.
 */
@Component
class SimulatedCallPlayer {

    static final int BATCH = 500;
    /** The platform records the runner's answer right after a batch returns; ring after that. */
    private static final Duration MIN_DIAL_DELAY = Duration.ofMillis(200);

    private static final int DIAL_SECONDS = 2;
    private static final int LINE_BUSY_RETRY_SECONDS = 3;
    private static final Duration TICK_BUDGET = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SimulatedCallPlayer.class);

    private final CallService calls;
    private final SimulatedCallSteps steps;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final boolean enabled;
    private final double speed;
    private final long seed;

    SimulatedCallPlayer(
            CallService calls,
            SimulatedCallSteps steps,
            TransactionTemplate transactions,
            ObjectMapper json,
            @Value("${agentcalls.runner.url:}") String runnerUrl,
            @Value("${agentcalls.runner.simulated.play-calls:true}") boolean playCalls,
            @Value("${agentcalls.runner.simulated.speed:1}") double speed,
            @Value("${agentcalls.runner.simulated.seed:1}") long seed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("agentcalls.runner.simulated.speed must be positive");
        }
        this.calls = calls;
        this.steps = steps;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.enabled = runnerUrl.isBlank() && playCalls;
        this.speed = speed;
        this.seed = seed;
    }

    boolean enabled() {
        return enabled;
    }

    /** Plans the accepted calls and queues their first step; a call accepted twice plays once. */
    void accept(String organizationId, List<String> callIds) {
        if (!enabled || callIds.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long dialDelay = Math.max(MIN_DIAL_DELAY.toMillis(), scaled(DIAL_SECONDS));
        List<SimulatedCallSteps.NewStep> planned = new ArrayList<>();
        for (CallProfile call : calls.callProfiles(organizationId, callIds)) {
            SimulatedCallPlan plan = SimulatedCallPlan.decide(call, seed, today);
            planned.add(new SimulatedCallSteps.NewStep(
                    call.callId(),
                    call.fromNumber() == null ? "" : call.fromNumber(),
                    call.maxConcurrentCalls(),
                    dialDelay,
                    json.writeValueAsString(plan)));
        }
        if (!planned.isEmpty()) {
            steps.insert(organizationId, planned);
        }
    }

    /**
     * Stops playing cancelled calls; their lines free up at once. Its own transaction: it runs after
     * the cancelling transaction committed, whose connection can no longer commit anything.
     */
    void forget(String organizationId, List<String> callIds) {
        if (!callIds.isEmpty()) {
            ownTransaction.executeWithoutResult(tx -> steps.deleteCalls(organizationId, callIds));
        }
    }

    @Scheduled(fixedDelayString = "${agentcalls.runner.simulated.poll-interval:1s}")
    void tick() {
        if (!enabled) {
            return;
        }
        long deadline = System.nanoTime() + TICK_BUDGET.toNanos();
        try {
            while (playDue() && System.nanoTime() < deadline) {
                // a full batch was due: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Simulated call playback failed; retrying on the next tick", e);
        }
    }

    /** Plays every step that is due, one transaction per step kind; true when a batch was full. */
    boolean playDue() {
        int dialed = transactions.execute(tx -> dial());
        int answered = transactions.execute(tx -> answer());
        int hungUp = transactions.execute(tx -> hangUp());
        return dialed == BATCH || answered == BATCH || hungUp == BATCH;
    }

    /** Starts ringing the due calls whose number has a free line; one node at a time (line counts). */
    private int dial() {
        if (!steps.tryDialLock()) {
            return 0;
        }
        List<SimulatedCallSteps.Step> due = steps.claimDue("dial", BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<SimulatedCallSteps.Line, Integer> inUse = steps.linesInUse(
                due.stream().map(SimulatedCallPlayer::line).distinct().toList());
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
                        scaled(plan(step).ringSeconds())));
            } else {
                moves.add(new SimulatedCallSteps.Move(
                        step.organizationId(), step.callId(), "dial", scaled(LINE_BUSY_RETRY_SECONDS)));
            }
        }
        report(events);
        steps.move(moves);
        return due.size();
    }

    /** Ringing calls are answered (completed ones go on talking) or end unanswered. */
    private int answer() {
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
                        step.organizationId(), step.callId(), "hangup", scaled(plan.talkSeconds())));
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

    private int hangUp() {
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
                    "https://simulated-runner.invalid/recordings/" + step.callId() + ".mp3",
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

    /** Real seconds of the simulated world in milliseconds of ours. */
    private long scaled(int seconds) {
        return Math.round(seconds * 1000 / speed);
    }
}
