package io.agentcalls.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row an organization owns, table by table: every table with an
 * {@code organization_id} (found in the catalog, so a new table is covered without a change here)
 * and the organization's own row. Only {@code api_keys.last_used_at} is left out: using a key
 * stamps it, which is not a change to the organization's data. The campaign tallies are digested
 * as the figures they add up to (tally plus unfolded deltas), not as rows: the compactor folds
 * deltas into tallies every second in the background, which moves rows without changing a figure.
 */
public final class OrganizationChecksum {

    private static final List<String> TALLY_TABLES =
            List.of("call_tally_deltas", "call_status_tallies", "call_hour_tallies", "call_segment_tallies");
    private static final String CALL_FIGURES = """
            SELECT campaign_id, status, disposition_set_id, disposition_code, sum(calls) AS calls,
                   sum(answered) AS answered, sum(ptp_calls) AS ptp_calls, sum(ptp_amount) AS ptp_amount
            FROM (SELECT campaign_id, status, disposition_set_id, disposition_code, calls, answered, ptp_calls, ptp_amount
                  FROM call_status_tallies WHERE organization_id = :org
                  UNION ALL
                  SELECT campaign_id, status, disposition_set_id, disposition_code, calls, answered, ptp_calls, ptp_amount
                  FROM call_tally_deltas WHERE organization_id = :org) f
            GROUP BY 1, 2, 3, 4
            HAVING sum(calls) <> 0 OR sum(answered) <> 0 OR sum(ptp_calls) <> 0 OR sum(ptp_amount) <> 0
            """;

    private final JdbcClient jdbc;

    public OrganizationChecksum(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Table name to the md5 of its rows of this organization (and their count). */
    public Map<String, String> of(String organizationId) {
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables()) {
            if (TALLY_TABLES.contains(table)) {
                continue;
            }
            digests.put(table, digest("SELECT * FROM " + table + " WHERE organization_id = :org", organizationId));
        }
        digests.put("organizations", digest("SELECT * FROM organizations WHERE id = :org", organizationId));
        digests.put("call figures", digest(CALL_FIGURES, organizationId));
        return digests;
    }

    private List<String> tables() {
        return jdbc.sql("""
                        SELECT c.table_name FROM information_schema.columns c
                        JOIN information_schema.tables t USING (table_schema, table_name)
                        WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'
                          AND t.table_type = 'BASE TABLE'
                        ORDER BY 1
                        """).query(String.class).list();
    }

    private String digest(String rows, String organizationId) {
        return jdbc.sql("SELECT count(*) || ':' || md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM ("
                        + " SELECT (to_jsonb(t) - 'last_used_at')::text AS r FROM (" + rows + ") t) x")
                .param("org", organizationId)
                .query(String.class)
                .single();
    }
}
