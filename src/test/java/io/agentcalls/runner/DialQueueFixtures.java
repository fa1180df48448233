package io.agentcalls.runner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls already in the built-in runner's queue, written in bulk. Tests dial them at times of their
 * own, years before the real clock, so calls other test classes left queued (due at the real time)
 * never take part.
 */
final class DialQueueFixtures {

    /** A Friday, 11:30 in Asia/Kolkata: inside the default 08:00-19:00 window. */
    static final Instant T0 = Instant.parse("2020-01-10T06:00:00Z");

    private static final AtomicLong PHONES = new AtomicLong(7_000_000_000L + (System.nanoTime() % 1_000_000L) * 1000);

    private final JdbcClient jdbc;

    DialQueueFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code count} initiated calls waiting since {@code T0} from {@code fromNumber}, each to a phone of its own. */
    List<String> waiting(String org, String campaign, String set, String fromNumber, int count) {
        long firstPhone = PHONES.getAndAdd(count);
        String prefix = "W" + Long.toString(firstPhone, 36) + "-";
        jdbc.sql("""
                        INSERT INTO customers (organization_id, campaign_id, id, name, phone)
                        SELECT :org, :campaign, :prefix || g, 'Asha', '+91' || (:firstPhone + g)
                        FROM generate_series(0, :count - 1) g
                        """)
                .param("org", org)
                .param("campaign", campaign)
                .param("prefix", prefix)
                .param("firstPhone", firstPhone)
                .param("count", count)
                .update();
        return jdbc.sql("""
                        INSERT INTO calls (organization_id, id, campaign_id, customer_id, batch, agent_id,
                                           disposition_set_id, from_number, to_phone, status, initiated_at,
                                           dial_state, dial_after, expires_at, queued_at, created_at)
                        SELECT :org, new_id('call'), :campaign, :prefix || g, 1, 'agt_test', :set, :from,
                               '+91' || (:firstPhone + g), 'initiated', :t0, 'waiting', :t0,
                               :t0 + interval '24 hours', :t0, :t0
                        FROM generate_series(0, :count - 1) g
                        RETURNING id
                        """)
                .param("org", org)
                .param("campaign", campaign)
                .param("prefix", prefix)
                .param("firstPhone", firstPhone)
                .param("count", count)
                .param("set", set)
                .param("from", fromNumber)
                .param("t0", T0.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
    }

    String dialState(String callId) {
        return jdbc.sql("SELECT coalesce(dial_state, '-') FROM calls WHERE id = :id")
                .param("id", callId)
                .query(String.class)
                .single();
    }

    OffsetDateTime scheduledFor(String callId) {
        return jdbc.sql("SELECT scheduled_for FROM calls WHERE id = :id")
                .param("id", callId)
                .query(OffsetDateTime.class)
                .single();
    }

    String failureReason(String callId) {
        return jdbc.sql("SELECT failure_reason FROM calls WHERE id = :id")
                .param("id", callId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void campaignLimit(String org, String campaign, Integer maxConcurrentCalls) {
        jdbc.sql("UPDATE campaigns SET max_concurrent_calls = :max WHERE organization_id = :org AND id = :id")
                .param("max", maxConcurrentCalls)
                .param("org", org)
                .param("id", campaign)
                .update();
    }
}
