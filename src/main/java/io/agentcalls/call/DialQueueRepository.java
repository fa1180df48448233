package io.agentcalls.call;

import static io.agentcalls.call.DialClaimStatements.*;
import static io.agentcalls.call.DialStatements.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The dial queue's statements (see {@link DialStatements}); times come from the caller's clock. */
@Repository
class DialQueueRepository {

    static final String EXPIRED_REASON = "Not dialed within the campaign's expireAfter";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DialQueueRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Guarded(String organizationId, String callId, String guard) {}

    boolean tryDialLock() {
        return jdbc.sql(TRY_DIAL_LOCK)
                .param("key", DIAL_LOCK)
                .query(Boolean.class)
                .single();
    }

    List<Guarded> sweep(Instant now, DialLimits limits) {
        return jdbc.sql(SWEEP)
                .param("now", utc(now))
                .param("perCampaign", limits.perCampaign())
                .param("policyPerDay", limits.contactPolicyPerDay())
                .param("policyPerWeek", limits.contactPolicyPerWeek())
                .param("expiredReason", EXPIRED_REASON)
                .query((rs, n) -> new Guarded(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<DialClaim> claim(List<Guarded> ok, Instant now, DialLimits limits, String node, long salt) {
        return jdbc.sql(CLAIM)
                .param(
                        "organizationIds",
                        ok.stream().map(Guarded::organizationId).toArray(String[]::new))
                .param("ids", ok.stream().map(Guarded::callId).toArray(String[]::new))
                .param("now", utc(now))
                .param("leaseUntil", utc(now.plus(limits.lease())))
                .param("node", node)
                .param("salt", Long.toString(salt))
                .param("connectionId", limits.connectionId())
                .param("connectionLimit", limits.connectionLimit())
                .param("defaultNumberLimit", limits.defaultNumberLimit())
                .param("limit", limits.limit())
                .query((rs, n) -> new DialClaim(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("campaign_id"),
                        rs.getString("customer_id"),
                        rs.getString("agent_id"),
                        rs.getString("to_phone"),
                        rs.getString("from_number"),
                        rs.getInt("dial_attempts"),
                        fields(rs.getString("customer_name"), rs.getString("customer_fields")),
                        rs.getString("connection_id"),
                        rs.getString("provider_number_id")))
                .list();
    }

    /** @return whether the call is still active (false: cancelled meanwhile, hang up) */
    boolean recordPlaced(String organizationId, String callId, String providerCallId) {
        return jdbc.sql(RECORD_PLACED)
                .param("organizationId", organizationId)
                .param("id", callId)
                .param("providerCallId", providerCallId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void recordRetry(String organizationId, String callId, Instant after) {
        jdbc.sql(RECORD_RETRY)
                .param("organizationId", organizationId)
                .param("id", callId)
                .param("after", utc(after))
                .update();
    }

    void recordUnknown(String organizationId, String callId, String reason) {
        jdbc.sql(RECORD_UNKNOWN)
                .param("organizationId", organizationId)
                .param("id", callId)
                .param("reason", reason)
                .update();
    }

    int renew(String node, Instant until) {
        return jdbc.sql(RENEW).param("node", node).param("until", utc(until)).update();
    }

    int releaseDead(Instant now) {
        return jdbc.sql(RELEASE_DEAD).param("now", utc(now)).update();
    }

    List<DialQueueState.Waiting> queueDepth() {
        return jdbc.sql(QUEUE_DEPTH)
                .query((rs, n) ->
                        new DialQueueState.Waiting(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    List<DialQueueState.InFlight> inFlight() {
        return jdbc.sql(IN_FLIGHT_BY_LINE)
                .query((rs, n) ->
                        new DialQueueState.InFlight(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    long scheduled(String organizationId, String campaignId) {
        return jdbc.sql(SCHEDULED_OF_CAMPAIGN)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query((rs, n) -> rs.getLong("scheduled"))
                .single();
    }

    private Map<String, String> fields(String name, String custom) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (name != null) {
            fields.put("name", name);
        }
        if (custom != null) {
            json.readValue(custom, MAP).forEach((k, v) -> fields.putIfAbsent(k, v == null ? null : v.toString()));
        }
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    static List<String> idsOf(List<Guarded> guarded, String guard) {
        List<String> ids = new ArrayList<>();
        guarded.stream().filter(g -> g.guard().equals(guard)).forEach(g -> ids.add(g.callId()));
        return ids;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
