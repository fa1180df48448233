package io.agentcalls.call;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts an initiation's calls by outcome, through calls_by_initiation_batch. */
@Repository
class InitiationTallyRepository {

    private static final String TOTALS = """
            SELECT count(*) AS calls,
                   count(*) FILTER (WHERE initiated_at IS NOT NULL
                                       OR status NOT IN ('queued', 'failed_to_initiate', 'cancelled')) AS initiated,
                   count(*) FILTER (WHERE status = 'failed_to_initiate') AS failed,
                   count(DISTINCT batch) AS batches
            FROM calls
            WHERE organization_id = :organizationId AND initiation_id = :initiationId
            """;
    private static final String FAILURES = """
            SELECT batch, coalesce(failure_reason, 'Call initiation failed') AS reason, count(*) AS calls
            FROM calls
            WHERE organization_id = :organizationId AND initiation_id = :initiationId AND status = 'failed_to_initiate'
            GROUP BY batch, failure_reason
            ORDER BY batch, failure_reason
            """;

    private final JdbcClient jdbc;

    InitiationTallyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    InitiationTally tally(String organizationId, String initiationId) {
        List<InitiationTally.BatchFailure> failures = jdbc.sql(FAILURES)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .query((rs, n) -> new InitiationTally.BatchFailure(
                        rs.getInt("batch"), rs.getString("reason"), rs.getLong("calls")))
                .list();
        return jdbc.sql(TOTALS)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .query((rs, n) -> new InitiationTally(
                        rs.getLong("calls"),
                        rs.getLong("initiated"),
                        rs.getLong("failed"),
                        rs.getInt("batches"),
                        failures))
                .single();
    }
}
