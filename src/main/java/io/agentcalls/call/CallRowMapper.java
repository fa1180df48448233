package io.agentcalls.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Reads the columns of {@link #COLUMNS} (a call {@code c} and its label) into a {@link CallRow}. */
@Component
class CallRowMapper implements RowMapper<CallRow> {

    /** Select list of a call aliased {@code c}, plus {@code disposition_label}, supplied by each query. */
    static final String COLUMNS = """
            c.organization_id, c.id, c.campaign_id, c.customer_id, c.agent_id, c.disposition_set_id,
            c.initiation_id, c.batch, c.from_number, c.to_phone, c.status, c.attempt, c.queued_at,
            c.initiated_at, c.ringing_at, c.in_progress_at, c.ended_at, c.duration_seconds,
            c.disposition_code, c.disposition_data, c.recording_url, c.transcript, c.failure_reason,
            c.created_at, c.updated_at""";

    /** Joins the label of a call's disposition code, as {@code d.label}. */
    static final String LABEL_JOIN = """
            LEFT JOIN disposition_codes d ON d.organization_id = c.organization_id
                AND d.disposition_set_id = c.disposition_set_id AND d.code = c.disposition_code
            """;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final ObjectMapper objectMapper;

    CallRowMapper(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public CallRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        String data = rs.getString("disposition_data");
        return new CallRow(
                rs.getString("organization_id"),
                rs.getString("id"),
                rs.getString("campaign_id"),
                rs.getString("customer_id"),
                rs.getString("agent_id"),
                rs.getString("disposition_set_id"),
                rs.getString("initiation_id"),
                rs.getObject("batch", Integer.class),
                rs.getString("from_number"),
                rs.getString("to_phone"),
                CallStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getInt("attempt"),
                time(rs, "queued_at"),
                time(rs, "initiated_at"),
                time(rs, "ringing_at"),
                time(rs, "in_progress_at"),
                time(rs, "ended_at"),
                rs.getObject("duration_seconds", Integer.class),
                rs.getString("disposition_code"),
                rs.getString("disposition_label"),
                data == null ? null : objectMapper.readValue(data, MAP),
                rs.getString("recording_url"),
                rs.getString("transcript"),
                rs.getString("failure_reason"),
                time(rs, "created_at"),
                time(rs, "updated_at"));
    }

    String json(Map<String, Object> data) {
        return data == null ? null : objectMapper.writeValueAsString(data);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
