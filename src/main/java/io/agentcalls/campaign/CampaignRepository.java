package io.agentcalls.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    // time::text is HH:MM:SS and keeps 24:00:00, which java.time.LocalTime cannot hold
    private static final String COLUMNS = """
            id, name, timezone, left(calling_window_start::text, 5) AS window_start,
            left(calling_window_end::text, 5) AS window_end, max_attempts_per_day, max_attempts_per_week,
            retry_on, retry_max_attempts, retry_interval_minutes, status, created_at, updated_at
            """;
    private static final String INSERT = """
            INSERT INTO campaigns (organization_id, id, name, timezone, calling_window_start, calling_window_end,
                                   max_attempts_per_day, max_attempts_per_week, retry_on, retry_max_attempts,
                                   retry_interval_minutes)
            VALUES (:organizationId, :id, :name, :timezone, CAST(:windowStart AS time), CAST(:windowEnd AS time),
                    :maxAttemptsPerDay, :maxAttemptsPerWeek, CAST(:retryOn AS text[]), :retryMaxAttempts,
                    :retryIntervalMinutes)
            """ + "RETURNING " + COLUMNS;
    private static final String FIND = "SELECT " + COLUMNS + """
            FROM campaigns WHERE organization_id = :organizationId AND id = :id
            """;
    private static final String FIND_FOR_UPDATE = FIND + " FOR NO KEY UPDATE";
    private static final String EXISTS_ELSEWHERE = """
            SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = :id AND organization_id <> :organizationId)
            """;
    private static final String LIST = "SELECT " + COLUMNS + """
            FROM campaigns
            WHERE organization_id = :organizationId
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String UPDATE = """
            UPDATE campaigns
            SET name = :name, timezone = :timezone, calling_window_start = CAST(:windowStart AS time),
                calling_window_end = CAST(:windowEnd AS time), max_attempts_per_day = :maxAttemptsPerDay,
                max_attempts_per_week = :maxAttemptsPerWeek, retry_on = CAST(:retryOn AS text[]),
                retry_max_attempts = :retryMaxAttempts, retry_interval_minutes = :retryIntervalMinutes,
                updated_at = now()
            WHERE organization_id = :organizationId AND id = :id
            """ + "RETURNING " + COLUMNS;
    /** Across organizations: only for the retry scheduler, which works for all of them. */
    private static final String ACTIVE_WITH_RETRIES = """
            SELECT organization_id, id, retry_on, retry_max_attempts, retry_interval_minutes
            FROM campaigns
            WHERE retry_on IS NOT NULL AND status = 'active'
            ORDER BY organization_id, id
            """;

    private static final String ARCHIVE = """
            UPDATE campaigns
            SET status = 'archived', updated_at = CASE WHEN status = 'archived' THEN updated_at ELSE now() END
            WHERE organization_id = :organizationId AND id = :id
            """ + "RETURNING " + COLUMNS;

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Campaign insert(String organizationId, String id, CampaignSettings settings) {
        return withSettings(jdbc.sql(INSERT), settings)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRepository::campaign)
                .single();
    }

    Optional<Campaign> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRepository::campaign)
                .optional();
    }

    /** The campaign, locked against a concurrent patch until the transaction ends. */
    Optional<Campaign> findForUpdate(String organizationId, String id) {
        return jdbc.sql(FIND_FOR_UPDATE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRepository::campaign)
                .optional();
    }

    boolean existsInAnotherOrganization(String organizationId, String id) {
        return jdbc.sql(EXISTS_ELSEWHERE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    List<Campaign> list(String organizationId, String status, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("status", status)
                .param("after", after)
                .param("limit", limit)
                .query(CampaignRepository::campaign)
                .list();
    }

    Campaign update(String organizationId, String id, CampaignSettings settings) {
        return withSettings(jdbc.sql(UPDATE), settings)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRepository::campaign)
                .single();
    }

    Optional<Campaign> archive(String organizationId, String id) {
        return jdbc.sql(ARCHIVE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRepository::campaign)
                .optional();
    }

    List<RetryingCampaign> activeWithRetries() {
        return jdbc.sql(ACTIVE_WITH_RETRIES)
                .query((rs, row) ->
                        new RetryingCampaign(rs.getString("organization_id"), rs.getString("id"), retry(rs)))
                .list();
    }

    private static JdbcClient.StatementSpec withSettings(JdbcClient.StatementSpec statement, CampaignSettings s) {
        return statement
                .param("name", s.name())
                .param("timezone", s.timezone())
                .param("windowStart", s.callingWindow().start())
                .param("windowEnd", s.callingWindow().end())
                .param("maxAttemptsPerDay", s.maxAttemptsPerDay())
                .param("maxAttemptsPerWeek", s.maxAttemptsPerWeek())
                .param("retryOn", s.retry() == null ? null : s.retry().on().toArray(String[]::new))
                .param("retryMaxAttempts", s.retry() == null ? null : s.retry().maxAttempts())
                .param(
                        "retryIntervalMinutes",
                        s.retry() == null ? null : s.retry().intervalMinutes());
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("timezone"),
                new CallingWindow(rs.getString("window_start"), rs.getString("window_end")),
                rs.getInt("max_attempts_per_day"),
                rs.getInt("max_attempts_per_week"),
                retry(rs),
                rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static RetryPolicy retry(ResultSet rs) throws SQLException {
        Array on = rs.getArray("retry_on");
        if (on == null) {
            return null;
        }
        return new RetryPolicy(
                List.of((String[]) on.getArray()),
                rs.getInt("retry_max_attempts"),
                rs.getInt("retry_interval_minutes"));
    }
}
