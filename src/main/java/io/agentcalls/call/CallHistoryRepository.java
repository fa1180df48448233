package io.agentcalls.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls with their campaign's name, customer and outcome, for the TimePay Agents API's call details
 * and logs. The logs' filters are fixed SQL fragments chosen by which filters are set; values are
 * always parameters. Newest first: call ids are time-ordered.
 */
@Repository
class CallHistoryRepository {

    /** When a call was placed, or queued if it never was: what start_time shows and filters. */
    private static final String START = "coalesce(c.initiated_at, c.queued_at)";

    private static final String FROM = """
             FROM calls c
            LEFT JOIN disposition_codes k ON k.organization_id = c.organization_id
                AND k.disposition_set_id = c.disposition_set_id AND k.code = c.disposition_code
            """;
    private static final String SELECT = """
            SELECT c.id, c.campaign_id, p.name AS campaign_name, p.campaign_type, c.customer_id, u.name AS customer_name,
                   u.language, CAST(u.custom AS text) AS custom, c.agent_id, c.from_number, c.to_phone, c.status,
                   k.label AS disposition, k.disposition_id, c.duration_seconds, %s AS start_time, c.ended_at,
                   c.recording_url IS NOT NULL AS has_recording, c.transcript IS NOT NULL AS has_transcript,
                   CAST(c.disposition_data AS text) AS disposition_data
            """.formatted(START) + FROM + """
            LEFT JOIN campaigns p ON p.organization_id = c.organization_id AND p.id = c.campaign_id
            LEFT JOIN customers u ON u.organization_id = c.organization_id AND u.campaign_id = c.campaign_id
                AND u.id = c.customer_id
            WHERE c.organization_id = :organizationId
            """;
    private static final String BY_ID = SELECT + " AND c.id = :id";
    private static final String COUNT = "SELECT count(*)" + FROM + " WHERE c.organization_id = :organizationId";
    private static final String BY_STATUS = " AND c.status = ANY(:statuses)";
    private static final String BY_DISPOSITION =
            " AND (lower(k.label) = lower(:disposition) OR k.code = :disposition OR k.disposition_id = :disposition)";
    private static final String BY_FROM = " AND c.from_number = :fromPhone";
    private static final String BY_PHONE = " AND c.to_phone = :phone";
    private static final String BY_CAMPAIGN = " AND c.campaign_id = :campaignId";
    private static final String BY_AGENT = " AND c.agent_id = :agentId";
    private static final String SINCE = " AND " + START + " >= :startTime";
    private static final String UNTIL = " AND " + START + " <= :endTime";
    private static final String PAGE = " ORDER BY c.id DESC LIMIT :limit OFFSET :offset";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CallHistoryRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CallHistory> find(String organizationId, String callId) {
        return jdbc.sql(BY_ID)
                .param("organizationId", organizationId)
                .param("id", callId)
                .query(this::history)
                .optional();
    }

    List<CallHistory> page(String organizationId, LogFilter filter, int limit, long offset) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = where(organizationId, filter, sql);
        sql.append(PAGE);
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(this::history).list();
    }

    long count(String organizationId, LogFilter filter) {
        StringBuilder sql = new StringBuilder(COUNT);
        Map<String, Object> params = where(organizationId, filter, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    private static Map<String, Object> where(String organizationId, LogFilter filter, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        if (filter.statuses() != null) {
            add(
                    sql,
                    params,
                    BY_STATUS,
                    "statuses",
                    filter.statuses().stream().map(CallStatus::value).toArray(String[]::new));
        }
        add(sql, params, BY_DISPOSITION, "disposition", filter.disposition());
        add(sql, params, BY_FROM, "fromPhone", filter.fromPhone());
        add(sql, params, BY_PHONE, "phone", filter.phone());
        add(sql, params, BY_CAMPAIGN, "campaignId", filter.campaignId());
        add(sql, params, BY_AGENT, "agentId", filter.agentId());
        add(sql, params, SINCE, "startTime", filter.startTime());
        add(sql, params, UNTIL, "endTime", filter.endTime());
        return params;
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String fragment, String name, Object value) {
        if (value != null) {
            sql.append(fragment);
            params.put(name, value);
        }
    }

    private CallHistory history(ResultSet rs, int row) throws SQLException {
        Integer duration = rs.getObject("duration_seconds", Integer.class);
        return new CallHistory(
                rs.getString("id"),
                rs.getString("customer_name"),
                rs.getString("campaign_id"),
                rs.getString("campaign_name"),
                rs.getString("campaign_type"),
                rs.getString("agent_id"),
                rs.getString("customer_id"),
                rs.getString("language"),
                rs.getString("from_number"),
                rs.getString("to_phone"),
                CallStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getString("disposition"),
                rs.getString("disposition_id"),
                duration == null ? 0 : duration,
                rs.getObject("start_time", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class),
                rs.getBoolean("has_recording"),
                rs.getBoolean("has_transcript"),
                map(rs.getString("disposition_data")),
                map(rs.getString("custom")));
    }

    private Map<String, Object> map(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
