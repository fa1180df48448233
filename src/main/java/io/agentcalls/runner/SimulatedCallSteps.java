package io.agentcalls.runner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The simulated runner's playback queue (table simulated_call_steps): one row per accepted call,
 * at the step it waits for. Shared by all nodes: claims are FOR UPDATE SKIP LOCKED.
 */
@Repository
class SimulatedCallSteps {

    /** Serializes starting calls across nodes, so a number's line limit holds exactly. */
    static final long DIAL_LOCK = 0x5349_4d44_4941_4cL;

    private static final String INSERT = """
            INSERT INTO simulated_call_steps (organization_id, call_id, from_number, max_concurrent_calls, step, due_at, plan)
            SELECT :organizationId, u.call_id, u.from_number, u.max_lines, 'dial',
                   now() + u.delay_ms * interval '1 millisecond', CAST(u.plan AS jsonb)
            FROM unnest(CAST(:callIds AS text[]), CAST(:fromNumbers AS text[]), CAST(:maxLines AS integer[]),
                        CAST(:delays AS bigint[]), CAST(:plans AS text[]))
                 AS u(call_id, from_number, max_lines, delay_ms, plan)
            ON CONFLICT (organization_id, call_id) DO NOTHING
            """;
    private static final String TRY_DIAL_LOCK = "SELECT pg_try_advisory_xact_lock(:key)";
    private static final String CLAIM_DUE = """
            SELECT organization_id, call_id, from_number, max_concurrent_calls, plan FROM simulated_call_steps
            WHERE step = :step AND due_at <= now()
            ORDER BY due_at LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    private static final String LINES_IN_USE = """
            SELECT s.organization_id, s.from_number, count(*) AS lines FROM simulated_call_steps s
            JOIN unnest(CAST(:organizationIds AS text[]), CAST(:fromNumbers AS text[])) AS n(organization_id, from_number)
              ON s.organization_id = n.organization_id AND s.from_number = n.from_number
            WHERE s.step <> 'dial'
            GROUP BY s.organization_id, s.from_number
            """;
    private static final String MOVE = """
            UPDATE simulated_call_steps s SET step = u.step, due_at = now() + u.delay_ms * interval '1 millisecond'
            FROM unnest(CAST(:organizationIds AS text[]), CAST(:callIds AS text[]), CAST(:steps AS text[]),
                        CAST(:delays AS bigint[])) AS u(organization_id, call_id, step, delay_ms)
            WHERE s.organization_id = u.organization_id AND s.call_id = u.call_id
            """;
    private static final String DELETE = """
            DELETE FROM simulated_call_steps s
            USING unnest(CAST(:organizationIds AS text[]), CAST(:callIds AS text[])) AS u(organization_id, call_id)
            WHERE s.organization_id = u.organization_id AND s.call_id = u.call_id
            """;
    private static final String DELETE_CALLS = """
            DELETE FROM simulated_call_steps WHERE organization_id = :organizationId AND call_id = ANY(:callIds)
            """;

    record NewStep(String callId, String fromNumber, int maxLines, long delayMillis, String plan) {}

    record Step(String organizationId, String callId, String fromNumber, int maxLines, String plan) {}

    record Move(String organizationId, String callId, String step, long delayMillis) {}

    record Line(String organizationId, String fromNumber) {}

    private final JdbcClient jdbc;

    SimulatedCallSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String organizationId, List<NewStep> steps) {
        jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("callIds", steps.stream().map(NewStep::callId).toArray(String[]::new))
                .param("fromNumbers", steps.stream().map(NewStep::fromNumber).toArray(String[]::new))
                .param(
                        "maxLines",
                        steps.stream().map(s -> Integer.toString(s.maxLines())).toArray(String[]::new))
                .param(
                        "delays",
                        steps.stream().map(s -> Long.toString(s.delayMillis())).toArray(String[]::new))
                .param("plans", steps.stream().map(NewStep::plan).toArray(String[]::new))
                .update();
    }

    boolean tryDialLock() {
        return jdbc.sql(TRY_DIAL_LOCK)
                .param("key", DIAL_LOCK)
                .query(Boolean.class)
                .single();
    }

    List<Step> claimDue(String step, int limit) {
        return jdbc.sql(CLAIM_DUE)
                .param("step", step)
                .param("limit", limit)
                .query((rs, n) -> new Step(
                        rs.getString("organization_id"),
                        rs.getString("call_id"),
                        rs.getString("from_number"),
                        rs.getInt("max_concurrent_calls"),
                        rs.getString("plan")))
                .list();
    }

    Map<Line, Integer> linesInUse(List<Line> lines) {
        Map<Line, Integer> inUse = new HashMap<>();
        jdbc.sql(LINES_IN_USE)
                .param(
                        "organizationIds",
                        lines.stream().map(Line::organizationId).toArray(String[]::new))
                .param("fromNumbers", lines.stream().map(Line::fromNumber).toArray(String[]::new))
                .query(rs -> {
                    inUse.put(
                            new Line(rs.getString("organization_id"), rs.getString("from_number")), rs.getInt("lines"));
                });
        return inUse;
    }

    void move(List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql(MOVE)
                .param(
                        "organizationIds",
                        moves.stream().map(Move::organizationId).toArray(String[]::new))
                .param("callIds", moves.stream().map(Move::callId).toArray(String[]::new))
                .param("steps", moves.stream().map(Move::step).toArray(String[]::new))
                .param(
                        "delays",
                        moves.stream().map(m -> Long.toString(m.delayMillis())).toArray(String[]::new))
                .update();
    }

    void delete(List<Step> done) {
        if (done.isEmpty()) {
            return;
        }
        jdbc.sql(DELETE)
                .param(
                        "organizationIds",
                        done.stream().map(Step::organizationId).toArray(String[]::new))
                .param("callIds", done.stream().map(Step::callId).toArray(String[]::new))
                .update();
    }

    int deleteCalls(String organizationId, List<String> callIds) {
        return jdbc.sql(DELETE_CALLS)
                .param("organizationId", organizationId)
                .param("callIds", callIds.toArray(String[]::new))
                .update();
    }
}
