package io.agentcalls.call;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of calls: one call, filtered lists newest first, and what a simulation needs. */
@Repository
class CallQueryRepository {

    private static final String SELECT = """
            SELECT %s, d.label AS disposition_label FROM calls c
            %s
            WHERE c.organization_id = :organizationId
            """.formatted(CallRowMapper.COLUMNS, CallRowMapper.LABEL_JOIN);
    private static final String BY_ID = SELECT + " AND c.id = :id";
    private static final String BY_CAMPAIGN = " AND c.campaign_id = :campaignId";
    private static final String BY_STATUS = " AND c.status = ANY(:statuses)";
    private static final String BY_CUSTOMER = " AND c.customer_id = :customerId";
    private static final String BY_INITIATION = " AND c.initiation_id = :initiationId";
    private static final String SINCE = " AND c.created_at >= :since";
    private static final String AFTER = " AND c.id < :after";
    // ids are time-ordered, so the id order is the newest-first order and a stable cursor
    private static final String NEWEST_FIRST = " ORDER BY c.id DESC LIMIT :limit";
    private static final String PROFILES = """
            SELECT c.id, c.from_number, c.disposition_set_id, coalesce(p.max_concurrent_calls, 10) AS max_concurrent_calls,
                   cu.payment_status, cu.emi_amount
            FROM calls c
            LEFT JOIN customers cu ON cu.organization_id = c.organization_id AND cu.campaign_id = c.campaign_id
                AND cu.id = c.customer_id
            LEFT JOIN phone_numbers p ON p.organization_id = c.organization_id AND p.number = c.from_number
                AND p.deleted_at IS NULL
            WHERE c.organization_id = :organizationId AND c.id = ANY(:ids)
            """;
    private static final String SET_CODES = """
            SELECT disposition_set_id, code, category FROM disposition_codes
            WHERE organization_id = :organizationId AND disposition_set_id = ANY(:setIds)
            ORDER BY disposition_set_id, position, code
            """;

    private final JdbcClient jdbc;
    private final CallRowMapper mapper;

    CallQueryRepository(JdbcClient jdbc, CallRowMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    Optional<CallRow> find(String organizationId, String callId) {
        return jdbc.sql(BY_ID)
                .param("organizationId", organizationId)
                .param("id", callId)
                .query(mapper)
                .optional();
    }

    /** Filters are fixed SQL fragments chosen by which filters are set; values are always parameters. */
    List<CallRow> list(String organizationId, CallFilter filter, String after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        params.put("limit", limit);
        add(sql, params, BY_CAMPAIGN, "campaignId", filter.campaignId());
        if (!filter.statuses().isEmpty()) {
            add(
                    sql,
                    params,
                    BY_STATUS,
                    "statuses",
                    filter.statuses().stream().map(CallStatus::value).toArray(String[]::new));
        }
        add(sql, params, BY_CUSTOMER, "customerId", filter.customerId());
        add(sql, params, BY_INITIATION, "initiationId", filter.initiationId());
        add(sql, params, SINCE, "since", filter.since());
        add(sql, params, AFTER, "after", after);
        sql.append(NEWEST_FIRST);
        return jdbc.sql(sql.toString()).params(params).query(mapper).list();
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String fragment, String name, Object value) {
        if (value != null) {
            sql.append(fragment);
            params.put(name, value);
        }
    }

    List<CallProfile> profiles(String organizationId, List<String> callIds) {
        record Row(String id, String from, String setId, int maxLines, String paymentStatus, BigDecimal emi) {}
        List<Row> rows = jdbc.sql(PROFILES)
                .param("organizationId", organizationId)
                .param("ids", callIds.toArray(String[]::new))
                .query((rs, n) -> new Row(
                        rs.getString("id"),
                        rs.getString("from_number"),
                        rs.getString("disposition_set_id"),
                        rs.getInt("max_concurrent_calls"),
                        rs.getString("payment_status"),
                        rs.getBigDecimal("emi_amount")))
                .list();
        Map<String, List<CallProfile.DispositionOption>> codes = new HashMap<>();
        jdbc.sql(SET_CODES)
                .param("organizationId", organizationId)
                .param("setIds", rows.stream().map(Row::setId).distinct().toArray(String[]::new))
                .query(rs -> {
                    codes.computeIfAbsent(rs.getString("disposition_set_id"), k -> new ArrayList<>())
                            .add(new CallProfile.DispositionOption(rs.getString("code"), rs.getString("category")));
                });
        return rows.stream()
                .map(r -> new CallProfile(
                        r.id(),
                        r.from(),
                        r.maxLines(),
                        r.paymentStatus(),
                        r.emi(),
                        codes.getOrDefault(r.setId(), List.of())))
                .toList();
    }
}
