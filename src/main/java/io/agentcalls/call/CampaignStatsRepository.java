package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate queries behind campaign stats: one pass each, grouped in SQL. */
@Repository
class CampaignStatsRepository {

    private static final String CAMPAIGN_EXISTS = """
            SELECT count(*) FROM campaigns WHERE organization_id = :organizationId AND id = :campaignId
            """;
    private static final String CUSTOMERS_BY_PAYMENT_STATUS = """
            SELECT payment_status, count(*) AS customers FROM customers
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
            GROUP BY payment_status
            """;
    // contacted: answered (reached in_progress) or reported completed
    private static final String CALLS_BY_STATUS = """
            SELECT status, count(*) AS calls,
                   count(*) FILTER (WHERE in_progress_at IS NOT NULL OR status = 'completed') AS contacted
            FROM calls
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
            GROUP BY status
            """;
    private static final String OUTCOMES = """
            SELECT c.disposition_code AS code, d.label, count(*) AS calls,
                   sum(try_numeric(c.disposition_data ->> 'ptp_amount')) FILTER (WHERE d.category = 'positive')
                       AS promised
            FROM calls c
            LEFT JOIN disposition_codes d ON d.organization_id = c.organization_id
                AND d.disposition_set_id = c.disposition_set_id AND d.code = c.disposition_code
            WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId
              AND c.disposition_code IS NOT NULL
            GROUP BY c.disposition_code, d.label
            ORDER BY count(*) DESC, c.disposition_code, d.label
            """;

    private final JdbcClient jdbc;

    CampaignStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Count(String key, long count) {}

    record StatusCount(String status, long calls, long contacted) {}

    record OutcomeRow(String code, String label, long calls, BigDecimal promised) {}

    boolean campaignExists(String organizationId, String campaignId) {
        return jdbc.sql(CAMPAIGN_EXISTS)
                        .param("organizationId", organizationId)
                        .param("campaignId", campaignId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Count> customersByPaymentStatus(String organizationId, String campaignId) {
        return jdbc.sql(CUSTOMERS_BY_PAYMENT_STATUS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> new Count(rs.getString("payment_status"), rs.getLong("customers")))
                .list();
    }

    List<StatusCount> callsByStatus(String organizationId, String campaignId) {
        return jdbc.sql(CALLS_BY_STATUS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> new StatusCount(rs.getString("status"), rs.getLong("calls"), rs.getLong("contacted")))
                .list();
    }

    List<OutcomeRow> outcomes(String organizationId, String campaignId) {
        return jdbc.sql(OUTCOMES)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> new OutcomeRow(
                        rs.getString("code"), rs.getString("label"), rs.getLong("calls"), rs.getBigDecimal("promised")))
                .list();
    }
}
