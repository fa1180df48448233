package io.agentcalls.runner;

import io.agentcalls.call.CallProfile;
import io.agentcalls.call.CallService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Duration TICK_BUDGET = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SimulatedCallPlayer.class);

    private final CallService calls;
    private final SimulatedCallSteps steps;
    private final TransactionTemplate transactions;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final SimulatedCallStepper stepper;
    private final boolean enabled;
    private final double speed;
    private final long seed;

    SimulatedCallPlayer(
            CallService calls,
            SimulatedCallSteps steps,
            TransactionTemplate transactions,
            ObjectMapper json,
            RunnerProperties properties) {
        this.calls = calls;
        this.steps = steps;
        this.transactions = transactions;
        this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.enabled = properties.simulatedRunner() && properties.simulated().playCalls();
        this.speed = properties.simulated().speed();
        this.seed = properties.simulated().seed();
        this.stepper = new SimulatedCallStepper(calls, steps, json, this::scaled);
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

    // the first pass one interval after start-up, like the other pollers: nothing is lost by waiting,
    // and a node that is still warming up does not take due calls from the nodes already running
    @Scheduled(
            fixedDelayString = "${agentcalls.runner.simulated.poll-interval}",
            initialDelayString = "${agentcalls.runner.simulated.poll-interval}")
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
        int dialed = transactions.execute(tx -> stepper.dial());
        int answered = transactions.execute(tx -> stepper.answer());
        int hungUp = transactions.execute(tx -> stepper.hangUp());
        return dialed == BATCH || answered == BATCH || hungUp == BATCH;
    }

    /** Real seconds of the simulated world in milliseconds of ours. */
    long scaled(int seconds) {
        return Math.round(seconds * 1000 / speed);
    }
}
