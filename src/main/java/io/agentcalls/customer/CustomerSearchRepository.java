package io.agentcalls.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The console's customer list: one campaign's customers in id order (keyset pages over the primary
 * key), found by phone ({@code customers_by_phone}) or by the start of the name
 * ({@code customers_by_name}). Filters are fixed fragments; values are always parameters.
 */
@Repository
class CustomerSearchRepository {

    private static final String SELECT = "SELECT " + CustomerRepository.COLUMNS + """
            FROM customers
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
            """;
    private static final String BY_PHONE = " AND phone = :phone";
    private static final String BY_NAME = " AND lower(name) COLLATE \"C\" LIKE :namePattern";
    private static final String AFTER = " AND id > :after";
    private static final String IN_ID_ORDER = " ORDER BY id LIMIT :limit";

    private final JdbcClient jdbc;

    CustomerSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Customer> page(
            String organizationId, String campaignId, String phone, String namePrefix, String after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        params.put("organizationId", organizationId);
        params.put("campaignId", campaignId);
        params.put("limit", limit);
        add(sql, params, BY_PHONE, "phone", phone);
        add(sql, params, BY_NAME, "namePattern", prefixPattern(namePrefix));
        add(sql, params, AFTER, "after", after);
        sql.append(IN_ID_ORDER);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(CustomerRepository::customer)
                .list();
    }

    /** A LIKE pattern matching names that start with the prefix, its wildcards taken literally. */
    static String prefixPattern(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return null;
        }
        return prefix.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String fragment, String name, Object value) {
        if (value != null) {
            sql.append(fragment);
            params.put(name, value);
        }
    }
}
