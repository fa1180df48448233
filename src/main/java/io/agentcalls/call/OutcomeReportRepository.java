package io.agentcalls.call;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outcome screen's aggregates over the calls of one campaign that ended in a period, read along
 * {@code calls_retry_due} (organization, campaign, ended_at). Payment status and language are the
 * customer's now, read with the call as the call history does.
 */
@Repository
class OutcomeReportRepository {

    private static final String ENDED = """
            k.organization_id = :organizationId AND k.campaign_id = :campaignId
            AND k.ended_at >= :from AND k.ended_at < :to
            AND k.status NOT IN ('cancelled', 'failed_to_initiate', 'queued', 'initiated', 'ringing', 'in_progress')
            """;
    private static final String BY_SEGMENT = """
            SELECT coalesce(c.payment_status, 'unset') AS payment_status, coalesce(c.language, 'unset') AS language,
                   CASE WHEN k.disposition_code IS NULL THEN 'none'
                        WHEN d.category = 'positive' THEN 'promise'
                        WHEN d.category = 'callback' THEN 'callback'
                        WHEN upper(k.disposition_code) IN ('WRONG_NUMBER', 'WN') THEN 'wrong_number'
                        WHEN d.category = 'negative' THEN 'refusal'
                        ELSE 'other' END AS outcome,
                   count(*) AS calls, sum(try_numeric(k.disposition_data ->> 'ptp_amount')) AS amount
            FROM calls k
            LEFT JOIN customers c ON c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id
                AND c.id = k.customer_id
            LEFT JOIN disposition_codes d ON d.organization_id = k.organization_id
                AND d.disposition_set_id = k.disposition_set_id AND d.code = k.disposition_code
            WHERE\s""" + ENDED + """
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            """;
    // contacted as campaign stats count it (docs/CALLS.md): completed, or answered before it ended
    private static final String BY_HOUR = """
            SELECT extract(hour FROM coalesce(k.initiated_at, k.ended_at) AT TIME ZONE CAST(:zone AS text))::int AS hour,
                   count(*) AS placed,
                   count(*) FILTER (WHERE k.status = 'completed' OR k.in_progress_at IS NOT NULL) AS answered
            FROM calls k
            WHERE\s""" + ENDED + """
            GROUP BY 1
            ORDER BY 1
            """;

    private final JdbcClient jdbc;

    OutcomeReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OutcomeReport.Row> segments(String organizationId, String campaignId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(BY_SEGMENT)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new OutcomeReport.Row(
                        rs.getString("payment_status"),
                        rs.getString("language"),
                        rs.getString("outcome"),
                        rs.getLong("calls"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    List<OutcomeReport.Hour> hours(
            String organizationId, String campaignId, OffsetDateTime from, OffsetDateTime to, String zone) {
        return jdbc.sql(BY_HOUR)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("from", from)
                .param("to", to)
                .param("zone", zone)
                .query((rs, n) ->
                        new OutcomeReport.Hour(rs.getInt("hour"), rs.getLong("placed"), rs.getLong("answered")))
                .list();
    }
}
