package io.agentcalls.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's call list: keyset pages newest first over the primary key (organization, id), whose
 * time-ordered ids also bound a date range, so no filter needs an index of its own on the hot calls
 * table. Phone and name searches go through the customers' indexes (V135) to the calls of those
 * customers ({@code calls_by_customer}). Filters are fixed fragments; values are always parameters.
 */
@Repository
class CallSearchRepository {

    private static final String SELECT = """
            SELECT c.id, c.queued_at, c.campaign_id, c.customer_id, u.name AS customer_name, c.to_phone, c.status,
                   c.attempt, c.duration_seconds, d.label AS disposition, c.ended_at
            FROM calls c
            LEFT JOIN customers u ON u.organization_id = c.organization_id AND u.campaign_id = c.campaign_id
                AND u.id = c.customer_id
            LEFT JOIN disposition_codes d ON d.organization_id = c.organization_id
                AND d.disposition_set_id = c.disposition_set_id AND d.code = c.disposition_code
            WHERE c.organization_id = :organizationId
            """;
    private static final String BY_CAMPAIGN = " AND c.campaign_id = :campaignId";
    private static final String BY_STATUS = " AND c.status = ANY(:statuses)";
    private static final String FROM = " AND c.id >= :fromId";
    private static final String UNTIL = " AND c.id < :untilId";
    private static final String BY_PHONE = """
             AND c.to_phone = :phone AND (c.campaign_id, c.customer_id) IN (
                SELECT p.campaign_id, p.id FROM customers p WHERE p.organization_id = :organizationId AND p.phone = :phone)
            """;
    private static final String BY_NAME = """
             AND (c.campaign_id, c.customer_id) IN (
                SELECT n.campaign_id, n.id FROM customers n
                WHERE n.organization_id = :organizationId AND lower(n.name) COLLATE "C" LIKE :namePattern
                ORDER BY lower(n.name) COLLATE "C", n.campaign_id, n.id LIMIT %d)
            """.formatted(CallSearch.MAX_NAME_MATCHES);
    private static final String AFTER = " AND c.id < :after";
    private static final String NEWEST_FIRST = " ORDER BY c.id DESC LIMIT :limit";
    private static final String ATTEMPTS = SELECT + """
             AND c.campaign_id = :campaignId AND c.customer_id = :customerId
            ORDER BY c.created_at, c.id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    CallSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CallListItem> page(String organizationId, CallSearch search, String after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        params.put("limit", limit);
        add(sql, params, BY_CAMPAIGN, "campaignId", search.campaignId());
        if (!search.statuses().isEmpty()) {
            String[] statuses =
                    search.statuses().stream().map(CallStatus::value).toArray(String[]::new);
            add(sql, params, BY_STATUS, "statuses", statuses);
        }
        add(sql, params, FROM, "fromId", idAt(search.from()));
        add(sql, params, UNTIL, "untilId", idAt(search.until()));
        add(sql, params, BY_PHONE, "phone", search.phone());
        add(sql, params, BY_NAME, "namePattern", prefixPattern(search.namePrefix()));
        add(sql, params, AFTER, "after", after);
        sql.append(NEWEST_FIRST);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(CallSearchRepository::item)
                .list();
    }

    /** A customer's calls, oldest first: every attempt in the order it was made. */
    List<CallListItem> attempts(String organizationId, String campaignId, String customerId, int limit) {
        return jdbc.sql(ATTEMPTS)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("customerId", customerId)
                .param("limit", limit)
                .query(CallSearchRepository::item)
                .list();
    }

    /** The smallest call id made at this instant: ids are "call_", 12 hex digits of epoch ms, then random. */
    static String idAt(Instant instant) {
        return instant == null ? null : "call_" + String.format("%012x", instant.toEpochMilli());
    }

    /** A LIKE pattern matching names that start with the prefix, its wildcards taken literally. */
    static String prefixPattern(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        String escaped = prefix.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return escaped + "%";
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String fragment, String name, Object value) {
        if (value != null) {
            sql.append(fragment);
            params.put(name, value);
        }
    }

    private static CallListItem item(ResultSet rs, int row) throws SQLException {
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return new CallListItem(
                rs.getString("id"),
                rs.getObject("queued_at", OffsetDateTime.class),
                rs.getString("campaign_id"),
                rs.getString("customer_id"),
                rs.getString("customer_name"),
                rs.getString("to_phone"),
                CallStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getInt("attempt"),
                durationSeconds,
                rs.getString("disposition"),
                rs.getObject("ended_at", OffsetDateTime.class));
    }
}
