package io.agentcalls.contact;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactPolicyRepository {

    private static final String FIND = """
            SELECT max_attempts_per_day, max_attempts_per_week FROM contact_policies WHERE organization_id = :organizationId
            """;
    private static final String UPSERT = """
            INSERT INTO contact_policies (organization_id, max_attempts_per_day, max_attempts_per_week)
            VALUES (:organizationId, :perDay, :perWeek)
            ON CONFLICT (organization_id) DO UPDATE
            SET max_attempts_per_day = EXCLUDED.max_attempts_per_day,
                max_attempts_per_week = EXCLUDED.max_attempts_per_week, updated_at = now()
            """;

    private final JdbcClient jdbc;

    ContactPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ContactPolicy> find(String organizationId) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .query((rs, n) -> new ContactPolicy(rs.getInt(1), rs.getInt(2)))
                .optional();
    }

    void save(String organizationId, ContactPolicy policy) {
        jdbc.sql(UPSERT)
                .param("organizationId", organizationId)
                .param("perDay", policy.maxAttemptsPerDay())
                .param("perWeek", policy.maxAttemptsPerWeek())
                .update();
    }
}
