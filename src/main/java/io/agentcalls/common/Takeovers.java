package io.agentcalls.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator counts after a crash, for every kind of {@link LeasedWork}: takeovers, the items
 * each one resumed, and how long past its expiry each lease was taken over (the delay a dead node
 * cost). Tagged {@code work} (initiation, webhook_delivery, retry, runner_cancel) and {@code cause}:
 * {@code expired} (a node died) or {@code handed_back} (a stopping node or a failed batch gave it back).
 */
@Component
public class Takeovers {

    private final MeterRegistry registry;

    Takeovers(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param previousHolder the node whose lease ran out; null when it was handed back */
    public void record(String work, String previousHolder, long items, Duration overdue) {
        String cause = previousHolder == null ? "handed_back" : "expired";
        Counter.builder("agentcalls.recovery.takeovers")
                .description("Leased work another node (or this one restarted) took over")
                .tag("work", work)
                .tag("cause", cause)
                .register(registry)
                .increment();
        DistributionSummary.builder("agentcalls.recovery.resumed.calls")
                .description("Items (queued calls, deliveries, due calls, cancels) of each takeover, resumed")
                .tag("work", work)
                .tag("cause", cause)
                .register(registry)
                .record(items);
        Timer.builder("agentcalls.recovery.lease.overdue")
                .description("How long after its lease expired the work was taken over")
                .tag("work", work)
                .tag("cause", cause)
                .register(registry)
                .record(overdue.isNegative() ? Duration.ZERO : overdue);
    }
}
