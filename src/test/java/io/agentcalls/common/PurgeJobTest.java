package io.agentcalls.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentcalls.support.ApiTest;
import io.agentcalls.support.CallingSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The purge: webhook deliveries (with their attempts) past their retention are deleted, Idempotency-Keys
 * older than 24 h released; recent ones, a delivery being attempted and a request still running are kept.
 */
class PurgeJobTest extends ApiTest {

    @Autowired
    PurgeJob purge;

    @Autowired
    MeterRegistry metrics;

    @Test
    void oldRowsAreGoneAndRecentOnesKept() {
        CallingSetup setup = CallingSetup.create(this);
        String org = jdbc.sql("SELECT organization_id FROM campaigns WHERE id = :c")
                .param("c", setup.campaignId)
                .query(String.class)
                .single();
        jdbc.sql("INSERT INTO webhook_endpoints (organization_id, id, url, events, secret)"
                        + " VALUES (:o, 'whe_purge', 'https://example.com/hook', ARRAY['call.completed'], 'secret')")
                .param("o", org)
                .update();
        delivery(org, "msg_old", "31 days", "NULL");
        delivery(org, "msg_recent", "29 days", "NULL");
        delivery(org, "msg_old_being_attempted", "31 days", "now() + interval '1 minute'");
        initiation(org, setup.campaignId, "ini_old", "key-old", "25 hours", "completed");
        initiation(org, setup.campaignId, "ini_recent", "key-recent", "23 hours", "completed");
        initiation(org, setup.campaignId, "ini_old_running", "key-running", "25 hours", "running");

        purge.run();

        assertThat(jdbc.sql("SELECT id FROM webhook_deliveries WHERE organization_id = :o ORDER BY id")
                        .param("o", org)
                        .query(String.class)
                        .list())
                .containsExactly("msg_old_being_attempted", "msg_recent");
        assertThat(jdbc.sql("SELECT delivery_id FROM webhook_delivery_attempts WHERE organization_id = :o"
                                + " ORDER BY delivery_id")
                        .param("o", org)
                        .query(String.class)
                        .list())
                .containsExactly("msg_old_being_attempted", "msg_recent");
        assertThat(jdbc.sql("SELECT id || '=' || coalesce(idempotency_key, '-') FROM initiations"
                                + " WHERE organization_id = :o ORDER BY id")
                        .param("o", org)
                        .query(String.class)
                        .list())
                .containsExactly("ini_old=-", "ini_old_running=key-running", "ini_recent=key-recent");
        assertThat(metrics.get("agentcalls.retention.purged")
                        .tag("what", "webhook_deliveries")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("agentcalls.retention.purged")
                        .tag("what", "idempotency_keys")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1);
    }

    private void delivery(String org, String id, String age, String claimedUntil) {
        jdbc.sql("INSERT INTO webhook_deliveries (organization_id, id, endpoint_id, event_type, payload, status,"
                        + " claimed_until, created_at) VALUES (:o, :id, 'whe_purge', 'call.completed', '{}',"
                        + " 'delivered', " + claimedUntil + ", now() - CAST(:age AS interval))")
                .param("o", org)
                .param("id", id)
                .param("age", age)
                .update();
        jdbc.sql("INSERT INTO webhook_delivery_attempts (organization_id, delivery_id, id, attempted_at, duration_ms)"
                        + " VALUES (:o, :id, :id || '_1', now() - CAST(:age AS interval), 5)")
                .param("o", org)
                .param("id", id)
                .param("age", age)
                .update();
    }

    private void initiation(String org, String campaignId, String id, String key, String age, String state) {
        jdbc.sql("INSERT INTO initiations (organization_id, id, campaign_id, idempotency_key, request, state,"
                        + " created_at) VALUES (:o, :id, :c, :key, '{}', :state, now() - CAST(:age AS interval))")
                .param("o", org)
                .param("id", id)
                .param("c", campaignId)
                .param("key", key)
                .param("state", state)
                .param("age", age)
                .update();
    }
}
