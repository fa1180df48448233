package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer side of campaign stats: customers by payment status. The calls' side, grouped by
 * status and disposition, is read from their tallies ({@link CallTallyRepository}); every call
 * figure is summed from those groups (docs/CALLS.md defines them).
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
}
