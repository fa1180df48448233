package io.agentcalls.runner;

import io.agentcalls.call.DialQueue;
import io.agentcalls.call.DialQueueState;
import io.agentcalls.voice.DialOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The dial queue in Micrometer (docs/OPERATIONS.md, "Dial queue metrics"): dials by outcome (their
 * rate is dials per second), calls the dial-time safeguards held back by reason, and, refreshed on
 * {@code agentcalls.dial.metrics-interval}, the queue depth per campaign and calls in progress per
 * connection and caller number.
 */
@Component
class DialMetrics {

    private static final Logger log = LoggerFactory.getLogger(DialMetrics.class);

    private final MeterRegistry registry;
    private final DialQueue dialQueue;
    private final MultiGauge queueDepth;
    private final MultiGauge scheduled;
    private final MultiGauge inFlight;

    DialMetrics(MeterRegistry registry, DialQueue dialQueue) {
        this.registry = registry;
        this.dialQueue = dialQueue;
        this.queueDepth = MultiGauge.builder("agentcalls.dial.queue.depth")
                .description("Calls waiting in the dial queue, by campaign")
                .register(registry);
        this.scheduled = MultiGauge.builder("agentcalls.dial.queue.scheduled")
                .description("Waiting calls deferred to a later time (a closed window, startAt, a cap), by campaign")
                .register(registry);
        this.inFlight = MultiGauge.builder("agentcalls.dial.in.progress")
                .description("Calls claimed or placed and not ended, by connection and caller number")
                .register(registry);
    }

    void dialed(DialOutcome outcome) {
        String name = outcome instanceof DialOutcome.Placed
                ? "placed"
                : outcome instanceof DialOutcome.Refused
                        ? "refused"
                        : outcome instanceof DialOutcome.RetryLater ? "retry_later" : "unknown";
        counter("agentcalls.dial.dials", "outcome", name).increment();
    }

    /** The guards of one pass: ok ones are dialed (or wait for room), the others were held back. */
    void guarded(Map<String, Integer> byGuard) {
        byGuard.forEach((guard, count) -> {
            if (!guard.equals("ok")) {
                counter("agentcalls.dial.held.back", "reason", guard).increment(count);
            }
        });
    }

    @Scheduled(fixedDelayString = "${agentcalls.dial.metrics-interval}")
    void refresh() {
        try {
            DialQueueState state = dialQueue.state();
            queueDepth.register(
                    state.waiting().stream()
                            .map(w -> MultiGauge.Row.of(
                                    Tags.of("organization", w.organizationId(), "campaign", w.campaignId()), w.calls()))
                            .toList(),
                    true);
            scheduled.register(
                    state.waiting().stream()
                            .map(w -> MultiGauge.Row.of(
                                    Tags.of("organization", w.organizationId(), "campaign", w.campaignId()),
                                    w.scheduled()))
                            .toList(),
                    true);
            inFlight.register(
                    state.inFlight().stream()
                            .map(f -> MultiGauge.Row.of(
                                    Tags.of(
                                            "organization", f.organizationId(),
                                            "connection", f.connectionId(),
                                            "number", f.fromNumber()),
                                    f.calls()))
                            .toList(),
                    true);
        } catch (RuntimeException e) {
            log.warn("Could not refresh the dial queue metrics", e);
        }
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag(tag, value).register(registry);
    }
}
