package io.agentcalls.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsoleUserRepository {

    private static final String INSERT = """
            INSERT INTO console_users (organization_id, id, email, password_hash, role)
            VALUES (:organizationId, :id, :email, :hash, :role)
            ON CONFLICT (email) DO NOTHING
            RETURNING id, email, role, created_at, disabled_at
            """;
    private static final String UPSERT_DEMO = """
            INSERT INTO console_users (organization_id, id, email, password_hash, role)
            VALUES (:organizationId, :id, :email, :hash, :role)
            ON CONFLICT (email) DO UPDATE SET disabled_at = NULL, password_hash = EXCLUDED.password_hash
            WHERE console_users.organization_id = EXCLUDED.organization_id
            """;
    private static final String FIND_ACTIVE_BY_EMAIL = """
            SELECT organization_id, id, email, password_hash, role FROM console_users
            WHERE email = :email AND disabled_at IS NULL
            """;
    private static final String LIST = """
            SELECT id, email, role, created_at, disabled_at FROM console_users
            WHERE organization_id = :organizationId AND (CAST(:after AS text) IS NULL OR id > :after)
            ORDER BY id LIMIT :limit
            """;
    private static final String DISABLE_ALL = """
            UPDATE console_users SET disabled_at = now()
            WHERE organization_id = :organizationId AND disabled_at IS NULL
            """;
    private static final String COUNT_FAILURES = """
            SELECT count(*) FROM console_sign_in_failures
            WHERE subject = :subject AND failed_at > now() - make_interval(secs => :seconds)
            """;
    private static final String INSERT_FAILURE = """
            INSERT INTO console_sign_in_failures (subject) VALUES (:subject)
            """;
    private static final String FORGET_OLD_FAILURES = """
            DELETE FROM console_sign_in_failures
            WHERE subject = :subject AND failed_at <= now() - make_interval(secs => :seconds)
            """;
    private static final String FORGET_FAILURES = """
            DELETE FROM console_sign_in_failures WHERE subject = :subject
            """;

    private final JdbcClient jdbc;

    ConsoleUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredUser(String organizationId, String id, String email, String passwordHash, Role role) {}

    /** Empty when the email is taken (in any organization). */
    Optional<ConsoleUserView> insert(String organizationId, String id, String email, String hash, Role role) {
        return jdbc.sql(INSERT)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("email", email)
                .param("hash", hash)
                .param("role", role.value())
                .query(ConsoleUserRepository::view)
                .optional();
    }

    void upsertDemo(String organizationId, String id, String email, String hash, Role role) {
        jdbc.sql(UPSERT_DEMO)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("email", email)
                .param("hash", hash)
                .param("role", role.value())
                .update();
    }

    Optional<StoredUser> findActive(String email) {
        return jdbc.sql(FIND_ACTIVE_BY_EMAIL)
                .param("email", email)
                .query((rs, n) -> new StoredUser(
                        rs.getString("organization_id"),
                        rs.getString("id"),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        Role.parse(rs.getString("role")).orElseThrow()))
                .optional();
    }

    List<ConsoleUserView> list(String organizationId, String after, int limit) {
        return jdbc.sql(LIST)
                .param("organizationId", organizationId)
                .param("after", after)
                .param("limit", limit)
                .query(ConsoleUserRepository::view)
                .list();
    }

    int disableAll(String organizationId) {
        return jdbc.sql(DISABLE_ALL).param("organizationId", organizationId).update();
    }

    long failures(String subject, Duration window) {
        return jdbc.sql(COUNT_FAILURES)
                .param("subject", subject)
                .param("seconds", window.toSeconds())
                .query(Long.class)
                .single();
    }

    void recordFailure(String subject, Duration window) {
        jdbc.sql(FORGET_OLD_FAILURES)
                .param("subject", subject)
                .param("seconds", window.toSeconds())
                .update();
        jdbc.sql(INSERT_FAILURE).param("subject", subject).update();
    }

    void forgetFailures(String subject) {
        jdbc.sql(FORGET_FAILURES).param("subject", subject).update();
    }

    private static ConsoleUserView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ConsoleUserView(
                rs.getString("id"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("disabled_at", OffsetDateTime.class));
    }
}
