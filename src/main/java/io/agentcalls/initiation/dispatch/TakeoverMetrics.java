package io.agentcalls.initiation.dispatch;

import io.agentcalls.initiation.dispatch.DispatchLeaseRepository.StaleInitiation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What an operator counts after a crash: initiations taken over by recovery, the queued calls they
 * still had, and how long past its expiry each lease was taken over (the delay a dead node cost).
 * Tagged by whether the lease ran out (a node died) or was handed back (a batch failed to send).
 */
@Component
class TakeoverMetrics {

    private final MeterRegistry registry;

    TakeoverMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void tookOver(StaleInitiation initiation, int calls, Duration overdue) {
        String cause = initiation.previousHolder() == null ? "handed_back" : "expired";
        Counter.builder("agentcalls.recovery.takeovers")
                .description("Initiations whose dispatch lease recovery took over")
                .tag("cause", cause)
                .register(registry)
                .increment();
        DistributionSummary.builder("agentcalls.recovery.resumed.calls")
                .description("Queued calls of each initiation taken over, sent again")
                .tag("cause", cause)
                .register(registry)
                .record(calls);
        Timer.builder("agentcalls.recovery.lease.overdue")
                .description("How long after its dispatch lease expired an initiation was taken over")
                .tag("cause", cause)
                .register(registry)
                .record(overdue.isNegative() ? Duration.ZERO : overdue);
    }
}
