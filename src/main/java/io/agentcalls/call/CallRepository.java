package io.agentcalls.call;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CallRepository {

    private static final String MARK_INITIATED = """
            UPDATE calls SET status = 'initiated', initiated_at = now(), updated_at = now(), claimed_until = NULL
            WHERE organization_id = :organizationId AND id = ANY(:ids) AND status = 'queued'
            """;
    private static final String MARK_FAILED_TO_INITIATE = """
            UPDATE calls k
            SET status = 'failed_to_initiate', failure_reason = f.reason, ended_at = now(), updated_at = now(),
                claimed_until = NULL
            FROM unnest(CAST(:ids AS text[]), CAST(:reasons AS text[])) AS f(id, reason)
            WHERE k.organization_id = :organizationId AND k.id = f.id AND k.status = 'queued'
            """;

    private final JdbcClient jdbc;

    CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int markInitiated(String organizationId, List<String> ids) {
        return jdbc.sql(MARK_INITIATED)
                .param("organizationId", organizationId)
                .param("ids", ids.toArray(String[]::new))
                .update();
    }

    int markFailedToInitiate(String organizationId, List<CallService.FailedCall> failed) {
        return jdbc.sql(MARK_FAILED_TO_INITIATE)
                .param("organizationId", organizationId)
                .param(
                        "ids",
                        failed.stream().map(CallService.FailedCall::callId).toArray(String[]::new))
                .param(
                        "reasons",
                        failed.stream().map(CallService.FailedCall::reason).toArray(String[]::new))
                .update();
    }
}
