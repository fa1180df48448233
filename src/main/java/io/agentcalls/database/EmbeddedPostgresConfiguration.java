package io.agentcalls.database;

import com.zaxxer.hikari.HikariDataSource;
import io.agentcalls.common.ServiceProperties;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, the service runs a real PostgreSQL 17 of its own, kept in
 * {@code AGENTCALLS_DATA_DIR/postgres} across restarts. With the URL set, none of this exists and
 * Spring Boot's own DataSource is used against the external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "")
    EmbeddedDatabase embeddedDatabase(ServiceProperties service, EmbeddedPostgresProperties properties)
            throws IOException {
        return SharedEmbeddedPostgres.obtain(service.dataDir().toAbsolutePath(), properties);
    }

    /** Stops the server after the pool (a dependent bean) has closed its connections. */
    @Bean
    DisposableBean embeddedPostgresRelease(EmbeddedDatabase database) {
        return SharedEmbeddedPostgres::release;
    }

    /**
     * Bound to {@code spring.datasource.hikari} like Boot's own pool, so the pool settings and the
     * driver properties of application.yml (logServerErrorDetail=false) hold for both databases.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDatabase database, DisposableBean embeddedPostgresRelease) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.USER);
        dataSource.setPassword(database.password());
        // also here, not only in application.yml, so a configuration that leaves it out still keeps
        // row values (an error's DETAIL) out of exception messages
        dataSource.addDataSourceProperty("logServerErrorDetail", "false");
        return dataSource;
    }
}
