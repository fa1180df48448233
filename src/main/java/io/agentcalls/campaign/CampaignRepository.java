package io.agentcalls.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    private static final String COLUMNS = CampaignRows.COLUMNS;
    private static final String INSERT = """
            INSERT INTO campaigns (organization_id, id, name, timezone, calling_window_start, calling_window_end,
                                   max_attempts_per_day, max_attempts_per_week, retry_on, retry_max_attempts,
                                   retry_interval_minutes, status, paused_at, description, campaign_type,
                                   start_date, end_date, languages, region, tags, workflow_id)
            VALUES (:organizationId, :id, :name, :timezone, CAST(:windowStart AS time), CAST(:windowEnd AS time),
                    :maxAttemptsPerDay, :maxAttemptsPerWeek, CAST(:retryOn AS text[]), :retryMaxAttempts,
                    :retryIntervalMinutes, :status, CASE WHEN :status = 'paused' THEN now() END, :description,
                    :campaignType, CAST(:startDate AS date), CAST(:endDate AS date), CAST(:languages AS text[]),
                    :region, CAST(:tags AS text[]), :workflowId)
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
    private static final String LIST_NOT_ARCHIVED = "SELECT " + COLUMNS + """
            FROM campaigns
            WHERE organization_id = :organizationId AND status <> 'archived'
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    // paused_at is set only while paused, and keeps the moment the campaign was first paused
    private static final String UPDATE = """
            UPDATE campaigns
            SET name = :name, timezone = :timezone, calling_window_start = CAST(:windowStart AS time),
                calling_window_end = CAST(:windowEnd AS time), max_attempts_per_day = :maxAttemptsPerDay,
                max_attempts_per_week = :maxAttemptsPerWeek, retry_on = CAST(:retryOn AS text[]),
                retry_max_attempts = :retryMaxAttempts, retry_interval_minutes = :retryIntervalMinutes,
                status = :status, paused_at = CASE WHEN :status = 'paused' THEN coalesce(paused_at, now()) END,
                description = :description, campaign_type = :campaignType, start_date = CAST(:startDate AS date),
                end_date = CAST(:endDate AS date), languages = CAST(:languages AS text[]), region = :region,
                tags = CAST(:tags AS text[]), workflow_id = :workflowId, updated_at = now()
            WHERE organization_id = :organizationId AND id = :id
            """ + "RETURNING " + COLUMNS;
    /** Across organizations: only for the retry scheduler, which works for all of them. */
    private static final String ACTIVE_WITH_RETRIES = """
            SELECT organization_id, id, retry_on, retry_max_attempts, retry_interval_minutes
            FROM campaigns
            WHERE retry_on IS NOT NULL AND status = 'active'
            ORDER BY organization_id, id
            """;

    private static final String PAUSE = """
            UPDATE campaigns
            SET status = 'paused', paused_at = coalesce(paused_at, now()),
                updated_at = CASE WHEN status = 'paused' THEN updated_at ELSE now() END
            WHERE organization_id = :organizationId AND id = :id AND status <> 'archived'
            """ + "RETURNING " + COLUMNS;
    // resumes a paused campaign only: a completed, draft or archived one stays as it is
    private static final String RESUME = """
            UPDATE campaigns
            SET status = 'active', paused_at = NULL, updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND status = 'paused'
            """ + "RETURNING " + COLUMNS;
    private static final String ARCHIVE = """
            UPDATE campaigns
            SET status = 'archived', paused_at = NULL,
                updated_at = CASE WHEN status = 'archived' THEN updated_at ELSE now() END
            WHERE organization_id = :organizationId AND id = :id
            """ + "RETURNING " + COLUMNS;

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Campaign insert(String organizationId, String id, CampaignSettings settings) {
        return CampaignRows.withSettings(jdbc.sql(INSERT), settings)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRows::campaign)
                .single();
    }

    Optional<Campaign> find(String organizationId, String id) {
        return one(FIND, organizationId, id);
    }

    /** The campaign, locked against a concurrent patch until the transaction ends. */
    Optional<Campaign> findForUpdate(String organizationId, String id) {
        return one(FIND_FOR_UPDATE, organizationId, id);
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
                .query(CampaignRows::campaign)
                .list();
    }

    Campaign update(String organizationId, String id, CampaignSettings settings) {
        return CampaignRows.withSettings(jdbc.sql(UPDATE), settings)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRows::campaign)
                .single();
    }

    /** Pauses a campaign that is not archived; empty when there is no such campaign. */
    Optional<Campaign> pause(String organizationId, String id) {
        return one(PAUSE, organizationId, id);
    }

    List<Campaign> listNotArchived(String organizationId, String after, int limit) {
        return jdbc.sql(LIST_NOT_ARCHIVED)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(CampaignRows::campaign)
                .list();
    }

    Optional<Campaign> resume(String organizationId, String id) {
        return one(RESUME, organizationId, id);
    }

    Optional<Campaign> archive(String organizationId, String id) {
        return one(ARCHIVE, organizationId, id);
    }

    List<RetryingCampaign> activeWithRetries() {
        return jdbc.sql(ACTIVE_WITH_RETRIES)
                .query((rs, row) -> new RetryingCampaign(
                        rs.getString("organization_id"), rs.getString("id"), CampaignRows.retry(rs)))
                .list();
    }

    private Optional<Campaign> one(String sql, String organizationId, String id) {
        return jdbc.sql(sql)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(CampaignRows::campaign)
                .optional();
    }
}
