package io.agentcalls.initiation.selection;

import static io.agentcalls.initiation.selection.SkipReason.ACTIVE_CALL;
import static io.agentcalls.initiation.selection.SkipReason.ATTEMPT_LIMIT;
import static io.agentcalls.initiation.selection.SkipReason.CONTACT_POLICY;
import static io.agentcalls.initiation.selection.SkipReason.DO_NOT_CALL;
import static io.agentcalls.initiation.selection.SkipReason.OUTSIDE_CALLING_WINDOW;

import io.agentcalls.call.CallService;
import io.agentcalls.call.QueuedCalls;
import io.agentcalls.common.LeaseProperties;
import io.agentcalls.common.NodeIdentity;
import io.agentcalls.common.SqlPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs the main job's one set-based statement ({@link SelectionStatements}): filter the campaign's
 * customers, classify each against the safeguards, order and limit the eligible ones, and insert
 * their {@code queued} call rows, counting everything on the way. The partial unique indexes on
 * active calls guard the insert, so concurrent requests on any number of nodes can never call a
 * customer or a phone twice: a request that loses such a race fails as a whole with a unique
 * violation, and the service runs it again, when the safeguards see the winner's calls. (A plain
 * INSERT: ON CONFLICT DO NOTHING would absorb the race in place, but its speculative insertion costs
 * more per row; docs/PERFORMANCE.md, the second round, 5.)
 */
@Repository
public class CustomerSelection {

    public static final int BATCH_SIZE = 500;

    /**
     * Whether each kind of probe can find anything at all ({@link SafeguardProbes}). Each is one index
     * descent, whatever the statistics say: the organization and campaign come in through a subquery
     * (OFFSET 0 keeps them parameters, so an organization newer than the statistics is not taken for
     * one with a single call, which let the planner read all of an organization's calls through any
     * index led by it), and each probe is ordered by its index's keys with LIMIT 1 (an EXISTS would
     * drop both, and the planner then chose to scan the table for a first row it thought common and
     * that was not there; docs/PERFORMANCE.md, the second round, 8).
     */
    private static final String PROBES_NEEDED = """
            SELECT (SELECT 1 FROM calls k
                    WHERE k.organization_id = p.organization_id AND k.campaign_id = p.campaign_id
                    ORDER BY k.organization_id, k.campaign_id, k.customer_id LIMIT 1) IS NOT NULL
                       AS campaign_has_calls,
                   (SELECT 1 FROM calls k WHERE k.organization_id = p.organization_id AND k.active
                    ORDER BY k.organization_id, k.to_phone LIMIT 1) IS NOT NULL
                       AS organization_has_active_calls,
                   (SELECT 1 FROM do_not_call d WHERE d.organization_id = p.organization_id
                    ORDER BY d.organization_id, d.phone LIMIT 1) IS NOT NULL
                       AS organization_has_do_not_call,
                   (SELECT 1 FROM calls k WHERE k.organization_id = p.organization_id
                    ORDER BY k.organization_id, k.to_phone, k.created_at LIMIT 1) IS NOT NULL
                       AS organization_has_calls
            FROM (SELECT CAST(:organizationId AS text) AS organization_id, CAST(:campaignId AS text) AS campaign_id
                  OFFSET 0) p
            """;

    /**
     * Plan the statement for its own values every time. After five runs PostgreSQL may settle on a
     * generic plan for the prepared statement, blind to the campaign's size and the filter's
     * selectivity (docs/PERFORMANCE.md, the second round, 8).
     */
    private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /**
     * The calls are born leased to this node, in their transaction: if the node dies before the
     * runner has them all, recovery finds the initiation once the lease runs out. Taken after the
     * insert, from the clock rather than the transaction's start, so a selection of a million
     * customers that takes longer than the lease commits with a whole lease ahead of it; and not
     * in the insert statement, so the initiation's row is not locked (and the node's heartbeat not
     * blocked on it) for as long as the insert runs.
     */
    private static final String LEASE_CALLS = """
            UPDATE initiations SET dispatch_by = :holder, dispatch_until = clock_timestamp() + CAST(:lease AS interval)
            WHERE organization_id = :organizationId AND id = :initiationId
            """;

    private final JdbcClient jdbc;
    private final CallService calls;
    /** The initiation is leased to this node with its rows, so dispatching them needs no claim. */
    private final LeaseProperties lease;

    private final NodeIdentity node;

    CustomerSelection(JdbcClient jdbc, CallService calls, LeaseProperties lease, NodeIdentity node) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.lease = lease;
        this.node = node;
    }

    /** The statement's text and parameters, ready to run (or to explain). */
    record Statement(String sql, Map<String, Object> parameters) {}

    /** Runs the statement in the caller's transaction; without a call template (dry run) it only counts. */
    public SelectionCounts run(SelectionQuery query) {
        // in the caller's transaction, so a race with a concurrent initiation ends on the unique
        // indexes and runs again, with its probes, like any other
        Statement statement = statement(query, probesNeeded(query));
        jdbc.sql(CUSTOM_PLANS).update();
        SelectionCounts counts = jdbc.sql(statement.sql())
                .params(statement.parameters())
                .query((rs, row) -> counts(rs, query.requiredVariables()))
                .single();
        if (query.writes()) {
            jdbc.sql(LEASE_CALLS)
                    .param("holder", node.id())
                    .param("lease", lease.expiryInterval())
                    .param("organizationId", query.organizationId())
                    .param("initiationId", query.calls().initiationId())
                    .update();
        }
        return counts;
    }

    SafeguardProbes probesNeeded(SelectionQuery query) {
        return jdbc.sql(PROBES_NEEDED)
                .param("organizationId", query.organizationId())
                .param("campaignId", query.campaignId())
                .query((rs, row) -> new SafeguardProbes(
                        rs.getBoolean("campaign_has_calls"),
                        rs.getBoolean("organization_has_active_calls"),
                        rs.getBoolean("organization_has_do_not_call"),
                        rs.getBoolean("organization_has_calls")))
                .single();
    }

    Statement statement(SelectionQuery query, SafeguardProbes probes) {
        Map<String, Object> parameters = new LinkedHashMap<>(query.filter().parameters());
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("filter", query.filter().condition());
        parts.put("probes", probes.joins());
        parts.put(
                "missingFlags",
                MissingVariables.flags(query.requiredVariables(), query.customFieldNames(), parameters));
        String statement;
        if (query.writes()) {
            statement = SelectionStatements.WRITE;
            SqlPart insert = calls.queuedCallsInsert(queuedCalls(query));
            parts.put("insertQueuedCalls", insert.sql());
            insert.parameters().forEach((name, value) -> bind(parameters, name, value));
        } else if (query.limit() == null) {
            statement = SelectionStatements.DRY_RUN_COUNT;
        } else {
            statement = SelectionStatements.LIMITED_DRY_RUN;
        }
        String selectedCondition =
                statement == SelectionStatements.DRY_RUN_COUNT ? "skip = " + SkipReason.NONE + " AND " : "";
        parts.put(
                "missingCounts",
                MissingVariables.counts(query.requiredVariables().size(), selectedCondition));
        var safeguards = query.safeguards();
        parameters.put("organizationId", query.organizationId());
        parameters.put("campaignId", query.campaignId());
        parameters.put("campaignTimezone", safeguards.campaignTimezone());
        parameters.put("windowStart", safeguards.windowStart());
        parameters.put("windowEnd", safeguards.windowEnd());
        parameters.put(
                "firstDay",
                safeguards.firstDay() == null
                        ? "-infinity"
                        : safeguards.firstDay().toString());
        parameters.put(
                "lastDay",
                safeguards.lastDay() == null ? "infinity" : safeguards.lastDay().toString());
        parameters.put("maxPerDay", safeguards.maxAttemptsPerDay());
        parameters.put("windowAt", query.windowAt() == null ? java.time.OffsetDateTime.now() : query.windowAt());
        parameters.put("maxPerWeek", safeguards.maxAttemptsPerWeek());
        parameters.put("contactPerDay", safeguards.contactPolicy().maxAttemptsPerDay());
        parameters.put("contactPerWeek", safeguards.contactPolicy().maxAttemptsPerWeek());
        parameters.put(
                "limit", query.limit() == null ? Long.MAX_VALUE : query.limit().longValue());
        if (query.writes()) {
            bind(parameters, "initiationId", query.calls().initiationId());
            bind(parameters, "batchSize", BATCH_SIZE);
        }
        return new Statement(SelectionStatements.fill(statement, parts), parameters);
    }

    private static QueuedCalls queuedCalls(SelectionQuery query) {
        SelectionQuery.CallTemplate template = query.calls();
        return new QueuedCalls(
                query.organizationId(),
                query.campaignId(),
                template.initiationId(),
                template.agentId(),
                template.dispositionSetId(),
                template.fromNumbers(),
                template.attempts(),
                BATCH_SIZE,
                template.startAt());
    }

    /** Binds a parameter the statement and the call module's insert may share, to one value. */
    private static void bind(Map<String, Object> parameters, String name, Object value) {
        Object bound = parameters.putIfAbsent(name, value);
        if (bound != null && !bound.equals(value)) {
            throw new IllegalStateException("Parameter " + name + " bound twice to different values");
        }
    }

    private static SelectionCounts counts(ResultSet rs, List<String> requiredVariables) throws SQLException {
        long selected = rs.getLong("selected");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < requiredVariables.size(); i++) {
            if (selected > 0 && rs.getLong("missing_" + i) > 0) {
                missing.add(requiredVariables.get(i));
            }
        }
        return new SelectionCounts(
                rs.getLong("total_matched"),
                new SkipCounts(
                        rs.getLong(ACTIVE_CALL.column()),
                        rs.getLong(DO_NOT_CALL.column()),
                        rs.getLong(ATTEMPT_LIMIT.column()),
                        rs.getLong(OUTSIDE_CALLING_WINDOW.column()),
                        rs.getLong(CONTACT_POLICY.column())),
                rs.getLong("eligible"),
                selected,
                rs.getLong("inserted"),
                rs.getInt("batches"),
                missing);
    }
}
