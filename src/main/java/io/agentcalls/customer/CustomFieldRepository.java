package io.agentcalls.customer;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * campaign_custom_fields: the names of the custom fields that at least one customer of a campaign
 * has. Kept in the transaction of every customer write, which holds the campaign's write lock.
 */
@Repository
class CustomFieldRepository {

    private static final String NAMES = """
            SELECT name FROM campaign_custom_fields
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
            ORDER BY name
            """;
    private static final String ADD = """
            INSERT INTO campaign_custom_fields (organization_id, campaign_id, name)
            SELECT :organizationId, :campaignId, unnest(CAST(ARRAY[:names] AS text[]))
            ON CONFLICT DO NOTHING
            """;
    // jsonb_exists is the ? operator, which JDBC would take for a parameter
    private static final String PRUNE_ALL = """
            DELETE FROM campaign_custom_fields f
            WHERE f.organization_id = :organizationId AND f.campaign_id = :campaignId
              AND NOT EXISTS (SELECT 1 FROM customers c
                              WHERE c.organization_id = f.organization_id AND c.campaign_id = f.campaign_id
                                AND jsonb_exists(c.custom, f.name))
            """;
    private static final String PRUNE = PRUNE_ALL + " AND f.name IN (:names)";

    private final JdbcClient jdbc;

    CustomFieldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> names(String organizationId, String campaignId) {
        return jdbc.sql(NAMES)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .query(String.class)
                .list();
    }

    void add(String organizationId, String campaignId, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql(ADD)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("names", names.stream().sorted().toList())
                .update();
    }

    /** Forgets names no customer has any more, among {@code names}. */
    void prune(String organizationId, String campaignId, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.sql(PRUNE)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("names", List.copyOf(names))
                .update();
    }

    /** Forgets every name no customer has any more; after updates that may have dropped fields. */
    void pruneAll(String organizationId, String campaignId) {
        jdbc.sql(PRUNE_ALL)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .update();
    }
}
