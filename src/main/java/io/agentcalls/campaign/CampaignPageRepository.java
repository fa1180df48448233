package io.agentcalls.campaign;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** List Campaigns by page number: newest first, filtered, and the total for the pagination. */
@Repository
class CampaignPageRepository {

    private static final String FILTER = """
            FROM campaigns
            WHERE organization_id = :organizationId
              AND (CASE WHEN CAST(:status AS text) IS NULL THEN status <> 'archived' ELSE status = :status END)
              AND (CAST(:campaignType AS text) IS NULL OR campaign_type = :campaignType)
              AND (CAST(:search AS text) IS NULL OR name ILIKE :search ESCAPE '\\')
            """;
    private static final String PAGE =
            "SELECT " + CampaignRows.COLUMNS + FILTER + "ORDER BY id DESC LIMIT :limit OFFSET :offset";
    private static final String COUNT = "SELECT count(*) " + FILTER;

    private final JdbcClient jdbc;

    CampaignPageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Campaign> page(String organizationId, CampaignListQuery query) {
        return filtered(jdbc.sql(PAGE), organizationId, query)
                .param("limit", query.page().limit())
                .param("offset", query.page().offset())
                .query(CampaignRows::campaign)
                .list();
    }

    long count(String organizationId, CampaignListQuery query) {
        return filtered(jdbc.sql(COUNT), organizationId, query)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec filtered(
            JdbcClient.StatementSpec statement, String organizationId, CampaignListQuery query) {
        return statement
                .param("organizationId", organizationId)
                .param("status", query.status())
                .param("campaignType", query.campaignType())
                .param("search", query.searchPattern());
    }
}
