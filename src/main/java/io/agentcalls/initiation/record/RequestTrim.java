package io.agentcalls.initiation.record;

import io.agentcalls.common.Purge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reduces the request bodies of initiations past the Idempotency-Key's 24 h (docs/decisions/0016):
 * the filters' values (customer ids, phone numbers, amounts: customer data) are replaced, their field
 * names stay, and so does the rest of the body (agent, disposition set, limit), the record of who
 * initiated what. A repeated key is checked by the request's hash, so nothing needs the body after.
 */
@Component
class RequestTrim implements Purge {

    static final String REMOVED = "removed after 24 h";

    private static final String TRIM_OLD_REQUESTS = """
            UPDATE initiations i
            SET request = CASE WHEN jsonb_typeof(i.request #> '{body,filters}') = 'object'
                               THEN jsonb_set(i.request, '{body,filters}', (
                                   SELECT coalesce(jsonb_object_agg(f.name, to_jsonb(CAST(:removed AS text))), '{}')
                                   FROM jsonb_object_keys(i.request #> '{body,filters}') AS f(name)))
                               ELSE i.request END,
                request_trimmed_at = now()
            FROM (SELECT organization_id, id FROM initiations
                  WHERE request_trimmed_at IS NULL AND state = 'completed'
                    AND created_at < now() - interval '24 hours'
                  ORDER BY created_at
                  LIMIT :limit
                  FOR UPDATE SKIP LOCKED) old
            WHERE i.organization_id = old.organization_id AND i.id = old.id
            """;

    private final JdbcClient jdbc;

    RequestTrim(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "initiation_requests";
    }

    @Override
    public int purgeBatch(int limit) {
        return jdbc.sql(TRIM_OLD_REQUESTS)
                .param("limit", limit)
                .param("removed", REMOVED)
                .update();
    }
}
