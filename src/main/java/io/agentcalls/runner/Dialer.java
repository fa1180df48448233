package io.agentcalls.runner;

import io.agentcalls.call.DialClaim;
import io.agentcalls.call.DialLimits;
import io.agentcalls.call.DialQueue;
import io.agentcalls.call.DialSweep;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.contact.ContactPolicy;
import io.agentcalls.voice.Dial;
import io.agentcalls.voice.DialOutcome;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The built-in runner's dial loop, on every node: a pass checks the safeguards and claims due calls
 * in one short transaction ({@link DialQueue#sweepAndClaim}), then asks the providers outside
 * it, {@code parallelism} at a time, and writes each answer back. A call is never lost: a back-off
 * puts it back in the queue; an answer that says nothing definite holds it, never redialed.
 */
@Component
class Dialer {

    private static final Logger log = LoggerFactory.getLogger(Dialer.class);
    private static final Duration TICK_BUDGET = Duration.ofSeconds(5);

    private final DialQueue dialQueue;
    private final DialRouting routing;
    private final DialProperties properties;
    private final NodeIdentity node;
    private final Clock clock;
    private final DialMetrics metrics;
    private final boolean enabled;
    private final ExecutorService pool;
    private final AtomicLong passes = new AtomicLong();

    Dialer(
            DialQueue dialQueue,
            DialRouting routing,
            DialProperties properties,
            RunnerProperties runner,
            NodeIdentity node,
            Clock clock,
            DialMetrics metrics) {
        this.dialQueue = dialQueue;
        this.routing = routing;
        this.properties = properties;
        this.node = node;
        this.clock = clock;
        this.metrics = metrics;
        this.enabled = runner.simulatedRunner();
        this.pool = Executors.newFixedThreadPool(properties.parallelism(), r -> {
            Thread thread = new Thread(r, "dialer");
            thread.setDaemon(true);
            return thread;
        });
    }

    // the first pass one interval after start-up, like the other pollers: nothing is lost by waiting,
    // and a node that is still warming up does not take due calls from the nodes already running
    @Scheduled(
            fixedDelayString = "${agentcalls.dial.poll-interval}",
            initialDelayString = "${agentcalls.dial.poll-interval}")
    void tick() {
        if (!enabled) {
            return;
        }
        long deadline = System.nanoTime() + TICK_BUDGET.toNanos();
        try {
            while (dialDue(clock.instant()) == properties.batchSize() && System.nanoTime() < deadline) {
                // a full pass: more calls may be due
            }
        } catch (RuntimeException e) {
            log.warn("A dial pass failed; retrying on the next tick", e);
        }
    }

    /** One pass at {@code now}: safeguards, claim, dial, record. @return how many calls were claimed */
    int dialDue(Instant now) {
        DialSweep sweep = dialQueue.sweepAndClaim(now, limits(), node.id(), passes.incrementAndGet());
        metrics.guarded(sweep.byGuard());
        List<CompletableFuture<Void>> dials = new ArrayList<>(sweep.claimed().size());
        for (DialClaim claim : sweep.claimed()) {
            dials.add(CompletableFuture.runAsync(() -> dial(claim), pool));
        }
        CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).join();
        return sweep.claimed().size();
    }

    DialLimits limits() {
        return new DialLimits(
                routing.connectionId(),
                routing.connectionLimit(),
                io.agentcalls.number.PhoneNumberService.DEFAULT_MAX_CONCURRENT_CALLS,
                properties.perCampaign(),
                properties.batchSize(),
                properties.lease(),
                ContactPolicy.DEFAULT.maxAttemptsPerDay(),
                ContactPolicy.DEFAULT.maxAttemptsPerWeek());
    }

    private void dial(DialClaim claim) {
        Optional<DialRouting.Route> found = routing.routeFor(claim);
        if (found.isEmpty()) {
            // never silently through another connection: the call fails with the reason, visibly
            DialOutcome.Refused refused = new DialOutcome.Refused(
                    "Voice connection " + claim.connectionId() + " is not available to dial through");
            metrics.dialed(refused);
            dialQueue.recordRefused(claim.organizationId(), claim.callId(), refused.reason());
            return;
        }
        DialRouting.Route route = found.get();
        DialOutcome outcome;
        try {
            outcome = route.provider()
                    .place(
                            route.connection(),
                            new Dial(
                                    claim.callId(),
                                    claim.to(),
                                    claim.from(),
                                    claim.providerNumberId(),
                                    route.providerAgentId(),
                                    claim.customerFields()));
        } catch (RuntimeException e) {
            // the request may have reached the provider: the call may ring, so it is not dialed again
            outcome = new DialOutcome.Unknown(e.getClass().getSimpleName());
        }
        metrics.dialed(outcome);
        try {
            record(claim, route, outcome);
        } catch (RuntimeException e) {
            // the claim's lease runs out and the call is held as possibly placed
            log.warn("Could not record the provider's answer for call {}", claim.callId(), e);
        }
    }

    private void record(DialClaim claim, DialRouting.Route route, DialOutcome outcome) {
        String org = claim.organizationId();
        if (outcome instanceof DialOutcome.Placed placed) {
            if (!dialQueue.recordPlaced(org, claim.callId(), placed.providerCallId())) {
                // cancelled while the provider was asked: the call must not go on ringing
                route.provider().hangUp(route.connection(), placed.providerCallId());
            }
        } else if (outcome instanceof DialOutcome.Refused refused) {
            dialQueue.recordRefused(org, claim.callId(), refused.reason());
        } else if (outcome instanceof DialOutcome.RetryLater later) {
            dialQueue.recordRetry(org, claim.callId(), clock.instant().plus(backoff(later, claim.dialAttempt())));
        } else if (outcome instanceof DialOutcome.Unknown unknown) {
            dialQueue.recordUnknown(org, claim.callId(), unknown.reason());
        }
    }

    private Duration backoff(DialOutcome.RetryLater later, int attempt) {
        if (later.retryAfter() != null && !later.retryAfter().isNegative()) {
            return later.retryAfter(); // the provider's word, even past our own cap
        }
        Duration wait = properties.backoff().multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    /** Renews this node's dial claims with the other leases' heartbeat. */
    @Scheduled(fixedDelayString = "${agentcalls.leases.heartbeat}")
    void heartbeat() {
        if (!enabled) {
            return;
        }
        try {
            dialQueue.renew(node.id(), clock.instant().plus(properties.lease()));
        } catch (RuntimeException e) {
            log.warn("Could not renew the dial claims of {}", node.id(), e);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
