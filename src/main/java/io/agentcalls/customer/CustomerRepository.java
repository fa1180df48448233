package io.agentcalls.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    static final String COLUMNS = """
            id, name, first_name, last_name, phone, language, payment_status, emi_amount, emi_due_date,
            loan_amount, loan_period, current_emi, lead_date, timezone, custom::text AS custom, created_at, updated_at
            """;
    private static final String FIND = "SELECT " + COLUMNS + """
            FROM customers WHERE organization_id = :organizationId AND campaign_id = :campaignId AND id = :id
            """;
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    private static final String LIST = "SELECT " + COLUMNS + """
            FROM customers
            WHERE organization_id = :organizationId AND campaign_id = :campaignId
              AND (CAST(:paymentStatus AS text) IS NULL OR payment_status = :paymentStatus)
              AND (CAST(:language AS text) IS NULL OR language = :language)
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    // custom is merged as JSON merge patch: given keys replace, keys given as null are removed
    static final String SET = """
            SET name = :name, first_name = :firstName, last_name = :lastName, phone = :phone, language = :language,
                payment_status = :paymentStatus, emi_amount = :emiAmount, emi_due_date = CAST(:emiDueDate AS date),
                loan_amount = :loanAmount, loan_period = :loanPeriod, current_emi = :currentEmi,
                lead_date = CAST(:leadDate AS date), timezone = :timezone,
                custom = jsonb_strip_nulls(custom || CAST(:customPatch AS jsonb)), updated_at = now()
            """;
    private static final String UPDATE = "UPDATE customers " + SET + """
            WHERE organization_id = :organizationId AND campaign_id = :campaignId AND id = :id
            """ + "RETURNING " + COLUMNS;
    private static final String DELETE = """
            DELETE FROM customers
            WHERE organization_id = :organizationId AND campaign_id = :campaignId AND id = :id
            RETURNING ARRAY(SELECT jsonb_object_keys(custom)) AS custom_names
            """;

    private static final String COUNT_BY_CAMPAIGN = """
            SELECT campaign_id, count(*) AS customers
            FROM customers
            WHERE organization_id = :organizationId AND campaign_id IN (:campaignIds)
            GROUP BY campaign_id
            """;

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Customer> find(String organizationId, String campaignId, String id) {
        return one(FIND, organizationId, campaignId, id);
    }

    Optional<Customer> findForUpdate(String organizationId, String campaignId, String id) {
        return one(FIND_FOR_UPDATE, organizationId, campaignId, id);
    }

    List<Customer> list(
            String organizationId, String campaignId, String paymentStatus, String language, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("paymentStatus", paymentStatus)
                .param("language", language)
                .param("after", after)
                .param("limit", limit)
                .query(CustomerRepository::customer)
                .list();
    }

    Customer update(String organizationId, String campaignId, CustomerData data, String customPatch) {
        return jdbc.sql(UPDATE)
                .params(parameters(organizationId, campaignId, data, customPatch))
                .query(CustomerRepository::customer)
                .single();
    }

    /** The named parameters of {@link #SET} and of the customer's key. */
    static Map<String, Object> parameters(
            String organizationId, String campaignId, CustomerData data, String customPatch) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organizationId", organizationId);
        parameters.put("campaignId", campaignId);
        parameters.put("id", data.id());
        parameters.put("name", data.name());
        parameters.put("firstName", data.firstName());
        parameters.put("lastName", data.lastName());
        parameters.put("phone", data.phone());
        parameters.put("language", data.language());
        parameters.put("paymentStatus", data.paymentStatus());
        parameters.put("emiAmount", data.emiAmount());
        parameters.put("emiDueDate", text(data.emiDueDate()));
        parameters.put("loanAmount", data.loanAmount());
        parameters.put("loanPeriod", data.loanPeriod());
        parameters.put("currentEmi", data.currentEmi());
        parameters.put("leadDate", text(data.leadDate()));
        parameters.put("timezone", data.timezone());
        parameters.put("customPatch", customPatch);
        return parameters;
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    Map<String, Long> countByCampaign(String organizationId, Collection<String> campaignIds) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(COUNT_BY_CAMPAIGN)
                .param("organizationId", organizationId)
                .param("campaignIds", campaignIds)
                .query(rs -> {
                    counts.put(rs.getString("campaign_id"), rs.getLong("customers"));
                });
        return counts;
    }

    /** Deletes the customer; the names of its custom fields, or empty when there was no such customer. */
    Optional<List<String>> delete(String organizationId, String campaignId, String id) {
        return jdbc.sql(DELETE)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("id", id)
                .query((rs, row) -> names(rs.getArray("custom_names")))
                .optional();
    }

    private Optional<Customer> one(String sql, String organizationId, String campaignId, String id) {
        return jdbc.sql(sql)
                .param("organizationId", organizationId)
                .param("campaignId", campaignId)
                .param("id", id)
                .query(CustomerRepository::customer)
                .optional();
    }

    private static List<String> names(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    static Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("phone"),
                rs.getString("language"),
                rs.getString("payment_status"),
                rs.getBigDecimal("emi_amount"),
                rs.getObject("emi_due_date", LocalDate.class),
                rs.getBigDecimal("loan_amount"),
                (Integer) rs.getObject("loan_period"),
                (Integer) rs.getObject("current_emi"),
                rs.getObject("lead_date", LocalDate.class),
                rs.getString("timezone"),
                rs.getString("custom"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
