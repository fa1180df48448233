package io.agentcalls.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentcalls.embedded-postgres.*}: the embedded PostgreSQL (only when no database URL is set).
 *
 * @param clean start on an empty data folder and delete it at stop (tests)
 * @param durable AGENTCALLS_EMBEDDED_POSTGRES_DURABLE: {@code true} keeps {@code fsync},
 *     {@code synchronous_commit} and {@code full_page_writes} on, so a committed change survives a
 *     power loss; {@code false} turns them off for speed, and a crash of the machine may then lose
 *     recent commits or corrupt the database (scratch data, benchmarks of our code alone)
 */
@ConfigurationProperties("agentcalls.embedded-postgres")
record EmbeddedPostgresProperties(
        @DefaultValue("false") boolean clean,
        @DefaultValue("true") boolean durable) {}
