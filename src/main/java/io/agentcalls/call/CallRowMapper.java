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

    /**
     * Select list of a call aliased {@code c}; every query using this mapper selects exactly these,
     * then {@code disposition_label} (29th), as rows are read by position.
     */
    static final String COLUMNS = """
            c.organization_id, c.id, c.campaign_id, c.customer_id, c.agent_id, c.disposition_set_id,
            c.initiation_id, c.batch, c.from_number, c.to_phone, c.status, c.attempt, c.queued_at,
            c.initiated_at, c.ringing_at, c.in_progress_at, c.ended_at, c.duration_seconds,
            c.disposition_code, c.disposition_data, c.recording_url, c.transcript, c.failure_reason,
            c.created_at, c.updated_at, c.runner_cancel, c.placed_despite_cancel,
            c.scheduled_for""";

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

    /** By position, in the order of {@link #COLUMNS} then the label: the events endpoint maps 100 rows a request. */
    @Override
    public CallRow mapRow(ResultSet rs, int rowNum) throws SQLException {
        String data = rs.getString(20);
        return new CallRow(
                rs.getString(1), // organization_id
                rs.getString(2), // id
                rs.getString(3), // campaign_id
                rs.getString(4), // customer_id
                rs.getString(5), // agent_id
                rs.getString(6), // disposition_set_id
                rs.getString(7), // initiation_id
                rs.getObject(8, Integer.class), // batch
                rs.getString(9), // from_number
                rs.getString(10), // to_phone
                CallStatus.parse(rs.getString(11)).orElseThrow(),
                rs.getInt(12), // attempt
                time(rs, 13), // queued_at
                time(rs, 14), // initiated_at
                time(rs, 15), // ringing_at
                time(rs, 16), // in_progress_at
                time(rs, 17), // ended_at
                rs.getObject(18, Integer.class), // duration_seconds
                rs.getString(19), // disposition_code
                rs.getString(29), // disposition_label
                data == null ? null : objectMapper.readValue(data, MAP),
                rs.getString(21), // recording_url
                rs.getString(22), // transcript
                rs.getString(23), // failure_reason
                time(rs, 24), // created_at
                time(rs, 25), // updated_at
                rs.getString(26), // runner_cancel
                rs.getBoolean(27), // placed_despite_cancel
                time(rs, 28)); // scheduled_for
    }

    String json(Map<String, Object> data) {
        return data == null ? null : objectMapper.writeValueAsString(data);
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }
}
