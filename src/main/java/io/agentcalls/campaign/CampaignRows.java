package io.agentcalls.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The columns of a campaign row and how they become a {@link Campaign}, for every campaign query. */
final class CampaignRows {

    // time::text is HH:MM:SS and keeps 24:00:00, which java.time.LocalTime cannot hold
    static final String COLUMNS = """
            id, name, timezone, left(calling_window_start::text, 5) AS window_start,
            left(calling_window_end::text, 5) AS window_end, max_attempts_per_day, max_attempts_per_week,
            retry_on, retry_call_back_group_id, retry_max_attempts, retry_interval_minutes, status, description, campaign_type,
            start_date, end_date, languages, region, tags, workflow_id, paused_at, created_at, updated_at
            """;

    private CampaignRows() {}

    /** The named parameters every insert and update of the settings binds. */
    static JdbcClient.StatementSpec withSettings(JdbcClient.StatementSpec statement, CampaignSettings s) {
        CampaignDetails d = s.details();
        return statement
                .param("name", s.name())
                .param("timezone", s.timezone())
                .param("windowStart", s.callingWindow().start())
                .param("windowEnd", s.callingWindow().end())
                .param("maxAttemptsPerDay", s.maxAttemptsPerDay())
                .param("maxAttemptsPerWeek", s.maxAttemptsPerWeek())
                .param("retryOn", s.retry() == null ? null : s.retry().on().toArray(String[]::new))
                .param(
                        "retryCallBackGroupId",
                        s.retry() == null ? null : s.retry().callBackGroupId())
                .param("retryMaxAttempts", s.retry() == null ? null : s.retry().maxAttempts())
                .param(
                        "retryIntervalMinutes",
                        s.retry() == null ? null : s.retry().intervalMinutes())
                .param("status", s.status())
                .param("description", d.description())
                .param("campaignType", d.type() == null ? null : d.type().value())
                .param("startDate", d.startDate() == null ? null : d.startDate().toString())
                .param("endDate", d.endDate() == null ? null : d.endDate().toString())
                .param("languages", d.languages().toArray(String[]::new))
                .param("region", d.region())
                .param("tags", d.tags().toArray(String[]::new))
                .param("workflowId", d.workflowId());
    }

    static Campaign campaign(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("campaign_type");
        CampaignDetails details = new CampaignDetails(
                rs.getString("description"),
                type == null ? null : CampaignType.of(type).orElseThrow(),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                strings(rs.getArray("languages")),
                rs.getString("region"),
                strings(rs.getArray("tags")),
                rs.getString("workflow_id"));
        return new Campaign(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("timezone"),
                new CallingWindow(rs.getString("window_start"), rs.getString("window_end")),
                rs.getInt("max_attempts_per_day"),
                rs.getInt("max_attempts_per_week"),
                retry(rs),
                rs.getString("status"),
                details,
                rs.getObject("paused_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    static RetryPolicy retry(ResultSet rs) throws SQLException {
        Array on = rs.getArray("retry_on");
        if (on == null) {
            return null;
        }
        return new RetryPolicy(
                List.of((String[]) on.getArray()),
                rs.getString("retry_call_back_group_id"),
                rs.getInt("retry_max_attempts"),
                rs.getInt("retry_interval_minutes"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
