package io.agentcalls.initiation;

import io.agentcalls.customer.StandardField;
import io.agentcalls.initiation.selection.FilterSql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The first few customers a launch's filters match, with every field as text under each of its
 * names: the selection's own reading of customers ({@link io.agentcalls.initiation.selection}), for
 * the console's preview of the agent's variables.
 */
@Repository
class LaunchSampleRepository {

    /** {@code %s} is the filter's condition: placeholders only, values bound (FilterSql). */
    private static final String MATCHING = """
            SELECT c.id, c.name, c.first_name, c.last_name, c.phone, c.language, c.payment_status, c.emi_amount,
                   c.emi_due_date, c.loan_amount, c.loan_period, c.current_emi, c.lead_date, c.timezone,
                   c.custom::text AS custom
            FROM customers c
            WHERE c.organization_id = :organizationId AND c.campaign_id = :campaignId AND (%s)
            ORDER BY c.emi_due_date NULLS LAST, c.id
            LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper objectMapper;

    LaunchSampleRepository(JdbcClient jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    List<Map<String, String>> matching(String organizationId, String campaignId, FilterSql filter, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>(filter.parameters());
        parameters.put("organizationId", organizationId);
        parameters.put("campaignId", campaignId);
        parameters.put("limit", limit);
        return jdbc.sql(MATCHING.formatted(filter.condition()))
                .params(parameters)
                .query(this::fields)
                .list();
    }

    private Map<String, String> fields(ResultSet rs, int row) throws SQLException {
        Map<String, String> fields = new HashMap<>();
        String customJson = rs.getString("custom");
        if (customJson != null) {
            JsonNode custom = objectMapper.readTree(customJson);
            custom.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    fields.put(
                            e.getKey(),
                            e.getValue().isString()
                                    ? e.getValue().asString()
                                    : e.getValue().toString());
                }
            });
        }
        String id = rs.getString("id");
        StandardField.ID.names().forEach(name -> fields.put(name, id));
        for (String field : StandardField.DATA_FIELD_NAMES) {
            Object value = rs.getObject(field);
            if (value != null) {
                String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
                StandardField.named(field).orElseThrow().names().forEach(name -> fields.put(name, text));
            }
        }
        return fields;
    }
}
