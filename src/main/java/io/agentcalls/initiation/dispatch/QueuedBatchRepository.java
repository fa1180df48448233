package io.agentcalls.initiation.dispatch;

import io.agentcalls.customer.StandardField;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The reads of an initiation's queued calls, a batch at a time, with what the runner needs about each
 * customer; only for the holder of the initiation's dispatch lease.
 */
@Repository
class QueuedBatchRepository {

    /**
     * The queued calls of one batch with every standard field of their customers, if {@code :holder}
     * still holds the initiation's dispatch lease. A call whose customer was deleted since it was
     * written comes with null customer columns.
     */
    private static final String READ_BATCH = """
            SELECT k.id AS call_id, k.customer_id, k.to_phone, k.from_number, c.id AS customer_found, c.name,
                   c.first_name, c.last_name, c.phone, c.language, c.payment_status, c.emi_amount, c.emi_due_date,
                   c.loan_amount, c.loan_period, c.current_emi, c.lead_date, c.timezone,
                   CASE WHEN CAST(:withCustomFields AS boolean) THEN c.custom::text END AS custom,
                   w.not_before, least(w.window_close, b.base + cp.expire_after_seconds * interval '1 second') AS not_after
            FROM calls k
            -- one primary-key probe per call whatever the statistics say: OFFSET 0 keeps the organization
            -- constant out of the subquery; given it, the planner believed an organization or campaign newer
            -- than its statistics had one row, and walked all of its customers for every call
            -- (docs/PERFORMANCE.md, the first round, 2)
            LEFT JOIN LATERAL (
                SELECT * FROM customers c
                WHERE c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id AND c.id = k.customer_id
                OFFSET 0
            ) c ON true
            -- the interval an external runner may place the call in (docs/RUNNER-PROTOCOL.md): from now (or
            -- the call's startAt), moved to the calling window's next opening in the customer's zone, to the
            -- close of that opening or the campaign's expireAfter, whichever comes first
            JOIN campaigns cp ON cp.organization_id = k.organization_id AND cp.id = k.campaign_id
            CROSS JOIN LATERAL (
                SELECT greatest(now(), coalesce(k.scheduled_for, now())) AS base,
                       coalesce(c.timezone, cp.timezone) AS tz
            ) b
            CROSS JOIN LATERAL (
                SELECT b.base AT TIME ZONE b.tz AS local_base
            ) l
            CROSS JOIN LATERAL (
                SELECT CASE WHEN in_calling_window(l.local_base::time, cp.calling_window_start, cp.calling_window_end)
                            THEN l.local_base
                            WHEN l.local_base::time < cp.calling_window_start
                            THEN l.local_base::date + cp.calling_window_start
                            ELSE (l.local_base::date + 1) + cp.calling_window_start END AS local_open
            ) o
            CROSS JOIN LATERAL (
                SELECT o.local_open AT TIME ZONE b.tz AS not_before,
                       (CASE WHEN cp.calling_window_start < cp.calling_window_end
                                  OR o.local_open::time < cp.calling_window_end
                             THEN o.local_open::date + cp.calling_window_end
                             ELSE (o.local_open::date + 1) + cp.calling_window_end END) AT TIME ZONE b.tz AS window_close
            ) w
            WHERE k.organization_id = :organizationId AND k.initiation_id = :initiationId AND k.batch = :batch
              AND k.status = 'queued'
              AND EXISTS (SELECT 1 FROM initiations i
                          WHERE i.organization_id = :organizationId AND i.id = :initiationId
                            AND i.dispatch_by = :holder AND i.dispatch_until > now())
            ORDER BY c.emi_due_date NULLS LAST, k.customer_id
            """;

    /** The batches of an initiation that still have queued calls, with what they were sent with. */
    private static final String QUEUED_BATCHES = """
            SELECT DISTINCT k.batch, k.agent_id, k.disposition_set_id FROM calls k
            WHERE k.organization_id = :organizationId AND k.initiation_id = :initiationId AND k.status = 'queued'
            ORDER BY k.batch
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    QueuedBatchRepository(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * A queued call with every field of its customer as text, for the agent's variables; null fields
     * when the customer was deleted since the call was written.
     */
    record ClaimedCall(
            String callId,
            String customerId,
            String to,
            String from,
            Map<String, String> fields,
            Instant notBefore,
            Instant notAfter) {

        boolean customerGone() {
            return fields == null;
        }
    }

    /**
     * @param withCustomFields whether the agent needs any custom field: parsing every customer's JSON
     *     is most of the read's cost, and most agents only need standard ones
     */
    List<ClaimedCall> readBatch(
            String organizationId, String initiationId, int batch, String holder, boolean withCustomFields) {
        return jdbc.sql(READ_BATCH)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("batch", batch)
                .param("holder", holder)
                .param("withCustomFields", withCustomFields)
                .query(this::claimedCall)
                .list();
    }

    /** A batch with queued calls left, and the agent and disposition set its calls were written with. */
    record QueuedBatch(int batch, String agentId, String dispositionSetId) {}

    List<QueuedBatch> queuedBatches(String organizationId, String initiationId) {
        return jdbc.sql(QUEUED_BATCHES)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .query((rs, row) -> new QueuedBatch(
                        rs.getInt("batch"), rs.getString("agent_id"), rs.getString("disposition_set_id")))
                .list();
    }

    private ClaimedCall claimedCall(ResultSet rs, int row) throws SQLException {
        String customerId = rs.getString("customer_id");
        if (rs.getString("customer_found") == null) {
            return new ClaimedCall(
                    rs.getString("call_id"),
                    customerId,
                    rs.getString("to_phone"),
                    rs.getString("from_number"),
                    null,
                    null,
                    null);
        }
        Map<String, String> fields = new HashMap<>();
        String customJson = rs.getString("custom");
        JsonNode custom = customJson == null ? objectMapper.createObjectNode() : objectMapper.readTree(customJson);
        custom.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                fields.put(
                        e.getKey(),
                        e.getValue().isString()
                                ? e.getValue().asString()
                                : e.getValue().toString());
            }
        });
        // every name of a standard field is a variable of the agent's prompt: {{phone_number}} as {{phone}}
        StandardField.ID.names().forEach(name -> fields.put(name, customerId));
        for (String field : StandardField.DATA_FIELD_NAMES) {
            Object value = rs.getObject(field);
            if (value != null) {
                String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
                StandardField.named(field).orElseThrow().names().forEach(name -> fields.put(name, text));
            }
        }
        return new ClaimedCall(
                rs.getString("call_id"),
                customerId,
                rs.getString("to_phone"),
                rs.getString("from_number"),
                fields,
                rs.getObject("not_before", OffsetDateTime.class).toInstant(),
                rs.getObject("not_after", OffsetDateTime.class).toInstant());
    }
}
