package io.agentcalls.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign's call rows as the tests look at them, read with SQL. */
public final class CampaignCalls {

    private final JdbcClient jdbc;
    private final String campaignId;

    public CampaignCalls(JdbcClient jdbc, String campaignId) {
        this.jdbc = jdbc;
        this.campaignId = campaignId;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM calls WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(Long.class)
                .single();
    }

    /** How many customers have a call. */
    public long customerCount() {
        return jdbc.sql("SELECT count(DISTINCT customer_id) FROM calls WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(Long.class)
                .single();
    }

    /** The customer of every call, in no particular order. */
    public List<String> customers() {
        return jdbc.sql("SELECT customer_id FROM calls WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(String.class)
                .list();
    }

    /** How many calls have each status, by status. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM calls WHERE campaign_id = :c GROUP BY status ORDER BY status")
                .param("c", campaignId)
                .query(rs -> {
                    statuses.put(rs.getString("status"), rs.getLong("n"));
                });
        return statuses;
    }

    /** Each customer's call status (for campaigns with one call per customer), by customer id. */
    public Map<String, String> statusByCustomer() {
        Map<String, String> statuses = new TreeMap<>();
        jdbc.sql("SELECT customer_id, status FROM calls WHERE campaign_id = :c")
                .param("c", campaignId)
                .query(rs -> {
                    statuses.put(rs.getString(1), rs.getString(2));
                });
        return statuses;
    }

    public String failureReason(String customerId) {
        return jdbc.sql("SELECT failure_reason FROM calls WHERE campaign_id = :c AND customer_id = :customer")
                .param("c", campaignId)
                .param("customer", customerId)
                .query(String.class)
                .single();
    }
}
