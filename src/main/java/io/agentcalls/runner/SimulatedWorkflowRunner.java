package io.agentcalls.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default runner: accepts batches in-process so the service works with no telephony at all.
 * Whether a batch fails, times out or a call is rejected is decided from a hash of the batch or
 * call id, so the same input misbehaves the same way in every run.
 */
public class SimulatedWorkflowRunner implements WorkflowRunner {

    private static final Logger log = LoggerFactory.getLogger(SimulatedWorkflowRunner.class);

    private final AtomicReference<SimulatedRunnerSettings> settings;
    private final SimulatedCallPlayer player;

    /** A runner that accepts calls but does not play them (no status events follow). */
    public SimulatedWorkflowRunner(SimulatedRunnerSettings settings) {
        this(settings, null);
    }

    /** A runner that plays the calls it accepts through {@code player}. */
    SimulatedWorkflowRunner(SimulatedRunnerSettings settings, SimulatedCallPlayer player) {
        this.settings = new AtomicReference<>(settings);
        this.player = player;
    }

    /** Changes the misbehaviour at run time (tests, demos); in-flight batches keep what they read. */
    public void configure(SimulatedRunnerSettings newSettings) {
        settings.set(newSettings);
    }

    public SimulatedRunnerSettings settings() {
        return settings.get();
    }

    @Override
    public BatchOutcome submit(RunnerBatch batch) {
        SimulatedRunnerSettings current = settings.get();
        double batchDraw = draw(batch.batchId());
        if (batchDraw < current.failBatchShare()) {
            throw RunnerFailure.because("Simulated runner failure");
        }
        if (batchDraw < current.failBatchShare() + current.timeoutBatchShare()) {
            throw RunnerFailure.timeout(null);
        }
        pause(current);
        List<String> accepted = new ArrayList<>(batch.calls().size());
        List<BatchOutcome.Rejection> rejected = new ArrayList<>();
        for (RunnerBatch.Call call : batch.calls()) {
            if (draw(call.callId()) < current.rejectCallShare()) {
                rejected.add(new BatchOutcome.Rejection(call.callId(), "Simulated rejection"));
            } else {
                accepted.add(call.callId());
            }
        }
        play(batch.organizationId(), accepted);
        log.debug(
                "Simulated runner took batch {} ({} calls)",
                batch.batchId(),
                batch.calls().size());
        return new BatchOutcome(accepted, rejected);
    }

    /** Accepted means queued for playback, durably, before the answer goes back. */
    private void play(String organizationId, List<String> accepted) {
        if (player == null) {
            return;
        }
        try {
            player.accept(organizationId, accepted);
        } catch (RuntimeException e) {
            throw RunnerFailure.because("Simulated runner could not take the calls", e);
        }
    }

    @Override
    public void cancel(String organizationId, List<String> callIds) {
        if (player != null) {
            player.forget(organizationId, callIds);
        }
    }

    /** A stable number in [0, 1) for an id. */
    static double draw(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) {
            h = 31 * h + id.charAt(i);
        }
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return (h >>> 11) / (double) (1L << 53);
    }

    private static void pause(SimulatedRunnerSettings settings) {
        if (settings.acceptDelay().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.acceptDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
