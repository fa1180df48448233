package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aggregate queries behind campaign stats: customers by payment status, and one pass over the
 * campaign's calls grouped by status and disposition, from which every call figure is summed
 * (docs/CALLS.md defines them). One pass, because reading the rows is the cost.
 */
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
    private static final String CALL_GROUPS = """
            WITH grouped AS (
                SELECT status, disposition_set_id, disposition_code, count(*) AS calls,
                       count(*) FILTER (WHERE in_progress_at IS NOT NULL) AS answered,
                       sum(try_numeric(disposition_data ->> 'ptp_amount')) AS ptp_amount
                FROM calls
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                GROUP BY status, disposition_set_id, disposition_code)
            SELECT g.status, g.disposition_code, d.label, d.category, g.calls, g.answered, g.ptp_amount
            FROM grouped g
            LEFT JOIN disposition_codes d ON d.organization_id = :organizationId
                AND d.disposition_set_id = g.disposition_set_id AND d.code = g.disposition_code
            """;

    private final JdbcClient jdbc;

    CampaignStatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Count(String key, long count) {}

    /**
     * Calls of one status and disposition code.
     *
     * @param answered how many of them reached in_progress
     * @param ptpAmount the sum of their disposition data's ptp_amount (null if none has one)
     */
    record CallGroup(
            CallStatus status,
            String code,
            String label,
            String category,
            long calls,
            long answered,
            BigDecimal ptpAmount) {}

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

    List<CallGroup> callGroups(String organizationId, String campaignId) {
        return jdbc.sql(CALL_GROUPS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> new CallGroup(
                        CallStatus.parse(rs.getString("status")).orElseThrow(),
                        rs.getString("disposition_code"),
                        rs.getString("label"),
                        rs.getString("category"),
                        rs.getLong("calls"),
                        rs.getLong("answered"),
                        rs.getBigDecimal("ptp_amount")))
                .list();
    }
}
