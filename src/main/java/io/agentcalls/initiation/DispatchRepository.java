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

    private static final String CLAIM_BATCH = """
            UPDATE calls k
            SET claimed_until = now() + CAST(:lease AS interval), updated_at = now()
            FROM customers c
            WHERE k.organization_id = :organizationId AND k.initiation_id = :initiationId AND k.batch = :batch
              AND k.status = 'queued' AND (k.claimed_until IS NULL OR k.claimed_until < now())
              AND c.organization_id = k.organization_id AND c.campaign_id = k.campaign_id AND c.id = k.customer_id
            RETURNING k.id AS call_id, k.customer_id, k.to_phone, k.from_number, c.name, c.phone, c.language,
                      c.payment_status, c.emi_amount, c.emi_due_date, c.loan_amount, c.timezone, c.custom::text AS custom
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

    List<ClaimedCall> claimBatch(String organizationId, String initiationId, int batch, Duration lease) {
        return jdbc.sql(CLAIM_BATCH)
                .param("organizationId", organizationId)
                .param("initiationId", initiationId)
                .param("batch", batch)
                .param("lease", lease.toSeconds() + " seconds")
                .query(this::claimedCall)
                .list();
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
