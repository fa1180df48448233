package io.agentcalls.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Small buckets, so a test can empty them: each kind of request counts apart, per organization. */
@TestPropertySource(
        properties = {
            "agentcalls.rate-limits.api.per-minute=1",
            "agentcalls.rate-limits.api.burst=20",
            "agentcalls.rate-limits.initiations.per-minute=1",
            "agentcalls.rate-limits.initiations.burst=1",
            "agentcalls.rate-limits.dry-runs.per-minute=1",
            "agentcalls.rate-limits.dry-runs.burst=2"
        })
class RateLimitTest extends ApiTest {

    @Test
    void pastTheBurstAnOrganizationGets429WithRetryAfterAndOthersAreUntouched() {
        String key = newOrganization();
        for (int i = 0; i < 20; i++) {
            assertThat(get("/api/v1/campaigns", key).status()).isEqualTo(200);
        }

        Response limited = get("/api/v1/campaigns", key);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().at("/success").asBoolean(true)).isFalse();
        assertThat(limited.body().at("/message").asString()).isEqualTo("Too many requests");
        assertThat(limited.body().at("/error").asString()).isEqualTo("TooManyRequests");
        assertThat(limited.body().at("/errors/0").asString())
                .isEqualTo("API requests are limited to 1 a minute for an organization (bursts of 20)");
        long retryAfter = Long.parseLong(
                limited.http().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        assertThat(get("/api/v1/campaigns", newOrganization()).status()).isEqualTo(200);
    }

    @Test
    void initiationsAndDryRunsHaveBucketsOfTheirOwn() {
        CallingSetup setup = CallingSetup.create(this);
        setup.upsert(setup.customers("RL", 3));

        assertThat(setup.initiate(Map.of("dryRun", true)).status()).isEqualTo(200);
        assertThat(setup.initiate(Map.of("dryRun", true)).status()).isEqualTo(200);
        Response thirdDryRun = setup.initiate(Map.of("dryRun", true));
        assertThat(thirdDryRun.status()).isEqualTo(429);
        assertThat(thirdDryRun.body().at("/errors/0").asString()).startsWith("dry runs are limited");
        assertThat(thirdDryRun.http().headers().firstValue("Retry-After")).isPresent();

        assertThat(setup.initiate(Map.of("limit", 1)).status()).isEqualTo(200);
        Response secondInitiation = setup.initiate(Map.of("limit", 1));
        assertThat(secondInitiation.status()).isEqualTo(429);
        assertThat(secondInitiation.body().at("/errors/0").asString()).startsWith("initiations are limited");
        long calls = jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c")
                .param("c", setup.campaignId)
                .query(Long.class)
                .single();
        assertThat(calls).isEqualTo(1);
    }
}
