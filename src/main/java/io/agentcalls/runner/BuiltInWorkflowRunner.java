package io.agentcalls.runner;

import io.agentcalls.call.DialQueue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default runner when no runner URL is set: accepts a batch into its dial queue (the calls
 * themselves, in the database). Its answer names when the accepted calls become due, and the
 * dispatch writes them into the queue in the same statement that marks them {@code initiated}, so
 * "initiated" means "accepted" and survives any crash, and each call is written once; the
 * {@link Dialer} on every node places them over time through the voice providers. For tests and demos it can misbehave on purpose: whether a batch fails, times
 * out or a call is rejected is decided from a hash of the batch or call id, so the same input
 * misbehaves the same way in every run.
 */
public class BuiltInWorkflowRunner implements WorkflowRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInWorkflowRunner.class);

    private final AtomicReference<SimulatedRunnerSettings> settings;
    private final DialQueue dialQueue;
    private final Clock clock;
    private final SimulatedCallPlayer player;
    private final DialRouting routing;

    BuiltInWorkflowRunner(
            SimulatedRunnerSettings settings,
            DialQueue dialQueue,
            Clock clock,
            SimulatedCallPlayer player,
            DialRouting routing) {
        this.settings = new AtomicReference<>(settings);
        this.dialQueue = dialQueue;
        this.clock = clock;
        this.player = player;
        this.routing = routing;
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
        log.debug(
                "Built-in runner accepted batch {} ({} of {} calls)",
                batch.batchId(),
                accepted.size(),
                batch.calls().size());
        return new BatchOutcome(accepted, rejected, clock.instant());
    }

    /**
     * Cancelled calls still waiting left the queue with their status; the simulator stops playing
     * those it placed, and a call a provider placed is hung up there. A hang-up that fails throws, so
     * the cancel stays in the outbox and is sent again (hanging up twice is harmless). A call whose
     * provider answer is recorded after the cancel is hung up by the {@link Dialer}.
     */
    @Override
    public void cancel(String organizationId, List<String> callIds) {
        player.forget(organizationId, callIds);
        for (DialQueue.PlacedCall placed : dialQueue.placedAtProviders(organizationId, callIds)) {
            Optional<DialRouting.Route> route = routing.routeOfPlaced(organizationId, placed.connectionId());
            if (route.isEmpty()) {
                log.warn(
                        "Cancelled call {} was placed through voice connection {}, which is gone: it cannot be hung up from here",
                        placed.callId(),
                        placed.connectionId());
                continue;
            }
            route.get().provider().hangUp(route.get().connection(), placed.providerCallId());
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
