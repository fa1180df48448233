package io.agentcalls.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentcalls.common.Ids;
import io.agentcalls.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded PostgreSQL is private (loopback, password) and durable, and its errors carry no row values. */
class EmbeddedPostgresTest extends ApiTest {

    @Autowired
    EmbeddedDatabase database;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Value("${agentcalls.data-dir}")
    Path dataDir;

    @Test
    void refusesAConnectionWithoutThePassword() {
        String url = database.jdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=postgres"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "not-the-password"))
                .isInstanceOfSatisfying(
                        PSQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void thePasswordFileOpensItAndOnlyItsOwnerCanReadIt() throws Exception {
        Path passwordFile = dataDir.resolve("postgres-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        String password = Files.readString(passwordFile).strip();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @Test
    void listensOnLoopbackOnlyAndAcceptsOnlyPasswordLogins() {
        assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show("unix_socket_directories")).isEmpty();
        assertThat(show("password_encryption")).isEqualTo("scram-sha-256");
        List<Map<String, Object>> rules = jdbcTemplate.queryForList(
                "SELECT type, auth_method, address, error FROM pg_hba_file_rules ORDER BY rule_number");
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.get("error")).isNull();
            assertThat(rule.get("type")).isEqualTo("host");
            assertThat(rule.get("address")).isEqualTo("127.0.0.1");
            assertThat(rule.get("auth_method")).isEqualTo("scram-sha-256");
        });
        assertThat(jdbcTemplate.queryForObject(
                        "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'",
                        Boolean.class))
                .isTrue();
    }

    @Test
    void isDurableByDefault() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void aUniqueViolationNamesTheConstraintButNoValue() {
        String organization = Ids.newId("org");
        String phone = "+9198" + String.valueOf(System.nanoTime()).substring(0, 8);
        jdbc.sql("INSERT INTO organizations (id, name) VALUES (:id, 'Errors without values')")
                .param("id", organization)
                .update();
        String insert = "INSERT INTO phone_numbers (organization_id, id, number) VALUES (?, ?, ?)";
        jdbcTemplate.update(insert, organization, Ids.newId("num"), phone);

        assertThatThrownBy(() -> jdbcTemplate.update(insert, organization, Ids.newId("num"), phone))
                .isInstanceOfSatisfying(DataAccessException.class, e -> {
                    assertThat(messages(e)).contains("phone_numbers_unique_number");
                    assertThat(messages(e)).doesNotContain(phone).doesNotContain(organization);
                });
        // a batch reports the failed entry; pgjdbc would print it with its parameters
        assertThatThrownBy(() -> jdbcTemplate.batchUpdate(
                        insert, List.<Object[]>of(new Object[] {organization, Ids.newId("num"), phone})))
                .isInstanceOfSatisfying(DataAccessException.class, e -> {
                    assertThat(messages(e)).contains("phone_numbers_unique_number");
                    assertThat(messages(e)).doesNotContain(phone).doesNotContain(organization);
                });
    }

    @Test
    void theServerLogsErrorsWithoutDetailStatementOrParameters() {
        // what the server writes to its log (zonky forwards it to ours) is PostgreSQL's to decide,
        // from these settings: terse drops DETAIL, where a unique violation names the row's values
        assertThat(show("log_error_verbosity")).isEqualTo("terse");
        assertThat(show("log_min_error_statement")).isEqualTo("panic");
        assertThat(show("log_statement")).isEqualTo("none");
        assertThat(show("log_parameter_max_length")).isEqualTo("0");
        assertThat(show("log_parameter_max_length_on_error")).isEqualTo("0");
    }

    private String show(String setting) {
        return jdbcTemplate.queryForObject("SHOW " + setting, String.class);
    }

    /** Every message of the exception and its causes, and of every SQLException chained to them. */
    private static String messages(Throwable e) {
        List<String> all = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.add(t.toString());
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    all.add(next.toString());
                }
            }
        }
        return String.join("\n", all);
    }
}
