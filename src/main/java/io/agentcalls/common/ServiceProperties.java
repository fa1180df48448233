package io.agentcalls.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-wide {@code agentcalls.*} settings; each feature's own are in its records.
 *
 * @param dataDir AGENTCALLS_DATA_DIR: where the embedded PostgreSQL keeps its files and a generated
 *     encryption key is kept
 * @param maxJsonBodyBytes the largest JSON request body, refused before it is parsed
 */
@ConfigurationProperties("agentcalls")
public record ServiceProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("10485760") long maxJsonBodyBytes) {

    public ServiceProperties {
        Settings.atLeast("agentcalls.max-json-body-bytes", maxJsonBodyBytes, 1);
    }
}
