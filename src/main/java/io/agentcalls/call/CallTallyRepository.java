package io.agentcalls.call;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The campaign tallies kept by the calls' triggers (V160, docs/decisions/0017-call-tallies.md): the
 * fold of their deltas, and the reads, each of which sums a tally and the deltas not folded yet in
 * one statement, so it counts every committed call exactly once whether or not the fold has run.
 */
@Repository
class CallTallyRepository {

    // one fold at a time across nodes: two would wait on each other's counter rows
    private static final String TRY_FOLD_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";
    private static final long FOLD_LOCK_KEY = 0x5441_4c4c_59L; // "TALLY"

    private static final String FOLD = """
            WITH moved AS (
                DELETE FROM call_tally_deltas
                WHERE id IN (SELECT id FROM call_tally_deltas ORDER BY id LIMIT :batchSize)
                RETURNING *
            ),
            statuses AS (
                INSERT INTO call_status_tallies AS t (organization_id, campaign_id, status, disposition_set_id,
                                                      disposition_code, calls, answered, ptp_calls, ptp_amount)
                SELECT organization_id, campaign_id, status, disposition_set_id, disposition_code,
                       sum(calls), sum(answered), sum(ptp_calls), sum(ptp_amount)
                FROM moved
                GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT (organization_id, campaign_id, status, disposition_set_id, disposition_code) DO UPDATE
                SET calls = t.calls + excluded.calls, answered = t.answered + excluded.answered,
                    ptp_calls = t.ptp_calls + excluded.ptp_calls, ptp_amount = t.ptp_amount + excluded.ptp_amount
            ),
            hours AS (
                INSERT INTO call_hour_tallies AS t (organization_id, campaign_id, local_hour, calls, contacted)
                SELECT organization_id, campaign_id, outcome_local_hour, sum(calls),
                       sum(CASE WHEN status = 'completed' THEN calls ELSE answered END)
                FROM moved
                WHERE outcome_local_hour IS NOT NULL
                GROUP BY 1, 2, 3
                ON CONFLICT (organization_id, campaign_id, local_hour) DO UPDATE
                SET calls = t.calls + excluded.calls, contacted = t.contacted + excluded.contacted
            ),
            segments AS (
                INSERT INTO call_segment_tallies AS t (organization_id, campaign_id, local_day, payment_status,
                                                       language, disposition_set_id, disposition_code, calls,
                                                       ptp_calls, ptp_amount)
                SELECT organization_id, campaign_id, CAST(outcome_local_hour AS date), outcome_payment_status,
                       outcome_language, disposition_set_id, disposition_code, sum(calls), sum(ptp_calls),
                       sum(ptp_amount)
                FROM moved
                WHERE outcome_local_hour IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6, 7
                ON CONFLICT (organization_id, campaign_id, local_day, payment_status, language, disposition_set_id,
                             disposition_code) DO UPDATE
                SET calls = t.calls + excluded.calls, ptp_calls = t.ptp_calls + excluded.ptp_calls,
                    ptp_amount = t.ptp_amount + excluded.ptp_amount
            )
            SELECT count(*) FROM moved
            """;

    // calls by status and disposition (CampaignStatsRepository.CallGroup), labelled from the codes
    private static final String STATUS_GROUPS = """
            WITH counted AS (
                SELECT status, disposition_set_id, disposition_code, calls, answered, ptp_calls, ptp_amount
                FROM call_status_tallies
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                UNION ALL
                SELECT status, disposition_set_id, disposition_code, calls, answered, ptp_calls, ptp_amount
                FROM call_tally_deltas
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
            ),
            grouped AS (
                SELECT status, disposition_set_id, disposition_code, sum(calls) AS calls, sum(answered) AS answered,
                       CASE WHEN sum(ptp_calls) > 0 THEN sum(ptp_amount) END AS ptp_amount
                FROM counted
                GROUP BY 1, 2, 3
                HAVING sum(calls) <> 0
            )
            SELECT g.status, nullif(g.disposition_code, '') AS disposition_code, d.label, d.category, g.calls,
                   g.answered, g.ptp_amount
            FROM grouped g
            LEFT JOIN disposition_codes d ON d.organization_id = :organizationId
                AND d.disposition_set_id = g.disposition_set_id AND d.code = g.disposition_code
            """;

    private static final String OUTCOME_SEGMENTS = """
            WITH counted AS (
                SELECT payment_status, language, disposition_set_id, disposition_code, calls, ptp_calls, ptp_amount
                FROM call_segment_tallies
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                  AND local_day >= :firstDay AND local_day <= :lastDay
                UNION ALL
                SELECT outcome_payment_status, outcome_language, disposition_set_id, disposition_code, calls,
                       ptp_calls, ptp_amount
                FROM call_tally_deltas
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                  AND outcome_local_hour >= :firstDay AND outcome_local_hour < CAST(:lastDay AS date) + 1
            ),
            grouped AS (
                SELECT payment_status, language, disposition_set_id, disposition_code, sum(calls) AS calls,
                       sum(ptp_calls) AS ptp_calls, sum(ptp_amount) AS ptp_amount
                FROM counted
                GROUP BY 1, 2, 3, 4
                HAVING sum(calls) <> 0
            )
            SELECT g.payment_status, g.language,
                   CASE WHEN g.disposition_code = '' THEN 'none'
                        WHEN d.category = 'positive' THEN 'promise'
                        WHEN d.category = 'callback' THEN 'callback'
                        WHEN upper(g.disposition_code) IN ('WRONG_NUMBER', 'WN') THEN 'wrong_number'
                        WHEN d.category = 'negative' THEN 'refusal'
                        ELSE 'other' END AS outcome,
                   sum(g.calls) AS calls, CASE WHEN sum(g.ptp_calls) > 0 THEN sum(g.ptp_amount) END AS amount
            FROM grouped g
            LEFT JOIN disposition_codes d ON d.organization_id = :organizationId
                AND d.disposition_set_id = g.disposition_set_id AND d.code = g.disposition_code
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3
            """;

    private static final String OUTCOME_HOURS = """
            WITH counted AS (
                SELECT local_hour, calls, contacted
                FROM call_hour_tallies
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                  AND local_hour >= :firstDay AND local_hour < CAST(:lastDay AS date) + 1
                UNION ALL
                SELECT outcome_local_hour, calls, CASE WHEN status = 'completed' THEN calls ELSE answered END
                FROM call_tally_deltas
                WHERE organization_id = :organizationId AND campaign_id = :campaignId
                  AND outcome_local_hour >= :firstDay AND outcome_local_hour < CAST(:lastDay AS date) + 1
            )
            SELECT CAST(extract(hour FROM local_hour) AS integer) AS hour, sum(calls) AS placed,
                   sum(contacted) AS answered
            FROM counted
            GROUP BY 1
            HAVING sum(calls) <> 0
            ORDER BY 1
            """;

    // whether any call of the organization (or of one campaign) is in one of these statuses now
    private static final String ANY_IN_STATUSES = """
            SELECT coalesce(sum(calls), 0) > 0 FROM (
                SELECT calls FROM call_status_tallies
                WHERE organization_id = :organizationId AND (CAST(:campaignId AS text) IS NULL OR campaign_id = :campaignId)
                  AND status = ANY(:statuses)
                UNION ALL
                SELECT calls FROM call_tally_deltas
                WHERE organization_id = :organizationId AND (CAST(:campaignId AS text) IS NULL OR campaign_id = :campaignId)
                  AND status = ANY(:statuses)) counted
            """;

    private final JdbcClient jdbc;

    CallTallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the fold for this transaction; false when another node is folding now. */
    boolean tryFoldLock() {
        return Boolean.TRUE.equals(jdbc.sql(TRY_FOLD_LOCK)
                .param("key", FOLD_LOCK_KEY)
                .query(Boolean.class)
                .single());
    }

    /** Folds up to {@code batchSize} of the oldest deltas into the tallies; @return how many */
    int fold(int batchSize) {
        return jdbc.sql(FOLD).param("batchSize", batchSize).query(Integer.class).single();
    }

    boolean anyInStatuses(String organizationId, String campaignId, String[] statuses) {
        return Boolean.TRUE.equals(jdbc.sql(ANY_IN_STATUSES)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("statuses", statuses)
                .query(Boolean.class)
                .single());
    }

    List<CampaignStatsRepository.CallGroup> statusGroups(String organizationId, String campaignId) {
        return jdbc.sql(STATUS_GROUPS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> new CampaignStatsRepository.CallGroup(
                        CallStatus.parse(rs.getString("status")).orElseThrow(),
                        rs.getString("disposition_code"),
                        rs.getString("label"),
                        rs.getString("category"),
                        rs.getLong("calls"),
                        rs.getLong("answered"),
                        rs.getBigDecimal("ptp_amount")))
                .list();
    }

    /** The outcome rows of the calls placed on the days {@code firstDay} to {@code lastDay}, campaign's clock. */
    List<OutcomeReport.Row> segments(String organizationId, String campaignId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql(OUTCOME_SEGMENTS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("firstDay", firstDay)
                .param("lastDay", lastDay)
                .query((rs, n) -> new OutcomeReport.Row(
                        rs.getString("payment_status"),
                        rs.getString("language"),
                        rs.getString("outcome"),
                        rs.getLong("calls"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    List<OutcomeReport.Hour> hours(String organizationId, String campaignId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql(OUTCOME_HOURS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("firstDay", firstDay)
                .param("lastDay", lastDay)
                .query((rs, n) ->
                        new OutcomeReport.Hour(rs.getInt("hour"), rs.getLong("placed"), rs.getLong("answered")))
                .list();
    }
}
