package io.agentcalls.initiation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Claims one batch of an initiation's queued calls (a lease, so crash recovery on another node does
 * not send it at the same time) and reads what the runner needs about each customer.
 */
@Repository
class DispatchRepository {

    /** The calls of one batch that its initiation still holds (recovery has not taken them over). */
    private static final String READ_BATCH = """
            SELECT k.id AS call_id, k.customer_id, k.to_phone, k.from_number, c.name, c.phone, c.language,
                   c.payment_status, c.emi_amount, c.emi_due_date, c.loan_amount, c.timezone, c.custom::text AS custom
            FROM calls k
            -- one primary-key probe per call whatever the statistics say: OFFSET 0 keeps the organization
            -- constant out of the subquery; given it, the planner believed an organization or campaign newer
            -- than its statistics had one row, and walked all of its customers for every call (2.3 s a batch)
            JOIN LATERAL (
                SELECT * FROM customers c
                WHERE c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id AND c.id = k.customer_id
                OFFSET 0
            ) c ON true
            WHERE k.organization_id = :organizationId AND k.initiation_id = :initiationId AND k.batch = :batch
              AND k.status = 'queued' AND k.claimed_by = :initiationId AND k.claimed_until > now()
            ORDER BY c.emi_due_date NULLS LAST, c.id
            """;

    /** The heartbeat of a long initiation: its remaining queued calls stay its own. */
    private static final String EXTEND_LEASE = """
            UPDATE calls SET claimed_until = now() + CAST(:lease AS interval)
            WHERE organization_id = :organizationId AND initiation_id = :initiationId AND status = 'queued'
              AND claimed_by = :initiationId AND claimed_until > now()
            """;

    /**
     * Queued calls nobody is working on: their lease ran out, or they never had one and are older
     * than the grace an initiation gets to dispatch its own batches. Claimed across organizations,
     * oldest first, SKIP LOCKED so every node can run recovery at once.
     */
    private static final String CLAIM_STALE = """
            WITH due AS (
                SELECT organization_id, id FROM calls
                WHERE status = 'queued' AND coalesce(claimed_until, queued_at + CAST(:grace AS interval)) < now()
                ORDER BY queued_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            )
            UPDATE calls k
            SET claimed_by = :claimant, claimed_until = now() + CAST(:lease AS interval), updated_at = now()
            FROM due
            WHERE k.organization_id = due.organization_id AND k.id = due.id
            RETURNING k.organization_id, k.initiation_id, k.batch, k.campaign_id, k.agent_id, k.disposition_set_id,
                      k.id AS call_id, k.customer_id, k.to_phone, k.from_number,
                      (SELECT jsonb_build_object('id', c.id, 'name', c.name, 'phone', c.phone, 'language', c.language,
                                  'payment_status', c.payment_status, 'emi_amount', c.emi_amount::text,
                                  'emi_due_date', c.emi_due_date::text, 'loan_amount', c.loan_amount::text,
                                  'timezone', c.timezone, 'custom', c.custom)
                       FROM customers c
                       WHERE c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id
                         AND c.id = k.customer_id) AS customer
            """;

    private static final List<String> STANDARD_FIELDS = List.of(
            "name", "phone", "language", "payment_status", "emi_amount", "emi_due_date", "loan_amount", "timezone");

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    DispatchRepository(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** A claimed call with every field of its customer as text, for the agent's variables. */
    record ClaimedCall(String callId, String customerId, String to, String from, Map<String, String> fields) {}

    List<ClaimedCall> readBatch(String organizationId, String initiationId, int batch) {
        return jdbc.sql(READ_BATCH)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("batch", batch)
                .query(this::claimedCall)
                .list();
    }

    void extendLease(String organizationId, String initiationId, Duration lease) {
        jdbc.sql(EXTEND_LEASE)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("lease", lease.toSeconds() + " seconds")
                .update();
    }

    /** A queued call claimed by recovery, with what its batch was sent with. */
    record StaleCall(
            String organizationId,
            String initiationId,
            int batch,
            String campaignId,
            String agentId,
            String dispositionSetId,
            ClaimedCall call) {}

    /** Stale queued calls; a call whose customer was deleted meanwhile comes with null fields. */
    List<StaleCall> claimStale(Duration grace, Duration lease, int limit) {
        return jdbc.sql(CLAIM_STALE)
                .param("claimant", "recovery_" + java.util.UUID.randomUUID())
                .param("grace", grace.toSeconds() + " seconds")
                .param("lease", lease.toSeconds() + " seconds")
                .param("limit", limit)
                .query((rs, row) -> new StaleCall(
                        rs.getString("organization_id"),
                        rs.getString("initiation_id"),
                        rs.getInt("batch"),
                        rs.getString("campaign_id"),
                        rs.getString("agent_id"),
                        rs.getString("disposition_set_id"),
                        new ClaimedCall(
                                rs.getString("call_id"),
                                rs.getString("customer_id"),
                                rs.getString("to_phone"),
                                rs.getString("from_number"),
                                customerFields(rs.getString("customer")))))
                .list();
    }

    /** A customer row as JSON (to_jsonb) turned into field texts; null when the customer is gone. */
    private Map<String, String> customerFields(String customerJson) {
        if (customerJson == null) {
            return null;
        }
        JsonNode customer = objectMapper.readTree(customerJson);
        Map<String, String> fields = new HashMap<>();
        customer.path("custom").properties().forEach(e -> putText(fields, e.getKey(), e.getValue()));
        for (String field : STANDARD_FIELDS) {
            putText(fields, field, customer.path(field));
        }
        fields.put("id", customer.path("id").asString());
        return fields;
    }

    private static void putText(Map<String, String> fields, String name, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            fields.put(name, value.isString() ? value.asString() : value.toString());
        }
    }

    private ClaimedCall claimedCall(ResultSet rs, int row) throws SQLException {
        Map<String, String> fields = new HashMap<>();
        JsonNode custom = objectMapper.readTree(rs.getString("custom"));
        custom.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                fields.put(
                        e.getKey(),
                        e.getValue().isString()
                                ? e.getValue().asString()
                                : e.getValue().toString());
            }
        });
        String customerId = rs.getString("customer_id");
        fields.put("id", customerId);
        for (String field : STANDARD_FIELDS) {
            Object value = rs.getObject(field);
            if (value != null) {
                fields.put(field, value instanceof BigDecimal number ? number.toPlainString() : value.toString());
            }
        }
        return new ClaimedCall(
                rs.getString("call_id"), customerId, rs.getString("to_phone"), rs.getString("from_number"), fields);
    }
}
