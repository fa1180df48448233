package io.agentcalls.initiation.selection;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The main job's one set-based statement, whole, in its three shapes. Each filters the campaign's
 * customers ({@code matched}), classifies each against the safeguards ({@code safeguarded}, then
 * {@code classified}: the code of a {@link SkipReason}, or {@code ${NONE}}) and counts everything on
 * the way; the limited dry run and the write also order and limit the eligible customers
 * ({@code selected}), and the write inserts their {@code queued} call rows. The three classify alike
 * ({@code SelectionStatementsTest} holds them to it). Slots in lower case are filled per request:
 * {@code ${filter}} ({@link FilterSql}), {@code ${probes}} ({@link SafeguardProbes}),
 * {@code ${missingFlags}} and {@code ${missingCounts}} ({@link MissingVariables}), and in the write
 * {@code ${insertQueuedCalls}} (the call module's insert).
 */
final class SelectionStatements {

    private SelectionStatements() {}

    /**
     * A dry run without a limit selects every eligible customer: one pass of counts, no order, and
     * nothing materialized, so PostgreSQL can classify the customers in parallel with the scan.
     */
    static final String DRY_RUN_COUNT = SkipReason.withCodes("""
            WITH matched AS NOT MATERIALIZED (
                -- only what the rest needs: the rows are materialized up to three times, a million at once
                SELECT c.organization_id, c.campaign_id, c.id, c.phone, c.emi_due_date,
                       coalesce(c.timezone, :campaignTimezone) AS tz ${missingFlags}
                FROM customers c
                WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (${filter})
            ),
            safeguarded AS NOT MATERIALIZED (
                SELECT m.*,
                       CASE
                           WHEN ac.id IS NOT NULL OR ap.id IS NOT NULL THEN ${ACTIVE_CALL}
                           WHEN d.phone IS NOT NULL THEN ${DO_NOT_CALL}
                           WHEN coalesce(a.today, 0) >= :maxPerDay OR coalesce(a.this_week, 0) >= :maxPerWeek THEN ${ATTEMPT_LIMIT}
                           WHEN coalesce(pa.today, 0) >= :contactPerDay OR coalesce(pa.this_week, 0) >= :contactPerWeek
                                THEN ${CONTACT_POLICY}
                           WHEN NOT in_calling_window((CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::time,
                                                      CAST(:windowStart AS time), CAST(:windowEnd AS time))
                                OR (CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::date NOT BETWEEN CAST(:firstDay AS date)
                                                                           AND CAST(:lastDay AS date)
                                THEN ${OUTSIDE_CALLING_WINDOW}
                           ELSE ${NONE}
                       END AS guard
                FROM matched m
                ${probes}
            ),
            -- customers of a campaign may share a phone (two loans, one borrower): of those the safeguards
            -- let through, the first in the selection's order gets the call and the others are skipped as
            -- in an active call, which the unique index on active calls per phone would refuse anyway
            classified AS NOT MATERIALIZED (
                SELECT s.*,
                       CASE WHEN s.guard = ${NONE} AND row_number() OVER (
                                PARTITION BY s.guard, s.phone ORDER BY s.emi_due_date NULLS LAST, s.id) > 1
                            THEN ${ACTIVE_CALL} ELSE s.guard END AS skip
                FROM safeguarded s
            )
            SELECT count(*) AS total_matched,
                   count(*) FILTER (WHERE skip = ${ACTIVE_CALL}) AS skipped_active_call,
                   count(*) FILTER (WHERE skip = ${DO_NOT_CALL}) AS skipped_do_not_call,
                   count(*) FILTER (WHERE skip = ${ATTEMPT_LIMIT}) AS skipped_attempt_limit,
                   count(*) FILTER (WHERE skip = ${OUTSIDE_CALLING_WINDOW}) AS skipped_outside_window,
                   count(*) FILTER (WHERE skip = ${CONTACT_POLICY}) AS skipped_contact_policy,
                   count(*) FILTER (WHERE skip = ${NONE}) AS eligible,
                   count(*) FILTER (WHERE skip = ${NONE}) AS selected,
                   0 AS inserted, 0 AS batches ${missingCounts}
            FROM classified
            """);

    /**
     * A dry run up to a limit: the eligible customers in the selection's order, numbered, up to the
     * limit ({@code classified} is materialized: both the counts and {@code selected} read it).
     */
    static final String LIMITED_DRY_RUN = SkipReason.withCodes("""
            WITH matched AS NOT MATERIALIZED (
                -- only what the rest needs: the rows are materialized up to three times, a million at once
                SELECT c.organization_id, c.campaign_id, c.id, c.phone, c.emi_due_date,
                       coalesce(c.timezone, :campaignTimezone) AS tz ${missingFlags}
                FROM customers c
                WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (${filter})
            ),
            safeguarded AS NOT MATERIALIZED (
                SELECT m.*,
                       CASE
                           WHEN ac.id IS NOT NULL OR ap.id IS NOT NULL THEN ${ACTIVE_CALL}
                           WHEN d.phone IS NOT NULL THEN ${DO_NOT_CALL}
                           WHEN coalesce(a.today, 0) >= :maxPerDay OR coalesce(a.this_week, 0) >= :maxPerWeek THEN ${ATTEMPT_LIMIT}
                           WHEN coalesce(pa.today, 0) >= :contactPerDay OR coalesce(pa.this_week, 0) >= :contactPerWeek
                                THEN ${CONTACT_POLICY}
                           WHEN NOT in_calling_window((CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::time,
                                                      CAST(:windowStart AS time), CAST(:windowEnd AS time))
                                OR (CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::date NOT BETWEEN CAST(:firstDay AS date)
                                                                           AND CAST(:lastDay AS date)
                                THEN ${OUTSIDE_CALLING_WINDOW}
                           ELSE ${NONE}
                       END AS guard
                FROM matched m
                ${probes}
            ),
            -- customers of a campaign may share a phone: see the dry run's count
            classified AS MATERIALIZED (
                SELECT s.*,
                       CASE WHEN s.guard = ${NONE} AND row_number() OVER (
                                PARTITION BY s.guard, s.phone ORDER BY s.emi_due_date NULLS LAST, s.id) > 1
                            THEN ${ACTIVE_CALL} ELSE s.guard END AS skip
                FROM safeguarded s
            ),
            selected AS MATERIALIZED (
                SELECT cl.*, row_number() OVER (ORDER BY cl.emi_due_date NULLS LAST, cl.id) AS position
                FROM classified cl
                WHERE cl.skip = ${NONE}
                ORDER BY cl.emi_due_date NULLS LAST, cl.id
                LIMIT :limit
            )
            SELECT totals.*, chosen.*, 0 AS inserted, 0 AS batches
            FROM (SELECT count(*) AS total_matched,
                         count(*) FILTER (WHERE skip = ${ACTIVE_CALL}) AS skipped_active_call,
                         count(*) FILTER (WHERE skip = ${DO_NOT_CALL}) AS skipped_do_not_call,
                         count(*) FILTER (WHERE skip = ${ATTEMPT_LIMIT}) AS skipped_attempt_limit,
                         count(*) FILTER (WHERE skip = ${OUTSIDE_CALLING_WINDOW}) AS skipped_outside_window,
                         count(*) FILTER (WHERE skip = ${CONTACT_POLICY}) AS skipped_contact_policy,
                         count(*) FILTER (WHERE skip = ${NONE}) AS eligible
                  FROM classified) totals,
                 (SELECT count(*) AS selected ${missingCounts} FROM selected) chosen
            """);

    /**
     * The write: the limited dry run's selection, and a {@code queued} call row for every selected
     * customer, numbered into batches. The insert writes every selected customer or fails as a whole,
     * so its counts are the selection's.
     */
    static final String WRITE = SkipReason.withCodes("""
            WITH matched AS NOT MATERIALIZED (
                -- only what the rest needs: the rows are materialized up to three times, a million at once;
                -- payment status and language go onto the calls (what their outcomes count under)
                SELECT c.organization_id, c.campaign_id, c.id, c.phone, c.emi_due_date,
                       coalesce(c.timezone, :campaignTimezone) AS tz, c.payment_status, c.language ${missingFlags}
                FROM customers c
                WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (${filter})
            ),
            safeguarded AS NOT MATERIALIZED (
                SELECT m.*,
                       CASE
                           WHEN ac.id IS NOT NULL OR ap.id IS NOT NULL THEN ${ACTIVE_CALL}
                           WHEN d.phone IS NOT NULL THEN ${DO_NOT_CALL}
                           WHEN coalesce(a.today, 0) >= :maxPerDay OR coalesce(a.this_week, 0) >= :maxPerWeek THEN ${ATTEMPT_LIMIT}
                           WHEN coalesce(pa.today, 0) >= :contactPerDay OR coalesce(pa.this_week, 0) >= :contactPerWeek
                                THEN ${CONTACT_POLICY}
                           WHEN NOT in_calling_window((CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::time,
                                                      CAST(:windowStart AS time), CAST(:windowEnd AS time))
                                OR (CAST(:windowAt AS timestamptz) AT TIME ZONE m.tz)::date NOT BETWEEN CAST(:firstDay AS date)
                                                                           AND CAST(:lastDay AS date)
                                THEN ${OUTSIDE_CALLING_WINDOW}
                           ELSE ${NONE}
                       END AS guard
                FROM matched m
                ${probes}
            ),
            -- customers of a campaign may share a phone: see the dry run's count
            classified AS MATERIALIZED (
                SELECT s.*,
                       CASE WHEN s.guard = ${NONE} AND row_number() OVER (
                                PARTITION BY s.guard, s.phone ORDER BY s.emi_due_date NULLS LAST, s.id) > 1
                            THEN ${ACTIVE_CALL} ELSE s.guard END AS skip
                FROM safeguarded s
            ),
            selected AS MATERIALIZED (
                SELECT cl.*, row_number() OVER (ORDER BY cl.emi_due_date NULLS LAST, cl.id) AS position
                FROM classified cl
                WHERE cl.skip = ${NONE}
                ORDER BY cl.emi_due_date NULLS LAST, cl.id
                LIMIT :limit
            ),
            inserted AS (
            ${insertQueuedCalls}
            )
            SELECT totals.*, chosen.*,
                   chosen.selected AS inserted, (chosen.selected + :batchSize - 1) / :batchSize AS batches
            FROM (SELECT count(*) AS total_matched,
                         count(*) FILTER (WHERE skip = ${ACTIVE_CALL}) AS skipped_active_call,
                         count(*) FILTER (WHERE skip = ${DO_NOT_CALL}) AS skipped_do_not_call,
                         count(*) FILTER (WHERE skip = ${ATTEMPT_LIMIT}) AS skipped_attempt_limit,
                         count(*) FILTER (WHERE skip = ${OUTSIDE_CALLING_WINDOW}) AS skipped_outside_window,
                         count(*) FILTER (WHERE skip = ${CONTACT_POLICY}) AS skipped_contact_policy,
                         count(*) FILTER (WHERE skip = ${NONE}) AS eligible
                  FROM classified) totals,
                 (SELECT count(*) AS selected ${missingCounts} FROM selected) chosen
            """);

    /**
     * The statement with each {@code ${slot}} replaced by its part; every slot must have one and every
     * part a slot, so a renamed slot fails at once instead of reaching PostgreSQL.
     */
    static String fill(String statement, Map<String, String> parts) {
        StringBuilder sql = new StringBuilder(statement.length() + 1024);
        Set<String> used = new HashSet<>();
        int from = 0;
        for (int start; (start = statement.indexOf("${", from)) >= 0; ) {
            int end = statement.indexOf('}', start);
            String name = statement.substring(start + 2, end);
            String part = parts.get(name);
            if (part == null) {
                throw new IllegalStateException("No part for ${" + name + "}");
            }
            sql.append(statement, from, start).append(part);
            used.add(name);
            from = end + 1;
        }
        if (!used.equals(parts.keySet())) {
            throw new IllegalStateException("Parts without a slot among " + parts.keySet());
        }
        return sql.append(statement, from, statement.length()).toString();
    }
}
