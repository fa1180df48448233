package io.agentcalls.number;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PhoneNumberRepository {

    /** The partial unique index on live numbers decides duplicates; a deleted number can be added again. */
    private static final String INSERT = """
            INSERT INTO phone_numbers (organization_id, id, number, active, max_concurrent_calls, provider_number_id)
            VALUES (:organizationId, :id, :number, :active, :maxConcurrentCalls, :providerNumberId)
            ON CONFLICT (organization_id, number) WHERE deleted_at IS NULL DO NOTHING
            RETURNING id, number, active, max_concurrent_calls, provider_number_id, created_at, updated_at
            """;

    private static final String FIND = """
            SELECT id, number, active, max_concurrent_calls, provider_number_id, created_at, updated_at
            FROM phone_numbers
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;
    private static final String LIST = """
            SELECT id, number, active, max_concurrent_calls, provider_number_id, created_at, updated_at
            FROM phone_numbers
            WHERE organization_id = :organizationId AND deleted_at IS NULL
              AND (CAST(:active AS boolean) IS NULL OR active = CAST(:active AS boolean))
              AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String ACTIVE = """
            SELECT id, number, active, max_concurrent_calls, provider_number_id, created_at, updated_at
            FROM phone_numbers
            WHERE organization_id = :organizationId AND deleted_at IS NULL AND active
            ORDER BY id
            """;
    private static final String UPDATE = """
            UPDATE phone_numbers
            SET active = coalesce(CAST(:active AS boolean), active),
                max_concurrent_calls = coalesce(CAST(:maxConcurrentCalls AS integer), max_concurrent_calls),
                provider_number_id = coalesce(CAST(:providerNumberId AS text), provider_number_id),
                updated_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            RETURNING id, number, active, max_concurrent_calls, provider_number_id, created_at, updated_at
            """;
    private static final String SOFT_DELETE = """
            UPDATE phone_numbers SET deleted_at = now()
            WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
            """;

    private final JdbcClient jdbc;

    PhoneNumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new number, or empty when the organization already has it. */
    Optional<PhoneNumber> insert(
            String organizationId,
            String id,
            String number,
            boolean active,
            int maxConcurrentCalls,
            String providerNumberId) {
        return jdbc.sql(INSERT)
                .param("providerNumberId", providerNumberId, java.sql.Types.VARCHAR)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("number", number)
                .param("active", active)
                .param("maxConcurrentCalls", maxConcurrentCalls)
                .query(PhoneNumberRepository::phoneNumber)
                .optional();
    }

    Optional<PhoneNumber> find(String organizationId, String id) {
        return jdbc.sql(FIND)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(PhoneNumberRepository::phoneNumber)
                .optional();
    }

    List<PhoneNumber> list(String organizationId, Boolean active, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("active", active)
                .param("after", after)
                .param("limit", limit)
                .query(PhoneNumberRepository::phoneNumber)
                .list();
    }

    List<PhoneNumber> active(String organizationId) {
        return jdbc.sql(ACTIVE)
                .param("organizationId", organizationId)
                .query(PhoneNumberRepository::phoneNumber)
                .list();
    }

    /** Applies the non-null changes; empty when there is no such number. */
    Optional<PhoneNumber> update(
            String organizationId, String id, Boolean active, Integer maxConcurrentCalls, String providerNumberId) {
        return jdbc.sql(UPDATE)
                .param("providerNumberId", providerNumberId, java.sql.Types.VARCHAR)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("active", active)
                .param("maxConcurrentCalls", maxConcurrentCalls)
                .query(PhoneNumberRepository::phoneNumber)
                .optional();
    }

    boolean softDelete(String organizationId, String id) {
        return jdbc.sql(SOFT_DELETE)
                        .param("organizationId", organizationId)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static PhoneNumber phoneNumber(ResultSet rs, int row) throws SQLException {
        return new PhoneNumber(
                rs.getString("id"),
                rs.getString("number"),
                rs.getBoolean("active"),
                rs.getInt("max_concurrent_calls"),
                rs.getString("provider_number_id"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
