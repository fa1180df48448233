package io.agentcalls.initiation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The main job's one set-based statement: filter the campaign's customers, classify each against the
 * safeguards, order and limit the eligible ones, and insert their {@code queued} call rows, counting
 * everything on the way. The partial unique indexes on active calls guard the insert, so concurrent
 * requests on any number of nodes can never call a customer or a phone twice.
 */
@Repository
class CustomerSelection {

    static final int BATCH_SIZE = 500;

    private static final String ACTIVE = "('queued', 'initiated', 'ringing', 'in_progress')";

    private static final String CLASSIFY = """
            WITH matched AS MATERIALIZED (
                SELECT c.organization_id, c.campaign_id, c.id, c.phone, c.emi_due_date, c.name, c.language,
                       c.payment_status, c.emi_amount, c.loan_amount, c.timezone, c.custom,
                       coalesce(c.timezone, :campaignTimezone) AS tz
                FROM customers c
                WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (%s)
            ),
            classified AS MATERIALIZED (
                SELECT m.*,
                       CASE
                           WHEN ac.id IS NOT NULL OR ap.id IS NOT NULL THEN 1
                           WHEN d.phone IS NOT NULL THEN 2
                           WHEN coalesce(a.today, 0) >= :maxPerDay OR coalesce(a.this_week, 0) >= :maxPerWeek THEN 3
                           WHEN NOT in_calling_window((now() AT TIME ZONE m.tz)::time,
                                                      CAST(:windowStart AS time), CAST(:windowEnd AS time)) THEN 4
                           ELSE 0
                       END AS skip
                FROM matched m
                -- the organization and campaign come from m, not as constants: given a constant for an
                -- organization newer than its statistics, the planner believed it had one call and probed
                -- by organization alone, reading all of its calls for every customer (seconds per request)
                LEFT JOIN calls ac ON ac.organization_id = m.organization_id AND ac.campaign_id = m.campaign_id
                                  AND ac.customer_id = m.id AND ac.status IN %2$s
                LEFT JOIN calls ap ON ap.organization_id = m.organization_id AND ap.to_phone = m.phone
                                  AND ap.status IN %2$s
                LEFT JOIN do_not_call d ON d.organization_id = m.organization_id AND d.phone = m.phone
                -- one index probe per customer: linear whatever the planner believes about row counts
                LEFT JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE k.created_at >= date_trunc('day', now() AT TIME ZONE m.tz) AT TIME ZONE m.tz) AS today,
                           count(*) AS this_week
                    FROM calls k
                    WHERE k.organization_id = m.organization_id AND k.campaign_id = m.campaign_id AND k.customer_id = m.id
                      AND k.created_at >= (date_trunc('day', now() AT TIME ZONE m.tz) - interval '6 days') AT TIME ZONE m.tz
                      AND k.status <> 'failed_to_initiate'
                ) a ON true
            ),
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
                                   disposition_set_id, from_number, to_phone, attempt, claimed_by, claimed_until)
                SELECT :organizationId, new_id('call'), :campaignId, s.id, :initiationId,
                       ((s.position - 1) / :batchSize) + 1, :agentId, :dispositionSetId,
                       (CAST(:fromNumbers AS text[]))[((s.position - 1) % :fromNumberCount) + 1], s.phone,
                       coalesce(n.attempt, 1), :initiationId, now() + CAST(:lease AS interval)
                FROM selected s
                -- retries name each customer's attempt number; everyone else makes a first call
                LEFT JOIN unnest(CAST(:attemptCustomers AS text[]), CAST(:attemptNumbers AS integer[]))
                          AS n (customer_id, attempt) ON n.customer_id = s.id
                ORDER BY s.position
                ON CONFLICT DO NOTHING
                RETURNING batch
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

    private static final String DRY_RUN_WRITES = "0 AS inserted, 0 AS batches";
    private static final String WRITES =
            "(SELECT count(*) FROM inserted) AS inserted, (SELECT coalesce(max(batch), 0) FROM inserted) AS batches";

    private final JdbcClient jdbc;
    /** Rows are written already leased to their initiation, so dispatching them needs no claim. */
    private final Duration lease;

    CustomerSelection(JdbcClient jdbc, @Value("${agentcalls.initiation.batch-lease:5m}") Duration lease) {
        this.jdbc = jdbc;
        this.lease = lease;
    }

    /** The statement's text and parameters, ready to run (or to explain). */
    record Statement(String sql, Map<String, Object> parameters) {}

    Statement statement(SelectionQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>(query.filter().parameters());
        String variableCounts = variableCounts(query.requiredVariables(), query.customFieldNames(), parameters);
        boolean writes = query.calls() != null;
        String sql = CLASSIFY.formatted(query.filter().condition(), ACTIVE)
                + (writes ? INSERT : "")
                + COUNTS.formatted(writes ? WRITES : DRY_RUN_WRITES, variableCounts);
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
    SelectionCounts run(SelectionQuery query) {
        Statement statement = statement(query);
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

    /** One count per required variable of the selected customers that lack it. */
    private static String variableCounts(
            List<String> variables, Set<String> customFieldNames, Map<String, Object> parameters) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < variables.size(); i++) {
            CustomerField variable =
                    FilterSql.resolve(variables.get(i), customFieldNames).orElse(null);
            String missingCondition;
            if (variable == null) {
                missingCondition = "TRUE";
            } else if (variable.isCustom()) {
                parameters.put("variable" + i, variable.name());
                missingCondition = "custom ->> :variable" + i + " IS NULL";
            } else {
                missingCondition = variable.column() + " IS NULL";
            }
            sql.append(", count(*) FILTER (WHERE ")
                    .append(missingCondition)
                    .append(") AS missing_")
                    .append(i);
        }
        return sql.toString();
    }
}
