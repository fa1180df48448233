package io.agentcalls.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests an organization may make, per kind, as token buckets: {@code perMinute} refills
 * steadily, {@code burst} is how many may come at once after a quiet spell.
 */
@Validated
@ConfigurationProperties("agentcalls.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid Bucket initiations,
        @Valid Bucket dryRuns,
        @Valid Bucket api) {

    public RateLimitProperties {
        initiations = initiations == null ? new Bucket(60, 20) : initiations;
        dryRuns = dryRuns == null ? new Bucket(600, 60) : dryRuns;
        api = api == null ? new Bucket(6000, 300) : api;
    }

    public record Bucket(@Min(1) long perMinute, @Min(1) long burst) {}

    Bucket of(RateLimit limit) {
        return switch (limit) {
            case INITIATIONS -> initiations;
            case DRY_RUNS -> dryRuns;
            case API -> api;
        };
    }
}
