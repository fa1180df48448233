package io.agentcalls.initiation.selection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The main job's one set-based statement: filter the campaign's customers, classify each against the
 * safeguards, order and limit the eligible ones, and insert their {@code queued} call rows, counting
 * everything on the way. The partial unique indexes on active calls guard the insert, so concurrent
 * requests on any number of nodes can never call a customer or a phone twice: a request that loses
 * such a race fails as a whole with a unique violation, and {@link InitiateCallsService} runs it
 * again, when the safeguards see the winner's calls. (A plain INSERT: ON CONFLICT DO NOTHING would
 * absorb the race in place, but its speculative insertion costs 40 % more per row; docs/PERFORMANCE.md.)
 */
@Repository
public class CustomerSelection {

    public static final int BATCH_SIZE = 500;

    private static final String CLASSIFY = """
            WITH matched AS NOT MATERIALIZED (
                -- only what the rest needs: the rows are materialized up to three times, a million at once
                SELECT c.organization_id, c.campaign_id, c.id, c.phone, c.emi_due_date,
                       coalesce(c.timezone, :campaignTimezone) AS tz %3$s
                FROM customers c
                WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (%s)
            ),
            safeguarded AS NOT MATERIALIZED (
                SELECT m.*,
                       CASE
                           WHEN ac.id IS NOT NULL OR ap.id IS NOT NULL THEN 1
                           WHEN d.phone IS NOT NULL THEN 2
                           WHEN coalesce(a.today, 0) >= :maxPerDay OR coalesce(a.this_week, 0) >= :maxPerWeek THEN 3
                           WHEN NOT in_calling_window((now() AT TIME ZONE m.tz)::time,
                                                      CAST(:windowStart AS time), CAST(:windowEnd AS time)) THEN 4
                           ELSE 0
                       END AS guard
                FROM matched m
                %4$s
            ),
            -- customers of a campaign may share a phone (two loans, one borrower): of those the safeguards
            -- let through, the first in the selection's order gets the call and the others are skipped as
            -- in an active call, which the unique index on active calls per phone would refuse anyway
            classified AS %2$s (
                SELECT s.*,
                       CASE WHEN s.guard = 0 AND row_number() OVER (
                                PARTITION BY s.guard, s.phone ORDER BY s.emi_due_date NULLS LAST, s.id) > 1
                            THEN 1 ELSE s.guard END AS skip
                FROM safeguarded s
            )""";

    // Every safeguard is one index probe per customer by the customer's own keys: linear whatever the
    // planner believes. Plain joins on constants let it judge an organization newer than its
    // statistics to have one call, and read all of them for every customer; on m's columns alone it
    // hashed every active call of every organization instead (seconds per 500 customers).
    private static final String ACTIVE_CALL_OF_CUSTOMER = """
            LEFT JOIN LATERAL (
                SELECT ac.id FROM calls ac
                WHERE ac.organization_id = m.organization_id AND ac.campaign_id = m.campaign_id
                  AND ac.customer_id = m.id AND ac.active
                LIMIT 1
            ) ac ON true""";
    private static final String ACTIVE_CALL_ON_PHONE = """
            LEFT JOIN LATERAL (
                SELECT ap.id FROM calls ap
                WHERE ap.organization_id = m.organization_id AND ap.to_phone = m.phone AND ap.active
                LIMIT 1
            ) ap ON true""";
    private static final String DO_NOT_CALL = """
            LEFT JOIN LATERAL (
                SELECT d.phone FROM do_not_call d WHERE d.organization_id = m.organization_id AND d.phone = m.phone
                LIMIT 1
            ) d ON true""";
    private static final String RECENT_ATTEMPTS = """
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE k.created_at >= date_trunc('day', now() AT TIME ZONE m.tz) AT TIME ZONE m.tz) AS today,
                       count(*) AS this_week
                FROM calls k
                WHERE k.organization_id = m.organization_id AND k.campaign_id = m.campaign_id AND k.customer_id = m.id
                  AND k.created_at >= (date_trunc('day', now() AT TIME ZONE m.tz) - interval '6 days') AT TIME ZONE m.tz
                  AND k.status <> 'failed_to_initiate'
            ) a ON true""";
    // What a probe answers when the precheck found nothing it could find.
    private static final String NO_ACTIVE_CALL_OF_CUSTOMER = "CROSS JOIN (SELECT CAST(NULL AS text) AS id) ac";
    private static final String NO_ACTIVE_CALL_ON_PHONE = "CROSS JOIN (SELECT CAST(NULL AS text) AS id) ap";
    private static final String NO_DO_NOT_CALL = "CROSS JOIN (SELECT CAST(NULL AS text) AS phone) d";
    private static final String NO_RECENT_ATTEMPTS =
            "CROSS JOIN (SELECT CAST(0 AS bigint) AS today, CAST(0 AS bigint) AS this_week) a";

    /**
     * Whether each kind of probe can find anything at all: a campaign's first initiation, in an
     * organization without active calls or a do-not-call list, needs none of them. Each is one index
     * descent, whatever the statistics say: the organization and campaign come in through a subquery
     * (OFFSET 0 keeps them parameters, so an organization newer than the statistics is not taken for
     * one with a single call, which let the planner read all of an organization's calls through any
     * index led by it), and each probe is ordered by its index's keys with LIMIT 1 (an EXISTS would
     * drop both, and the planner then chose to scan the table for a first row it thought common and
     * that was not there: a second per request).
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
                       AS organization_has_do_not_call
            FROM (SELECT CAST(:organizationId AS text) AS organization_id, CAST(:campaignId AS text) AS campaign_id
                  OFFSET 0) p
            """;

    /** The eligible customers in the selection's order, numbered, up to the limit. */
    private static final String SELECTED = """
            ,
            selected AS MATERIALIZED (
                SELECT cl.*, row_number() OVER (ORDER BY cl.emi_due_date NULLS LAST, cl.id) AS position
                FROM classified cl
                WHERE cl.skip = 0
                ORDER BY cl.emi_due_date NULLS LAST, cl.id
                LIMIT :limit
            )""";

    private static final String INSERT = """
            , inserted AS (
                INSERT INTO calls (organization_id, id, campaign_id, customer_id, initiation_id, batch, agent_id,
                                   disposition_set_id, from_number, to_phone, attempt)
                SELECT :organizationId, new_id('call'), :campaignId, s.id, :initiationId,
                       ((s.position - 1) / :batchSize) + 1, :agentId, :dispositionSetId,
                       (CAST(:fromNumbers AS text[]))[((s.position - 1) % :fromNumberCount) + 1], s.phone,
                       coalesce(n.attempt, 1)
                FROM selected s
                -- retries name each customer's attempt number; everyone else makes a first call
                LEFT JOIN unnest(CAST(:attemptCustomers AS text[]), CAST(:attemptNumbers AS integer[]))
                          AS n (customer_id, attempt) ON n.customer_id = s.id
                ORDER BY s.position
            ),
            -- the calls are born leased to their initiation, in the same transaction: if the node dies
            -- before the runner has them all, recovery finds the initiation once the lease runs out
            leased AS (
                UPDATE initiations SET dispatch_by = :initiationId, dispatch_until = now() + CAST(:lease AS interval)
                WHERE organization_id = :organizationId AND id = :initiationId
            )""";

    private static final String COUNTS = """
            SELECT totals.*, chosen.*, %s
            FROM (SELECT count(*) AS total_matched,
                         count(*) FILTER (WHERE skip = 1) AS skipped_active_call,
                         count(*) FILTER (WHERE skip = 2) AS skipped_do_not_call,
                         count(*) FILTER (WHERE skip = 3) AS skipped_attempt_limit,
                         count(*) FILTER (WHERE skip = 4) AS skipped_outside_window,
                         count(*) FILTER (WHERE skip = 0) AS eligible
                  FROM classified) totals,
                 (SELECT count(*) AS selected %s FROM selected) chosen
            """;

    /**
     * A dry run without a limit selects every eligible customer: one pass of counts, no order, and
     * nothing materialized, so PostgreSQL can classify the customers in parallel with the scan.
     */
    private static final String COUNT_ONLY = """
            SELECT count(*) AS total_matched,
                   count(*) FILTER (WHERE skip = 1) AS skipped_active_call,
                   count(*) FILTER (WHERE skip = 2) AS skipped_do_not_call,
                   count(*) FILTER (WHERE skip = 3) AS skipped_attempt_limit,
                   count(*) FILTER (WHERE skip = 4) AS skipped_outside_window,
                   count(*) FILTER (WHERE skip = 0) AS eligible,
                   count(*) FILTER (WHERE skip = 0) AS selected,
                   0 AS inserted, 0 AS batches %s
            FROM classified
            """;

    private static final String DRY_RUN_WRITES = "0 AS inserted, 0 AS batches";
    /** The insert writes every selected customer or fails as a whole, so its counts are the selection's. */
    private static final String WRITES =
            "chosen.selected AS inserted, (chosen.selected + :batchSize - 1) / :batchSize AS batches";

    private final JdbcClient jdbc;
    /** The initiation is leased with its rows, so dispatching them needs no claim. */
    private final Duration lease;

    CustomerSelection(JdbcClient jdbc, @Value("${agentcalls.initiation.batch-lease:5m}") Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
    }

    /** The statement's text and parameters, ready to run (or to explain). */
    record Statement(String sql, Map<String, Object> parameters) {}

    /** What the organization and campaign hold that a safeguard's probe could find. */
    record Probes(boolean campaignHasCalls, boolean organizationHasActiveCalls, boolean organizationHasDoNotCall) {

        static final Probes ALL = new Probes(true, true, true);

        String joins() {
            return String.join(
                    "\n",
                    campaignHasCalls && organizationHasActiveCalls
                            ? ACTIVE_CALL_OF_CUSTOMER
                            : NO_ACTIVE_CALL_OF_CUSTOMER,
                    organizationHasActiveCalls ? ACTIVE_CALL_ON_PHONE : NO_ACTIVE_CALL_ON_PHONE,
                    organizationHasDoNotCall ? DO_NOT_CALL : NO_DO_NOT_CALL,
                    campaignHasCalls ? RECENT_ATTEMPTS : NO_RECENT_ATTEMPTS);
        }
    }

    Probes probesNeeded(SelectionQuery query) {
        return jdbc.sql(PROBES_NEEDED)
                .param("organizationId", query.organizationId())
                .param("campaignId", query.campaignId())
                .query((rs, row) -> new Probes(
                        rs.getBoolean("campaign_has_calls"),
                        rs.getBoolean("organization_has_active_calls"),
                        rs.getBoolean("organization_has_do_not_call")))
                .single();
    }

    Statement statement(SelectionQuery query) {
        return statement(query, Probes.ALL);
    }

    Statement statement(SelectionQuery query, Probes probes) {
        Map<String, Object> parameters = new LinkedHashMap<>(query.filter().parameters());
        boolean writes = query.calls() != null;
        String missing = missingVariables(query, parameters);
        String sql;
        if (!writes && query.limit() == null) {
            sql = CLASSIFY.formatted(query.filter().condition(), "NOT MATERIALIZED", missing, probes.joins())
                    + COUNT_ONLY.formatted(missingCounts(query, "skip = 0 AND "));
        } else {
            sql = CLASSIFY.formatted(query.filter().condition(), "MATERIALIZED", missing, probes.joins())
                    + SELECTED
                    + (writes ? INSERT : "")
                    + COUNTS.formatted(writes ? WRITES : DRY_RUN_WRITES, missingCounts(query, ""));
        }
        parameters.put("organizationId", query.organizationId());
        parameters.put("campaignId", query.campaignId());
        parameters.put("campaignTimezone", query.campaignTimezone());
        parameters.put("windowStart", query.windowStart());
        parameters.put("windowEnd", query.windowEnd());
        parameters.put("maxPerDay", query.maxAttemptsPerDay());
        parameters.put("maxPerWeek", query.maxAttemptsPerWeek());
        parameters.put(
                "limit", query.limit() == null ? Long.MAX_VALUE : query.limit().longValue());
        if (writes) {
            parameters.put("initiationId", query.calls().initiationId());
            parameters.put("agentId", query.calls().agentId());
            parameters.put("dispositionSetId", query.calls().dispositionSetId());
            parameters.put("fromNumbers", query.calls().fromNumbers().toArray(String[]::new));
            parameters.put("fromNumberCount", query.calls().fromNumbers().size());
            parameters.put("batchSize", BATCH_SIZE);
            parameters.put("lease", lease.toSeconds() + " seconds");
            List<Map.Entry<String, Integer>> attempts =
                    List.copyOf(query.calls().attempts().entrySet());
            parameters.put(
                    "attemptCustomers", attempts.stream().map(Map.Entry::getKey).toArray(String[]::new));
            parameters.put(
                    "attemptNumbers", attempts.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        }
        return new Statement(sql, parameters);
    }

    /** Runs the statement; without a call template (dry run) it only counts. */
    public SelectionCounts run(SelectionQuery query) {
        // in the caller's transaction, so a race with a concurrent initiation ends on the unique
        // indexes and runs again, with its probes, like any other
        Statement statement = statement(query, probesNeeded(query));
        // Plan this statement for its own values every time. After five runs PostgreSQL may settle on
        // a generic plan for the prepared statement, blind to the campaign's size and the filter's
        // selectivity: the dry run at a million customers went from 190 to 320 ms on its tenth run.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        return jdbc.sql(statement.sql())
                .params(statement.parameters())
                .query((rs, row) -> {
                    List<String> missing = new ArrayList<>();
                    long selected = rs.getLong("selected");
                    for (int i = 0; i < query.requiredVariables().size(); i++) {
                        if (selected > 0 && rs.getLong("missing_" + i) > 0) {
                            missing.add(query.requiredVariables().get(i));
                        }
                    }
                    return new SelectionCounts(
                            rs.getLong("total_matched"),
                            new SkipCounts(
                                    rs.getLong("skipped_active_call"),
                                    rs.getLong("skipped_do_not_call"),
                                    rs.getLong("skipped_attempt_limit"),
                                    rs.getLong("skipped_outside_window")),
                            rs.getLong("eligible"),
                            selected,
                            rs.getLong("inserted"),
                            rs.getInt("batches"),
                            missing);
                })
                .single();
    }

    /** One flag per required variable: whether the customer lacks it. */
    private static String missingVariables(SelectionQuery query, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        List<String> variables = query.requiredVariables();
        for (int i = 0; i < variables.size(); i++) {
            CustomerField variable = FilterSql.resolve(variables.get(i), query.customFieldNames())
                    .orElse(null);
            String missingCondition;
            if (variable == null) {
                missingCondition = "TRUE";
            } else if (variable.isCustom()) {
                parameters.put("variable" + i, variable.name());
                missingCondition = "c.custom ->> :variable" + i + " IS NULL";
            } else {
                missingCondition = "c." + variable.column() + " IS NULL";
            }
            sql.append(", ").append(missingCondition).append(" AS missing_").append(i);
        }
        return sql.toString();
    }

    /**
     * One count per required variable of the selected customers that lack it.
     *
     * @param selectedCondition what makes a counted row selected, ahead of the flag
     */
    private static String missingCounts(SelectionQuery query, String selectedCondition) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < query.requiredVariables().size(); i++) {
            sql.append(", count(*) FILTER (WHERE ")
                    .append(selectedCondition)
                    .append("missing_")
                    .append(i)
                    .append(") AS missing_")
                    .append(i);
        }
        return sql.toString();
    }
}
