package io.agentcalls.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.agentcalls.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An external PostgreSQL (SPRING_DATASOURCE_URL) gets Spring Boot's own pool, configured from
 * application.yml: its errors carry no row values either. The "external" server here is this JVM's
 * embedded one, reached by URL, user and password as an operator would give them.
 */
class ExternalDataSourceErrorsTest extends ApiTest {

    @Autowired
    EmbeddedDatabase database;

    @Test
    void bootsOwnPoolLeavesTheErrorDetailOut() {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=" + database.password())
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getDataSourceProperties()).containsEntry("logServerErrorDetail", "false");

                    JdbcTemplate sql = new JdbcTemplate(pool);
                    String phone = "+9197" + String.valueOf(System.nanoTime()).substring(0, 8);
                    sql.execute("CREATE TABLE IF NOT EXISTS external_errors (phone text UNIQUE)");
                    sql.update("INSERT INTO external_errors VALUES (?)", phone);
                    assertThatThrownBy(() -> sql.update("INSERT INTO external_errors VALUES (?)", phone))
                            .isInstanceOf(DataAccessException.class)
                            .hasMessageContaining("external_errors_phone_key")
                            .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)
                                            .getMessage())
                                    .doesNotContain(phone));
                });
    }
}
