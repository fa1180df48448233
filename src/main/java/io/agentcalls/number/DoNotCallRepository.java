package io.agentcalls.number;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DoNotCallRepository {

    /**
     * One statement for the whole list. Phones arrive sorted so that two overlapping requests take
     * their row locks in the same order and cannot deadlock; listed ones are skipped, not errors.
     */
    private static final String INSERT = """
            INSERT INTO do_not_call (organization_id, phone)
            SELECT :organizationId, phone FROM unnest(CAST(:phones AS text[])) AS phone
            ON CONFLICT (organization_id, phone) DO NOTHING
            """;

    private static final String DELETE = """
            DELETE FROM do_not_call WHERE organization_id = :organizationId AND phone = :phone
            """;
    private static final String EXISTS = """
            SELECT EXISTS (SELECT 1 FROM do_not_call WHERE organization_id = :organizationId AND phone = :phone)
            """;
    private static final String LIST = """
            SELECT phone, created_at FROM do_not_call
            WHERE organization_id = :organizationId
              AND (CAST(:phone AS text) IS NULL OR phone = :phone)
              AND (CAST(:after AS text) IS NULL OR phone > :after)
            ORDER BY phone LIMIT :limit
            """;

    private final JdbcClient jdbc;

    DoNotCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many of the (sorted, distinct) phones were not listed before. */
    int insert(String organizationId, List<String> phones) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("phones", phones.toArray(String[]::new))
                .update();
    }

    boolean delete(String organizationId, String phone) {
        return jdbc.sql(DELETE)
                        .param("organizationId", organizationId)
                        .param("phone", phone)
                        .update()
                == 1;
    }

    boolean exists(String organizationId, String phone) {
        return jdbc.sql(EXISTS)
                .param("organizationId", organizationId)
                .param("phone", phone)
                .query(Boolean.class)
                .single();
    }

    List<DoNotCallEntry> list(String organizationId, String phone, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("phone", phone)
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) ->
                        new DoNotCallEntry(rs.getString("phone"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
