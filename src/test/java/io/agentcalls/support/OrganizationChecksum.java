package io.agentcalls.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row an organization owns, table by table: every table with an
 * {@code organization_id} (found in the catalog, so a new table is covered without a change here)
 * and the organization's own row. Only {@code api_keys.last_used_at} is left out: using a key
 * stamps it, which is not a change to the organization's data.
 */
public final class OrganizationChecksum {

    private final JdbcClient jdbc;

    public OrganizationChecksum(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Table name to the md5 of its rows of this organization (and their count). */
    public Map<String, String> of(String organizationId) {
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables()) {
            digests.put(table, digest("SELECT * FROM " + table + " WHERE organization_id = :org", organizationId));
        }
        digests.put("organizations", digest("SELECT * FROM organizations WHERE id = :org", organizationId));
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
