package io.agentcalls.ratelimit;

import io.agentcalls.common.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Takes one token from an organization's bucket of a kind, or refuses with 429 and when to retry.
 * Buckets live in this node's memory (Bucket4j): with several nodes behind a balancer an
 * organization's effective limit is the per-node limit times the nodes it reaches (see
 * docs/decisions/0007-spring-security-and-rate-limits.md for why that trade was made).
 */
@Service
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimiter {

    private final RateLimitProperties properties;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(RateLimitProperties properties) {
        this.properties = properties;
    }

    /** Counts one request; throws {@link ApiException} 429 with {@code Retry-After} past the limit. */
    public void check(String organizationId, RateLimit limit) {
        if (!properties.enabled()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(limit.name() + ':' + organizationId, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            RateLimitProperties.Bucket setting = properties.of(limit);
            throw ApiException.tooManyRequests(
                    "%s are limited to %d a minute for an organization (bursts of %d)"
                            .formatted(limit.description(), setting.perMinute(), setting.burst()),
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket(RateLimit limit) {
        RateLimitProperties.Bucket setting = properties.of(limit);
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(setting.burst())
                        .refillGreedy(setting.perMinute(), Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
