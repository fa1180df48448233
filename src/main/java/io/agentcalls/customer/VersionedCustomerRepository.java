package io.agentcalls.customer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customers read with their row version ({@code xmin}, which every update of the row changes) and
 * written only if the version is still the one read: Bulk Update Customer's optimistic writes, which
 * hold no lock while the changes are computed.
 */
@Repository
class VersionedCustomerRepository {

    private static final String FIND = "SELECT " + CustomerRepository.COLUMNS + """
            , xmin::text AS version
            FROM customers
            WHERE organization_id = :organizationId AND campaign_id = :campaignId AND id IN (:ids)
            """;
    private static final String UPDATE_IF_UNCHANGED = "UPDATE customers " + CustomerRepository.SET + """
            WHERE organization_id = :organizationId AND campaign_id = :campaignId AND id = :id
              AND xmin::text = :version
            """;

    /** A customer as read, and the version of its row then. */
    record Versioned(Customer customer, String version) {}

    /** A change computed from a {@link Versioned} read. */
    record Change(CustomerData data, String customPatch, String version) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate template;

    VersionedCustomerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The customers with these ids, by id; absent ids are not in the map. */
    Map<String, Versioned> find(String organizationId, String campaignId, Collection<String> ids) {
        Map<String, Versioned> found = new HashMap<>();
        jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("ids", ids)
                .query(rs -> {
                    Customer customer = CustomerRepository.customer(rs, 0);
                    found.put(customer.id(), new Versioned(customer, rs.getString("version")));
                });
        return found;
    }

    /** Writes each change whose row is unchanged since it was read; per change, whether it was written. */
    boolean[] updateIfUnchanged(String organizationId, String campaignId, List<Change> changes) {
        MapSqlParameterSource[] batch = changes.stream()
                .map(change -> {
                    Map<String, Object> parameters = CustomerRepository.parameters(
                            organizationId, campaignId, change.data(), change.customPatch());
                    parameters.put("version", change.version());
                    return new MapSqlParameterSource(parameters);
                })
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = template.batchUpdate(UPDATE_IF_UNCHANGED, batch);
        boolean[] written = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            written[i] = counts[i] > 0;
        }
        return written;
    }
}
